package za.voelgoed.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.secrets.MasterKey;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * Ticket signing keys per organisation over real HTTP, on two nodes sharing one database: codes bind
 * their organisation, rotation and retirement, sealed storage, who may change keys, and the first key
 * made once when two nodes need it at the same moment.
 */
class TicketKeysIT {

    static PaymentSimulatorProcess simulator;
    static BackendNode node1;
    static BackendNode node2;
    static Api admin;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        simulator = PaymentSimulatorProcess.start();
        node1 = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                "VOELGOED_NODE_ID", "keys-1")));
        node2 = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                "VOELGOED_NODE_ID", "keys-2", "VOELGOED_JOBS_ENABLED", "false")));
        admin = new Api(node1.port(), node1.adminToken());
    }

    @AfterAll
    static void stop() {
        node2.close();
        node1.close();
        simulator.close();
    }

    /** An organisation with an owner's and a staff member's token, on node 1. */
    record Tenant(UUID org, Api owner, Api staff) {
        Api on(BackendNode node) {
            return new Api(node.port(), staff.token());
        }
    }

    static Tenant tenant(String name) {
        UUID org = admin.createOrg(name);
        return new Tenant(org, admin.withToken(admin.createToken(org, "owner")),
                admin.withToken(admin.createToken(org, "staff")));
    }

    /** Buys one general-admission ticket through {@code shop} and returns its code. */
    static String buyTicket(UUID org, Api shop) {
        String base = "/api/orgs/" + org;
        String event = shop.post(base + "/events", """
                {"name": "Keys", "starts_at": "2027-04-01T19:00:00+02:00",
                 "ticket_types": [{"code": "ga", "name": "GA", "price_cents": 5000, "capacity": 20}]}""")
                .expect(201).path("id").asText();
        shop.post(base + "/events/" + event + "/publish", "{}").json();
        String hold = shop.post(base + "/events/" + event + "/holds", "{\"ticket_type\": \"ga\", \"quantity\": 1}")
                .expect(201).path("id").asText();
        JsonNode order = shop.post(base + "/orders", "{\"hold_id\": \"" + hold + "\", \"customer\": {\"name\": \"Sipho\","
                + " \"email\": \"sipho@example.com\"}, \"payment\": " + CheckoutIT.CARD + "}").expect(201);
        return order.path("tickets").get(0).path("code").asText();
    }

    /** The organisation's verifying keys as a scanner gets them: key id to public key. */
    static Map<String, PublicKey> scannerKeys(UUID org, Api reader) throws Exception {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode key : reader.get("/api/orgs/" + org + "/ticket-keys").json().path("items")) {
            keys.put(key.path("key_id").asText(), TicketSigningKeys.publicKey(key.path("public_key").asText()));
        }
        return keys;
    }

    static String keyIdOf(String code) {
        return code.split("\\.")[1];
    }

    @Test
    void aCodeOfOneOrganisationNeverVerifiesForAnother() throws Exception {
        Tenant a = tenant("Keys A");
        Tenant b = tenant("Keys B");
        String codeA = buyTicket(a.org(), a.staff());
        String codeB = buyTicket(b.org(), b.staff());

        Map<String, PublicKey> keysA = scannerKeys(a.org(), a.staff());
        Map<String, PublicKey> keysB = scannerKeys(b.org(), b.staff());

        assertThat(keysA.keySet()).doesNotContainAnyElementsOf(keysB.keySet());
        assertThat(TicketCodes.verify(a.org(), keysA, codeA)).isPresent();
        assertThat(TicketCodes.verify(b.org(), keysB, codeB)).isPresent();
        assertThat(TicketCodes.verify(b.org(), keysB, codeA)).as("A's code under B's keys").isEmpty();
        assertThat(TicketCodes.verify(a.org(), keysA, codeB)).as("B's code under A's keys").isEmpty();
        Map<String, PublicKey> bothSets = new HashMap<>(keysA);
        bothSets.putAll(keysB);
        assertThat(TicketCodes.verify(b.org(), bothSets, codeA)).as("A's code at B, A's key known").isEmpty();
    }

    @Test
    void afterARotationNewTicketsUseTheNewKeyAndOldOnesVerifyUntilTheirKeyIsRetired() throws Exception {
        Tenant t = tenant("Rotation");
        String before = buyTicket(t.org(), t.on(node2));
        String oldKey = keyIdOf(before);

        JsonNode rotated = t.owner().post("/api/orgs/" + t.org() + "/ticket-keys/rotate", "{}").expect(201);
        String after = buyTicket(t.org(), t.on(node2));

        String newKey = rotated.path("key_id").asText();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.path("status").asText()).isEqualTo("active");
        assertThat(keyIdOf(after)).as("node 2 signs with the key rotated on node 1").isEqualTo(newKey);
        JsonNode listed = t.staff().get("/api/orgs/" + t.org() + "/ticket-keys").json().path("items");
        assertThat(listed).extracting(k -> k.path("key_id").asText() + ":" + k.path("status").asText())
                .containsExactly(newKey + ":active", oldKey + ":retiring");
        assertThat(TicketCodes.verify(t.org(), scannerKeys(t.org(), t.staff()), before)).isPresent();

        JsonNode retired = t.owner().post("/api/orgs/" + t.org() + "/ticket-keys/" + oldKey + "/retire", "{}").json();

        assertThat(retired.path("status").asText()).isEqualTo("retired");
        Map<String, PublicKey> now = scannerKeys(t.org(), new Api(node2.port(), t.staff().token()));
        assertThat(now.keySet()).containsExactly(newKey);
        assertThat(TicketCodes.verify(t.org(), now, before)).as("code of the retired key").isEmpty();
        assertThat(TicketCodes.verify(t.org(), now, after)).isPresent();
        assertThat(Db.single("select private_key from org_ticket_keys where organization_id = ? and key_id = ?",
                t.org(), oldKey)).as("a retired key's private half is erased").isNull();
        assertThat(Db.rows("select event_type, persisted_change->>'key_id', persisted_change->>'previous_key_id'"
                + " from domain_events where organization_id = ? and event_type like 'ticket_key.%' order by position",
                t.org())).containsExactly(Arrays.asList("ticket_key.created.v1", oldKey, null),
                List.of("ticket_key.rotated.v1", newKey, oldKey), Arrays.asList("ticket_key.retired.v1", oldKey, null));
    }

    @Test
    void theActiveKeyOrARetiredOneCannotBeRetired() {
        Tenant t = tenant("Retire rules");
        String base = "/api/orgs/" + t.org() + "/ticket-keys";
        String first = t.staff().get(base).json().path("items").get(0).path("key_id").asText();

        assertThat(t.owner().post(base + "/" + first + "/retire", "{}").problem(409).path("code").asText())
                .isEqualTo("ticket_key_active");
        t.owner().post(base + "/rotate", "{}").expect(201);
        t.owner().post(base + "/" + first + "/retire", "{}").json();
        assertThat(t.owner().post(base + "/" + first + "/retire", "{}").problem(409).path("code").asText())
                .isEqualTo("ticket_key_retired");
    }

    @Test
    void privateKeysAreStoredSealedWithTheMasterKeyAndNeverShown() throws Exception {
        Tenant t = tenant("Sealed");
        String code = buyTicket(t.org(), t.staff());
        String listing = t.staff().get("/api/orgs/" + t.org() + "/ticket-keys").json().toString();

        List<List<Object>> rows = Db.rows("select key_id, private_key, public_key from org_ticket_keys"
                + " where organization_id = ?", t.org());
        assertThat(rows).hasSize(1);
        String keyId = (String) rows.get(0).get(0);
        String sealed = (String) rows.get(0).get(1);
        String publicB64 = (String) rows.get(0).get(2);
        String context = TicketSigningKeys.sealContext(t.org(), keyId, publicB64);
        assertThat(sealed).startsWith("gcm1:").doesNotStartWith("MC4CAQAwBQYDK2Vw");
        assertThatThrownBy(() -> MasterKey.of(MasterKey.generate()).open("ticket-keys", sealed, context))
                .isInstanceOf(MasterKey.SealedValueException.class);
        TicketSigningKeys opened = TicketSigningKeys.unseal(MasterKey.of(TestEnv.MASTER_KEY), t.org(), keyId, sealed,
                publicB64);
        String forged = TicketCodes.issue(opened, t.org(), UUID.randomUUID(), UUID.randomUUID());
        assertThat(TicketCodes.verify(t.org(), scannerKeys(t.org(), t.staff()), forged)).isPresent();
        assertThat(keyIdOf(code)).isEqualTo(keyId);
        assertThat(listing).doesNotContain("private").doesNotContain(sealed.substring(5, 30)).contains(publicB64);
        assertThat(Db.count("select count(*) from legacy_ticket_signing_keys")).isZero();
    }

    @Test
    void onlyAnOwnerChangesKeysAndAnotherOrganisationsKeyIsNotFound() {
        Tenant t = tenant("Owners");
        Tenant other = tenant("Others");
        Api viewer = admin.withToken(admin.createToken(t.org(), "viewer"));
        String base = "/api/orgs/" + t.org() + "/ticket-keys";
        String keyId = viewer.get(base).json().path("items").get(0).path("key_id").asText();
        t.owner().post(base + "/rotate", "{}").expect(201);

        viewer.post(base + "/rotate", "{}").problem(403);
        t.staff().post(base + "/rotate", "{}").problem(403);
        t.staff().post(base + "/" + keyId + "/retire", "{}").problem(403);
        other.owner().post(base + "/" + keyId + "/retire", "{}").problem(404);
        String otherBase = "/api/orgs/" + other.org() + "/ticket-keys";
        assertThat(other.owner().post(otherBase + "/" + keyId + "/retire", "{}").problem(404).path("code").asText())
                .isEqualTo("ticket_key_not_found");
        other.owner().post(otherBase + "/not-a-key/retire", "{}").problem(404);

        assertThat(Db.count("select count(*) from org_ticket_keys where organization_id = ? and status = 'retiring'",
                t.org())).isEqualTo(1);
    }

    @Test
    void twoNodesMakingAnOrganisationsFirstKeyAtOnceEndWithOneActiveKey() throws Exception {
        Tenant t = tenant("Race");
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                Api reader = i % 2 == 0 ? t.staff() : t.on(node2);
                answers.add(pool.submit(() -> reader.get("/api/orgs/" + t.org() + "/ticket-keys")));
            }
        }
        List<String> seen = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            JsonNode items = answer.get().json().path("items");
            assertThat(items).hasSize(1);
            seen.add(items.get(0).path("key_id").asText());
        }

        assertThat(seen).containsOnly(seen.get(0));
        assertThat(Db.count("select count(*) from org_ticket_keys where organization_id = ?", t.org())).isEqualTo(1);
        assertThat(Db.count("select count(*) from domain_events where organization_id = ?"
                + " and event_type = 'ticket_key.created.v1'", t.org())).isEqualTo(1);
    }
}
