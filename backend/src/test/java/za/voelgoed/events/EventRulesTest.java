package za.voelgoed.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.http.ApiException;

class EventRulesTest {

    @Test
    void validShowParsesTimesWithOffsets() {
        var times = EventRules.validate(new Events.NewEvent("Show", "2026-12-31T19:30:00+02:00",
                "2026-12-31T23:00:00+02:00", null));
        assertThat(times.startsAt()).isEqualTo(Instant.parse("2026-12-31T17:30:00Z"));
        assertThat(times.endsAt()).isEqualTo(Instant.parse("2026-12-31T21:00:00Z"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> EventRules.validate(new Events.NewEvent(" ", null, "later", "x".repeat(201))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problem().errors()).extracting(f -> f.field())
                            .containsExactlyInAnyOrder("name", "venue", "starts_at", "ends_at");
                });
    }

    @Test
    void timesWithoutOffsetAreRefused() {
        assertThatThrownBy(() -> EventRules.validate(new Events.NewEvent("Show", "2026-12-31T19:30:00", null, null)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void onlyDraftsCanBePublished() {
        assertThat(EventRules.publishRefusal(show("draft"))).isEmpty();
        assertThat(EventRules.publishRefusal(show("published"))).contains("already_published");
        assertThat(EventRules.publishRefusal(show("cancelled"))).contains("event_cancelled");
    }

    private static Event show(String status) {
        Instant now = Instant.now();
        return new Event(UUID.randomUUID(), UUID.randomUUID(), "Show", now, null, null, status, null, now, now, 0);
    }
}
