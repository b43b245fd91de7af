package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrgMetersTest {

    private final List<String> registered = new ArrayList<>();
    private final OrgMeters<String> meters = new OrgMeters<>((org, tag) -> {
        String meter = org + "/" + tag;
        registered.add(meter);
        return meter;
    });

    @Test
    void registersEachOrganisationAndTagOnce() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        assertThat(meters.get(a, "event")).isEqualTo(a + "/event");
        assertThat(meters.get(a, "event")).isSameAs(meters.get(a, "event"));
        assertThat(meters.get(a, "pong")).isEqualTo(a + "/pong");
        assertThat(meters.get(b, "event")).isEqualTo(b + "/event");
        assertThat(meters.get(UUID.fromString(a.toString()), "event")).as("an equal id, another instance")
                .isEqualTo(a + "/event");

        assertThat(registered).containsExactly(a + "/event", a + "/pong", b + "/event");
    }

    @Test
    void theSystemAdminHasNoOrganisation() {
        assertThat(meters.get(null, "event")).isEqualTo("null/event");
        meters.get(null, "event");
        assertThat(registered).containsExactly("null/event");
    }
}
