package za.voelgoed.shared.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.client.TopicStream.Outcome;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.json.Json;

class TopicStreamTest {

    private final UUID org = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();
    private final TopicStream stream = new TopicStream();

    private EventMessage event(long seq) {
        return new EventMessage("event.published.v1", org, show, UUID.randomUUID(), seq, "event", show, Json.object(),
                Instant.parse("2026-11-26T20:00:00Z").plusSeconds(seq));
    }

    @Test
    void appliesInOrderDropsDuplicatesAndReportsGaps() {
        assertThat(stream.offer(event(1))).isEqualTo(Outcome.APPLIED);
        assertThat(stream.offer(event(2))).isEqualTo(Outcome.APPLIED);
        assertThat(stream.offer(event(2))).isEqualTo(Outcome.DUPLICATE);
        assertThat(stream.offer(event(1))).isEqualTo(Outcome.DUPLICATE);
        assertThat(stream.offer(event(4))).isEqualTo(Outcome.GAP);
        assertThat(stream.lastSeq("event:" + show)).isEqualTo(2);
    }

    @Test
    void remembersABoundedNumberOfResourcesLeastRecentlyUpdatedForgottenFirstAndKeepsTheOffset() {
        TopicStream bounded = new TopicStream(3);
        UUID[] holds = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        long offset = 0;
        for (UUID hold : holds) {
            offset += 10;
            assertThat(bounded.offer(new EventMessage("seat.hold_created.v1", org, show, UUID.randomUUID(), 1, "hold",
                    hold, Json.object(), Instant.parse("2026-12-02T10:00:00Z"), offset))).isEqualTo(Outcome.APPLIED);
        }
        assertThat(bounded.lastSeq("hold:" + holds[0])).as("the least recently updated is forgotten").isZero();
        assertThat(bounded.lastSeq("hold:" + holds[3])).isEqualTo(1);
        assertThat(bounded.resumePoint().resources()).hasSize(3);
        assertThat(bounded.resumePoint().offset()).isEqualTo(40);
        assertThat(bounded.offer(new EventMessage("seat.hold_released.v1", org, show, UUID.randomUUID(), 2, "hold",
                holds[0], Json.object(), Instant.parse("2026-12-02T10:00:01Z"), 50)))
                .as("a forgotten resource's next event is a gap: the caller re-reads").isEqualTo(Outcome.GAP);
    }

    @Test
    void aWholeStateMessageIsAppliedAcrossAJumpButNeverWhenOlder() {
        UUID telemetry = UUID.randomUUID();
        java.util.function.LongFunction<EventMessage> snapshot = seq -> new EventMessage("telemetry.snapshot.v1", org,
                null, UUID.randomUUID(), seq, "telemetry", telemetry, Json.object(), Instant.ofEpochSecond(seq));

        assertThat(stream.offerState(snapshot.apply(1_764_000_000L))).isEqualTo(Outcome.APPLIED);
        assertThat(stream.offerState(snapshot.apply(1_764_000_005L))).isEqualTo(Outcome.APPLIED);
        assertThat(stream.offerState(snapshot.apply(1_764_000_005L))).isEqualTo(Outcome.DUPLICATE);
        assertThat(stream.offerState(snapshot.apply(1_764_000_003L))).isEqualTo(Outcome.DUPLICATE);
        assertThat(stream.lastSeq("telemetry:" + telemetry)).isEqualTo(1_764_000_005L);
        assertThat(stream.offer(snapshot.apply(1_764_000_009L))).as("offer keeps its gap rule").isEqualTo(Outcome.GAP);
    }

    @Test
    void snapshotMergesWithBufferedLiveEventsByWatermark() {
        assertThat(stream.offer(event(1))).isEqualTo(Outcome.APPLIED);
        stream.awaitSnapshot();
        assertThat(stream.offer(event(4))).isEqualTo(Outcome.BUFFERED);
        assertThat(stream.offer(event(5))).isEqualTo(Outcome.BUFFERED);
        assertThat(stream.offer(event(3))).isEqualTo(Outcome.BUFFERED);
        var applied = stream.applySnapshot(Map.of("event:" + show, 4L), Instant.parse("2026-11-26T20:00:04Z"));
        assertThat(applied).extracting(EventMessage::seq).containsExactly(5L);
        assertThat(stream.lastSeq("event:" + show)).isEqualTo(5);
        assertThat(stream.isAwaitingSnapshot()).isFalse();
    }

    @Test
    void aFirstEventOfAResourceThatIsNotItsFirstIsAGap() {
        assertThat(stream.offer(event(2))).as("seq 1 of this resource never came").isEqualTo(Outcome.GAP);
        assertThat(stream.offer(event(1))).isEqualTo(Outcome.APPLIED);
        assertThat(stream.offer(event(2))).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void theResumePointIsTheNewestOffsetInTheServersEpoch() {
        stream.connected("epoch-1");
        stream.offer(withOffset(event(1), 40));
        stream.offer(withOffset(event(2), 57));
        assertThat(stream.resumePoint().offset()).isEqualTo(57);
        assertThat(stream.resumePoint().epoch()).isEqualTo("epoch-1");
        assertThat(stream.resumePoint().exact()).isTrue();
        stream.connected("epoch-2");
        assertThat(stream.resumePoint().offset()).as("offsets of another epoch mean nothing").isZero();
    }

    @Test
    void aSnapshotWithAnOffsetMovesTheResumePoint() {
        stream.awaitSnapshot();
        stream.applySnapshot(Map.of("event:" + show, 3L), Instant.parse("2026-11-26T20:00:03Z"), 90, "epoch-1");
        assertThat(stream.resumePoint().offset()).isEqualTo(90);
        assertThat(stream.offer(withOffset(event(4), 95))).isEqualTo(Outcome.APPLIED);
        assertThat(stream.offset()).isEqualTo(95);
    }

    private static EventMessage withOffset(EventMessage m, long offset) {
        return new EventMessage(m.event(), m.orgId(), m.eventId(), m.id(), m.seq(), m.resourceType(), m.resourceId(),
                m.data(), m.timestamp(), offset);
    }

    @Test
    void resumePointIsTheLastSeqPerResourceAndTheNewestTime() {
        stream.offer(event(1));
        stream.offer(event(2));
        var resume = stream.resumePoint();
        assertThat(resume.resources()).containsEntry("event:" + show, 2L);
        assertThat(resume.since()).isEqualTo(Instant.parse("2026-11-26T20:00:02Z"));
    }
}
