package za.voelgoed.platform.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.topic.Topic;
import za.voelgoed.shared.topic.TopicFamily;

/** A node delivers every organisation's dispatched events in offset order, reading back what Redis lost. */
class ContinuityTest {

    private final UUID org = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final Outbox outbox = new Outbox();
    private final List<UUID> resynced = new ArrayList<>();
    private final Map<UUID, Integer> readBack = new HashMap<>();
    private final PubSubTelemetry telemetry = new PubSubTelemetry() {
        @Override
        public void dropped(UUID organizationId, String reason) {
        }

        @Override
        public void delivered(UUID organizationId, String eventType, java.time.Duration commitToDelivery) {
        }

        @Override
        public void readBack(UUID organizationId, int events) {
            readBack.merge(organizationId, events, Integer::sum);
        }
    };
    private final Continuity continuity = new Continuity(outbox, telemetry, resynced::add);

    @Test
    void messagesThatFollowOnAreDeliveredAsTheyCome() {
        continuity.adoptHeads();
        assertThat(offsets(continuity.admit(List.of(outbox.dispatch(org), outbox.dispatch(org), outbox.dispatch(other)))))
                .containsExactly(1L, 2L, 3L);
        assertThat(readBack).isEmpty();
    }

    @Test
    void aMessageAfterALossBringsTheLostEventsFirstFromTheOutbox() {
        continuity.adoptHeads();
        continuity.admit(List.of(outbox.dispatch(org)));
        outbox.dispatch(org);
        outbox.dispatch(other);
        outbox.dispatch(org);
        Routed next = outbox.dispatch(org);

        assertThat(offsets(continuity.admit(List.of(next)))).containsExactly(2L, 4L, 5L);
        assertThat(readBack).containsEntry(org, 2);
    }

    @Test
    void aRedeliveredMessageIsDroppedAndBurnedOffsetsAreNoLoss() {
        continuity.adoptHeads();
        Routed first = outbox.dispatch(org);
        continuity.admit(List.of(first));
        assertThat(continuity.admit(List.of(first))).isEmpty();
        Routed burned = outbox.burn(org);
        continuity.admit(List.of(burned));
        Routed again = outbox.dispatch(org);
        assertThat(offsets(continuity.admit(List.of(again)))).containsExactly(again.message().offset());
        assertThat(readBack).isEmpty();
    }

    @Test
    void afterTheLinkCameBackEveryOrganisationIsCaughtUpToItsHead() {
        continuity.adoptHeads();
        continuity.admit(List.of(outbox.dispatch(org), outbox.dispatch(other)));
        outbox.dispatch(org);
        outbox.dispatch(other);
        UUID newcomer = UUID.randomUUID();
        outbox.dispatch(newcomer);

        assertThat(offsets(continuity.catchUp())).containsExactlyInAnyOrder(3L, 4L, 5L);
        Routed late = outbox.dispatch(org);
        assertThat(offsets(continuity.admit(List.of(late)))).containsExactly(late.message().offset());
    }

    @Test
    void aLossTooLargeToReadBackMakesTheOrganisationResync() {
        continuity.adoptHeads();
        continuity.admit(List.of(outbox.dispatch(org)));
        for (int i = 0; i < Continuity.MAX_FILL + 1; i++) {
            outbox.dispatch(org);
        }
        Routed next = outbox.dispatch(org);
        assertThat(offsets(continuity.admit(List.of(next)))).containsExactly(next.message().offset());
        assertThat(resynced).containsExactly(org);
    }

    @Test
    void messagesWithoutOffsetsPassUntouched() {
        Routed presence = new Routed(Set.of(Topic.of(TopicFamily.AUDIT_ORG, org)), message(org, 0), 0);
        assertThat(continuity.admit(List.of(presence, presence))).hasSize(2);
    }

    private static List<Long> offsets(List<Routed> routed) {
        return routed.stream().map(r -> r.message().offset()).toList();
    }

    private static EventMessage message(UUID org, long offset) {
        return new EventMessage("widget.changed.v1", org, null, UUID.randomUUID(), 1, "widget", UUID.randomUUID(),
                Json.object(), Instant.now(), offset);
    }

    /** A dispatch log in memory: one sequence for all organisations, each message naming the one before. */
    private static final class Outbox implements Backfill {
        private long sequence;
        private final Map<UUID, Long> heads = new HashMap<>();
        private final List<Routed> log = new ArrayList<>();

        Routed dispatch(UUID org) {
            Routed routed = next(org);
            heads.put(org, routed.message().offset());
            log.add(routed);
            return routed;
        }

        /** Published, then its pass did not commit: the offset is never logged and never used again. */
        Routed burn(UUID org) {
            return next(org);
        }

        private Routed next(UUID org) {
            long offset = ++sequence;
            return new Routed(Set.of(Topic.of(TopicFamily.EVENTS_ORG, org)), message(org, offset),
                    heads.getOrDefault(org, 0L));
        }

        @Override
        public List<Routed> between(UUID organizationId, long after, long before, int limit) {
            return log.stream().filter(r -> r.message().orgId().equals(organizationId))
                    .filter(r -> r.message().offset() > after && r.message().offset() < before).limit(limit).toList();
        }

        @Override
        public Map<UUID, Long> heads() {
            return Map.copyOf(heads);
        }
    }
}
