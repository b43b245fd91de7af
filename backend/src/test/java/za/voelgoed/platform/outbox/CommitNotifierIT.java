package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.platform.db.Database;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/**
 * A commit made where no dispatcher runs wakes another node's dispatcher through NOTIFY: with the poll
 * fallback set to a minute, only the notification can explain a dispatch within seconds.
 */
class CommitNotifierIT {

    @Test
    void commitElsewhereWakesThisNodesDispatcher() {
        TestEnv.truncateAll();
        try (BackendNode node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_OUTBOX_POLL_INTERVAL_MS", "60000")),
                Extensions.none().withSchema(Widgets.SCHEMA));
             Database elsewhere = Database.open(TestEnv.config(Map.of("VOELGOED_NODE_ID", "writer-only")))) {
            Recorder seen = new Recorder();
            var all = node.pubsub().subscribeAll(100, seen);
            await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(
                    "select count(*) from pg_stat_activity where query ilike 'LISTEN domain_events%'") >= 1);
            Outbox writer = new Outbox(elsewhere.dsl(), EventTypeRegistry.standard().register(Widgets.SCHEMA),
                    new PiiScrubber(), new DispatcherProcess.NoTelemetry(), Clock.systemUTC());
            try (CommitNotifier notifier = new CommitNotifier(elsewhere.dataSource(), () -> { }, "writer-only")) {
                writer.onCommit(events -> notifier.committed());
                UUID widget = UUID.randomUUID();
                var event = writer.transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, UUID.randomUUID(), widget,
                        Widgets.change(widget, 1)));
                await().atMost(Duration.ofSeconds(10)).until(() -> seen.sawId(event.eventId()));
                // the subscriber may see the event before the dispatch pass commits
                await().atMost(Duration.ofSeconds(10)).until(() -> Db.count("select count(*) from outbox_pending p"
                        + " join domain_events d on d.position = p.position where d.event_id = ?", event.eventId()) == 0);
            }
            all.close();
        }
    }
}
