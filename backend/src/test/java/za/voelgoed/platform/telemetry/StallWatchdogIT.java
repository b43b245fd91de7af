package za.voelgoed.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;

/**
 * A node that stops completing requests writes a dump of every thread while it is stuck, and the dump shows
 * the request thread waiting where it waits (here, for an organisation's row lock held elsewhere).
 */
class StallWatchdogIT {

    @Test
    void aStuckRequestLeavesAThreadDumpShowingWhereItWaits(@TempDir Path dumps) throws Exception {
        TestEnv.truncateAll();
        try (BackendNode node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_STALL_DUMP_AFTER_MS", "1000",
                "VOELGOED_STALL_DUMP_DIR", dumps.toString())))) {
            Api admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
            UUID org = admin.createOrg("Stall");
            try (Connection lock = TestEnv.connect()) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    s.execute("select 1 from organizations where id = '" + org + "' for update");
                }
                CompletableFuture<Api.Response> stuck = CompletableFuture.supplyAsync(() ->
                        admin.post("/api/orgs/" + org + "/tokens", "{\"role\":\"viewer\"}"));

                await().atMost(Duration.ofSeconds(15)).until(() -> dumpsShowing(dumps, "IdentityStore.lockOrganization") > 0);
                Thread.sleep(2_500);
                assertThat(dumpsShowing(dumps, "IdentityStore.lockOrganization")).as("one dump per stall").isEqualTo(1);
                lock.rollback();
                assertThat(stuck.get().status()).isEqualTo(201);
            }
        }
    }

    /** How many dumps show a thread waiting in {@code frame}. */
    private static long dumpsShowing(Path dir, String frame) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> {
                try {
                    return Files.readString(f).contains(frame);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
