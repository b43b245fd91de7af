package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.db.DatabaseBootstrap;
import za.voelgoed.platform.secrets.MasterKey;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.TestEnv;

/**
 * The upgrade from the release with one global ticket key in clear: a database as that release left it
 * (schema before V13, a plaintext key, a v1 code it signed) is taken over by two nodes of this release
 * starting at once. Its own database, since the old schema cannot be laid over this run's.
 * The second test retires the key the first one inspects, hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketKeysUpgradeIT {

    static final String DB_URL = TestEnv.DB_URL + "_upgrade";
    static final TicketSigningKeys GLOBAL = TicketSigningKeys.generate();
    static final UUID ORG_WITH_TICKETS = UUID.randomUUID();
    static final UUID ORG_WITHOUT = UUID.randomUUID();
    static final UUID TICKET = UUID.randomUUID();
    static final UUID SHOW = UUID.randomUUID();
    static String v1Code;
    static List<BackendNode> nodes = new ArrayList<>();
    static Api admin;

    @BeforeAll
    static void upgrade() throws Exception {
        TestEnv.prepare();
        DatabaseBootstrap.recreate(DB_URL, "postgres", "");
        Flyway.configure().dataSource(DB_URL, "postgres", "").locations("classpath:db/migration")
                .target(lastVersionBefore("13")).load().migrate();
        v1Code = V1Codes.issue(GLOBAL, TICKET, SHOW);
        asTheOldReleaseLeftIt();
        List<Future<BackendNode>> starting = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (String id : new String[] {"upgrade-1", "upgrade-2"}) {
                starting.add(pool.submit(() -> BackendNode.start(TestEnv.config(Map.of("VOELGOED_DB_URL", DB_URL,
                        "VOELGOED_NODE_ID", id, "VOELGOED_JOBS_ENABLED", "false")))));
            }
        }
        for (Future<BackendNode> node : starting) {
            nodes.add(node.get());
        }
        admin = new Api(nodes.get(0).port(), nodes.get(0).adminToken());
    }

    @AfterAll
    static void stop() throws SQLException {
        nodes.forEach(BackendNode::close);
        try (Connection c = DriverManager.getConnection(TestEnv.DB_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + TestEnv.DB_NAME + "_upgrade\" with (force)");
        }
    }

    /** The earlier release's last migration: whichever comes before {@code version} (V11, V12 once they exist). */
    static String lastVersionBefore(String version) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        return Arrays.stream(Flyway.configure().dataSource(DB_URL, "postgres", "").locations("classpath:db/migration")
                .load().info().all()).map(MigrationInfo::getVersion).filter(v -> v.compareTo(limit) < 0)
                .max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    /** An organisation with a sold ticket and its v1 code, one without, and the global key in clear. */
    static void asTheOldReleaseLeftIt() throws SQLException {
        UUID order = UUID.randomUUID();
        exec("insert into organizations (id, name, slug) values (?, 'Old', 'old'), (?, 'Later', 'later')",
                ORG_WITH_TICKETS, ORG_WITHOUT);
        exec("insert into events (id, organization_id, name, starts_at) values (?, ?, 'Old show', now())",
                SHOW, ORG_WITH_TICKETS);
        exec("""
                insert into orders (id, organization_id, event_id, hold_id, status, customer_name, customer_email,
                                    subtotal_cents, discount_cents, total_cents, currency)
                values (?, ?, ?, ?, 'paid', 'Lerato', 'lerato@example.com', 5000, 0, 5000, 'ZAR')""",
                order, ORG_WITH_TICKETS, SHOW, UUID.randomUUID());
        exec("""
                insert into tickets (id, organization_id, order_id, event_id, ticket_type, price_cents, currency, code,
                                     status) values (?, ?, ?, ?, 'ga', 5000, 'ZAR', ?, 'valid')""",
                TICKET, ORG_WITH_TICKETS, order, SHOW, v1Code);
        exec("insert into ticket_signing_keys (key_id, private_key, public_key) values (?, ?, ?)",
                GLOBAL.keyId(), V1Codes.plaintextPrivate(GLOBAL), GLOBAL.encodePublic());
    }

    static void exec(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    static List<List<Object>> rows(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "");
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    static Map<String, PublicKey> scannerKeys(UUID org) throws Exception {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode key : admin.get("/api/orgs/" + org + "/ticket-keys").json().path("items")) {
            keys.put(key.path("key_id").asText(), TicketSigningKeys.publicKey(key.path("public_key").asText()));
        }
        return keys;
    }

    @Test
    @Order(1)
    void thePlaintextKeyIsGoneAndSealedOnceAsARetiringKeyOfTheOrganisationWithItsCodes() throws Exception {
        assertThat(rows("select count(*) from legacy_ticket_signing_keys").get(0).get(0)).isEqualTo(0L);
        List<List<Object>> sealed = rows("select organization_id, status, private_key from org_ticket_keys"
                + " where key_id = ?", GLOBAL.keyId());
        assertThat(sealed).hasSize(1);
        assertThat(sealed.get(0).get(0)).isEqualTo(ORG_WITH_TICKETS);
        assertThat(sealed.get(0).get(1)).isEqualTo("retiring");
        String value = (String) sealed.get(0).get(2);
        assertThat(value).startsWith("gcm1:").doesNotContain(V1Codes.plaintextPrivate(GLOBAL));
        assertThat(TicketSigningKeys.unseal(MasterKey.of(TestEnv.MASTER_KEY), ORG_WITH_TICKETS, GLOBAL.keyId(), value,
                GLOBAL.encodePublic()).privateKey().getEncoded()).isEqualTo(GLOBAL.privateKey().getEncoded());
        assertThat(rows("select persisted_change->>'origin' from domain_events where event_type = 'ticket_key.created.v1'"
                + " and persisted_change->>'key_id' = ?", GLOBAL.keyId())).containsExactly(List.of("legacy_plaintext"));
        assertThat(rows("select count(*) from information_schema.columns where table_name = 'ticket_signing_keys'")
                .get(0).get(0)).as("an earlier release cannot write a plaintext key again").isEqualTo(0L);
    }

    @Test
    @Order(2)
    void anOldCodeVerifiesForItsOrganisationUntilItsKeyIsRetiredThereAndNowhereElse() throws Exception {
        Map<String, PublicKey> keys = scannerKeys(ORG_WITH_TICKETS);
        var verified = TicketCodes.verify(ORG_WITH_TICKETS, keys, v1Code);
        assertThat(verified).isPresent();
        assertThat(verified.get().ticketId()).isEqualTo(TICKET);
        assertThat(keys).hasSize(2).containsKey(GLOBAL.keyId());
        assertThat(scannerKeys(ORG_WITHOUT)).hasSize(1).doesNotContainKey(GLOBAL.keyId());
        assertThat(TicketCodes.verify(ORG_WITHOUT, scannerKeys(ORG_WITHOUT), v1Code)).isEmpty();

        admin.post("/api/orgs/" + ORG_WITH_TICKETS + "/ticket-keys/" + GLOBAL.keyId() + "/retire", "{}").json();

        assertThat(TicketCodes.verify(ORG_WITH_TICKETS, scannerKeys(ORG_WITH_TICKETS), v1Code)).isEmpty();
    }
}
