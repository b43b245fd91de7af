package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.telemetry.MicrometerEventTelemetry;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/**
 * The outbox retention against the real PostgreSQL, without a dispatcher (tests choose what is dispatched):
 * events written now are aged by moving their timestamps back, as the days would.
 */
class OutboxRetentionIT {

    Database db;
    Outbox outbox;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final UUID org = UUID.randomUUID();
    final UUID show = UUID.randomUUID();

    @BeforeEach
    void open() {
        TestEnv.truncateAll();
        db = Database.open(TestEnv.config(Map.of("VOELGOED_DB_POOL_SIZE", "4")));
        EventTypeRegistry types = EventTypeRegistry.standard();
        types.register(Widgets.SCHEMA);
        outbox = new Outbox(db.dsl(), types, new PiiScrubber(), new MicrometerEventTelemetry(meters),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oldEventsGoInBatchesWithTheirReceiptsWhilePendingBlockedAndRecentOnesStay() {
        UUID plain = UUID.randomUUID(), blocked = UUID.randomUUID(), pending = UUID.randomUUID(),
                recent = UUID.randomUUID();
        List<DomainEvent> old = emit(plain, 25);
        List<DomainEvent> held = emit(blocked, 3);
        emit(pending, 2);
        List<DomainEvent> fresh = emit(recent, 4);
        dispatchAllBut(pending);
        age(List.of(plain, blocked, pending), 40);
        receipts("mailer", old, fresh);
        block("mailer", held.getFirst());
        Object newestOld = Db.single("select max(\"timestamp\") from domain_events where resource_id = ?", plain);

        OutboxRetention.Pass pass = retention(30, 10).pruneOnce();

        assertThat(pass.deleted()).isEqualTo(25);
        assertThat(pass.batches()).as("ten rows a statement").isGreaterThanOrEqualTo(3);
        assertThat(List.of(eventsOf(plain), eventsOf(blocked), eventsOf(pending), eventsOf(recent)))
                .as("old / blocked (a consumer block needs them) / not dispatched yet / recent")
                .containsExactly(0L, 3L, 2L, 4L);
        assertThat(Db.count("select count(*) from consumer_receipts")).isEqualTo(4);
        assertThat(Db.count("select last_seq from resource_sequences where resource_id = ?", plain)).isEqualTo(25);
        assertThat(Db.single("select pruned_through from outbox_prune_marks where organization_id = ?", org))
                .as("how far the organisation's events may be gone").isEqualTo(newestOld);
        assertThat(meters.get("voelgoed.outbox.pruned").counter().count()).isEqualTo(25);

        assertThat(emit(plain, 1).getFirst().resourceSeq()).as("seq continues after a prune").isEqualTo(26);
        assertThat(retention(30, 10).pruneOnce().deleted()).isZero();
        TestEnv.exec("truncate consumer_blocks");
        assertThat(retention(30, 10).pruneOnce().deleted()).as("block cleared").isEqualTo(3);
    }

    @Test
    void aRetentionOfZeroKeepsEverything() {
        UUID widget = UUID.randomUUID();
        emit(widget, 5);
        dispatchAllBut(null);
        age(List.of(widget), 4_000);

        assertThat(retention(0, 10).pruneOnce().deleted()).isZero();
        assertThat(eventsOf(widget)).isEqualTo(5);
    }

    @Test
    void nodesPruningAtOnceDeleteEachEventOnce() {
        List<UUID> widgets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            widgets.add(UUID.randomUUID());
            emit(widgets.getLast(), 50);
        }
        dispatchAllBut(null);
        age(widgets, 31);

        List<CompletableFuture<OutboxRetention.Pass>> passes = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            passes.add(CompletableFuture.supplyAsync(() -> retention(30, 100).pruneOnce()));
        }
        int deleted = passes.stream().map(CompletableFuture::join).mapToInt(OutboxRetention.Pass::deleted).sum();

        assertThat(deleted).isEqualTo(1_000);
        assertThat(Db.count("select count(*) from domain_events")).isZero();
    }

    private OutboxRetention retention(int days, int batch) {
        return new OutboxRetention(db.dsl(), days, batch, new MicrometerEventTelemetry(meters));
    }

    /** One transaction per widget: its events in seq order. */
    private List<DomainEvent> emit(UUID widget, int count) {
        return outbox.transact(Actor.system(), tx -> {
            List<DomainEvent> events = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                events.add(tx.emit(Widgets.CHANGED, org, widget, Widgets.change(show, n)));
            }
            return events;
        });
    }

    /** What a dispatcher would have done: their pending rows are gone. */
    private static void dispatchAllBut(UUID stillPending) {
        TestEnv.exec("delete from outbox_pending" + (stillPending == null ? ""
                : " where resource_id <> '" + stillPending + "'"));
    }

    private static void age(List<UUID> widgets, int days) {
        for (UUID widget : widgets) {
            TestEnv.exec("update domain_events set \"timestamp\" = \"timestamp\" - interval '" + days + " days'"
                    + " where resource_id = '" + widget + "'");
        }
    }

    @SafeVarargs
    private static void receipts(String consumer, List<DomainEvent>... batches) {
        java.util.Arrays.stream(batches).flatMap(List::stream).forEach(e -> TestEnv.exec("insert into consumer_receipts (consumer, event_id) values ('" + consumer
                + "', '" + e.eventId() + "')"));
    }

    private void block(String consumer, DomainEvent head) {
        TestEnv.exec("insert into consumer_blocks (id, consumer, organization_id, resource_type, resource_id,"
                + " head_event_id, head_seq, state, attempts, next_attempt_at, last_error, errors) values ('"
                + UUID.randomUUID() + "', '" + consumer + "', '" + org + "', 'widget', '" + head.resourceId()
                + "', '" + head.eventId() + "', " + head.resourceSeq() + ", 'parked', 6, now(), 'boom', '[]')");
    }

    private static long eventsOf(UUID widget) {
        return Db.count("select count(*) from domain_events where resource_id = ?", widget);
    }
}
