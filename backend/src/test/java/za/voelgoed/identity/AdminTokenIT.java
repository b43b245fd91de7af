package za.voelgoed.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * The bootstrap admin token: made and shown on the first start of a fresh database only, kept as a digest,
 * used by every node, replaced by rotation; when set by the operator it must be long enough.
 */
class AdminTokenIT {

    @BeforeEach
    void fresh() {
        TestEnv.truncateAll();
    }

    @Test
    void theFirstStartOfAFreshDatabaseMakesTheTokenAndOnlyItShowsIt() throws Exception {
        try (BackendNode first = BackendNode.start(withoutAdminToken("first"));
             BackendNode second = BackendNode.start(withoutAdminToken("second"))) {
            String token = first.adminToken();
            assertThat(token).startsWith("vg_admin_").hasSizeGreaterThanOrEqualTo(AdminToken.MIN_LENGTH);
            assertThat(second.adminToken()).as("a later start shows nothing").isNull();
            assertThat(Db.single("select value from system_settings where name = ?", AdminToken.SETTING))
                    .isNotEqualTo(token);
            assertThat(new Api(second.port(), token).get("/api/admin/outbox").status()).isEqualTo(200);

            String rotated = AdminToken.rotate(first.database().dsl());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(new Api(first.port(), token).get("/api/admin/outbox").status()).isEqualTo(401);
                assertThat(new Api(second.port(), rotated).get("/api/admin/outbox").status()).isEqualTo(200);
            });
        }
    }

    @Test
    void aConfiguredTokenShorterThan32CharactersStopsTheStart() {
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_ADMIN_TOKEN", "s3cret-but-short");
        AppConfig config = TestEnv.config(env);
        assertThatThrownBy(() -> BackendNode.start(config)).hasMessageContaining("at least 32 characters");
    }

    @Test
    void theRotateCommandRefusesWhenTheTokenIsConfiguredAndPrintsTheNewOneOtherwise() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        assertThat(AdminTokenCommand.run(new String[] {"rotate"}, TestEnv.config(), new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(2);
        assertThat(AdminTokenCommand.run(new String[] {"rotate"}, withoutAdminToken("cli"), new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isZero();
        assertThat(out.toString()).contains("vg_admin_");
        assertThat(Db.count("select count(*) from system_settings where name = ?", AdminToken.SETTING)).isEqualTo(1);
    }

    private static AppConfig withoutAdminToken(String nodeId) {
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_ADMIN_TOKEN", "");
        env.put("VOELGOED_NODE_ID", nodeId);
        return TestEnv.config(env);
    }
}
