package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.Extensions;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/**
 * A node frees the dead rows dispatching leaves in {@code outbox_pending} itself. Autovacuum is off on the CI
 * machine, so only the node's own vacuum can count here.
 */
class PendingVacuumIT {

    @Test
    void dispatchingThousandsOfEventsIsFollowedByAVacuumOfThePendingTable() {
        TestEnv.truncateAll();
        long vacuumsBefore = vacuums();
        try (BackendNode node = BackendNode.start(TestEnv.config(), Extensions.none().withSchema(Widgets.SCHEMA))) {
            for (int batch = 0; batch < 25; batch++) {
                node.outbox().transact(Actor.system(), tx -> {
                    for (int n = 0; n < 100; n++) {
                        UUID widget = UUID.randomUUID();
                        tx.emit(Widgets.CHANGED, UUID.randomUUID(), widget, Widgets.change(widget, n));
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from outbox_pending") == 0);

            await().atMost(Duration.ofSeconds(30)).until(() -> vacuums() > vacuumsBefore);
            assertThat(Db.count("select n_dead_tup from pg_stat_user_tables where relname = 'outbox_pending'"))
                    .as("dead rows left after the vacuum").isLessThan(2_000);
        }
    }

    private static long vacuums() {
        return Db.count("select vacuum_count from pg_stat_user_tables where relname = 'outbox_pending'");
    }
}
