package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.EffectsTable;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/** Domain events dedupe by primary key: a redelivered event is published again but applied once. */
class RedeliveryIT {

    static BackendNode node;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        EffectsTable.create();
        TestEnv.exec("truncate test_effects");
        node = BackendNode.start(TestEnv.config(), Extensions.none().withSchema(Widgets.SCHEMA)
                .withConsumer(EffectsTable.consumer("once.consumer", "n", "widget.changed")));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void redeliveryIsANoOpForConsumers() {
        Recorder seen = new Recorder();
        var all = node.pubsub().subscribeAll(1000, seen);
        UUID widget = UUID.randomUUID();
        for (int n = 1; n <= 10; n++) {
            int value = n;
            node.outbox().transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, UUID.randomUUID(), widget,
                    Widgets.change(widget, value)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 10
                && Db.count("select count(*) from outbox_pending") == 0);

        TestEnv.exec("insert into outbox_pending (position, resource_type, resource_id)"
                + " select position, resource_type, resource_id from domain_events");
        node.dispatcher().dispatchOnce();

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 20);
        assertThat(Db.count("select count(*) from test_effects where consumer = 'once.consumer'")).isEqualTo(10);
        assertThat(Db.count("select count(*) from outbox_pending")).isZero();
        all.close();
    }
}
