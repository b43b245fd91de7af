package za.voelgoed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/** Org tokens over real HTTP: shown once, stored hashed, scoped to their organisation and role, revocable. */
class IdentityIT {

    static BackendNode node;
    static Api admin;
    UUID orgA;
    UUID orgB;

    @BeforeAll
    static void start() {
        node = BackendNode.start(TestEnv.config());
        admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void orgs() {
        TestEnv.truncateAll();
        orgA = org("Org A");
        orgB = org("Org B");
    }

    @Test
    void tokenIsShownOnceAndStoredOnlyAsAHash() {
        JsonNode issued = admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"owner\"}").json();
        String secret = issued.get("token").asText();
        assertThat(secret).startsWith("vg_").hasSizeGreaterThan(40);
        assertThat(Db.count("select count(*) from api_tokens where token_hash = ?", secret)).isZero();
        assertThat(Db.single("select length(token_hash) from api_tokens where id = ?",
                UUID.fromString(issued.get("id").asText()))).isEqualTo(64);
        JsonNode listed = admin.get("/api/orgs/" + orgA + "/tokens").json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.toString()).doesNotContain(secret).doesNotContain("token_hash");
    }

    @Test
    void sessionSaysWhoATokenIsAndWhichApiTheBackendSpeaks() {
        Api viewer = admin.withToken(token(orgA, "{\"role\":\"viewer\"}"));
        var mine = viewer.get("/api/session");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("organization_id").asText()).isEqualTo(orgA.toString());
        assertThat(mine.json().get("role").asText()).isEqualTo("viewer");
        assertThat(mine.json().get("admin").asBoolean()).isFalse();
        assertThat(mine.json().get("api_version").asInt()).isEqualTo(SessionRoutes.API_VERSION);
        var adminSession = admin.get("/api/session");
        assertThat(adminSession.status()).isEqualTo(200);
        assertThat(adminSession.json().get("admin").asBoolean()).isTrue();
        assertThat(admin.withToken("vg_not-a-token").get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void ownerTokenWorksInItsOrganisationOnly() {
        Api owner = admin.withToken(token(orgA, "{\"role\":\"owner\"}"));
        assertThat(owner.post("/api/orgs/" + orgA + "/events",
                "{\"name\":\"Mine\",\"starts_at\":\"2027-01-01T20:00:00Z\"}").status()).isEqualTo(201);
        String theirs = admin.post("/api/orgs/" + orgB + "/events",
                "{\"name\":\"Theirs\",\"starts_at\":\"2027-01-01T20:00:00Z\"}").json().get("id").asText();
        var denied = owner.get("/api/orgs/" + orgB + "/events/" + theirs);
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.problem(404).get("code").asText()).isEqualTo("org_not_found");
        assertThat(owner.post("/api/orgs/" + orgB + "/tokens", "{\"role\":\"owner\"}").status()).isEqualTo(404);
        assertThat(owner.post("/api/orgs", "{\"name\":\"Sneaky\"}").status()).isEqualTo(403);
        assertThat(owner.get("/api/admin/outbox").status()).isEqualTo(403);
        assertThat(Db.count("select count(*) from api_tokens where organization_id = ?", orgB)).isZero();
    }

    @Test
    void rolesLimitWhatATokenMayDo() {
        Api viewer = admin.withToken(token(orgA, "{\"role\":\"viewer\"}"));
        Api staff = admin.withToken(token(orgA, "{\"role\":\"staff\"}"));
        String body = "{\"name\":\"Show\",\"starts_at\":\"2027-01-01T20:00:00Z\"}";
        assertThat(viewer.get("/api/orgs/" + orgA + "/events").status()).isEqualTo(200);
        assertThat(viewer.post("/api/orgs/" + orgA + "/events", body).status()).isEqualTo(403);
        assertThat(staff.post("/api/orgs/" + orgA + "/events", body).status()).isEqualTo(201);
        assertThat(staff.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"owner\"}").status()).isEqualTo(403);
        assertThat(Db.count("select count(*) from api_tokens")).isEqualTo(2);
    }

    @Test
    void revokedTokenIsRefusedAtOnce() {
        JsonNode issued = admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"staff\"}").json();
        Api staff = admin.withToken(issued.get("token").asText());
        assertThat(staff.get("/api/orgs/" + orgA + "/events").status()).isEqualTo(200);
        assertThat(admin.delete("/api/orgs/" + orgA + "/tokens/" + issued.get("id").asText()).status()).isEqualTo(204);
        var after = staff.get("/api/orgs/" + orgA + "/events");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
        assertThat(admin.delete("/api/orgs/" + orgA + "/tokens/" + issued.get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void deviceTokensNeedValidScopesOfTheirOwnOrganisation() {
        String device = admin.post("/api/orgs/" + orgA + "/devices", "{\"name\":\"Gate 3 scanner\"}").json()
                .get("id").asText();
        var ok = admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"device\",\"device_id\":\"" + device
                + "\",\"scopes\":[\"scanning:org:" + orgA + "\"]}");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"device\",\"scopes\":[]}").status())
                .isEqualTo(422);
        assertThat(admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"device\",\"scopes\":[\"scanning:org:"
                + orgB + "\"]}").problem(422).get("errors").get(0).get("message").asText())
                .isEqualTo("scopes[0] is not a topic of this organisation");
        assertThat(admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"device\",\"scopes\":[\"nope\"]}")
                .status()).isEqualTo(422);
        assertThat(admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"king\"}").status()).isEqualTo(422);
        Api scanner = admin.withToken(ok.json().get("token").asText());
        assertThat(scanner.get("/api/orgs/" + orgA + "/events").status()).isEqualTo(403);
        assertThat(Db.count("select count(*) from api_tokens")).isEqualTo(1);
    }

    @Test
    void aScopeOfAnotherOrganisationsShowAndOfNoShowAreRefusedAlike() {
        String theirShow = admin.post("/api/orgs/" + orgB + "/events",
                "{\"name\":\"Theirs\",\"starts_at\":\"2027-01-01T20:00:00Z\"}").expect(201).get("id").asText();
        var theirs = admin.post("/api/orgs/" + orgA + "/tokens",
                "{\"role\":\"device\",\"scopes\":[\"scanning:org:" + orgA + "\",\"events:event:" + theirShow + "\"]}");
        var nobodys = admin.post("/api/orgs/" + orgA + "/tokens",
                "{\"role\":\"device\",\"scopes\":[\"scanning:org:" + orgA + "\",\"events:event:" + UUID.randomUUID() + "\"]}");
        assertThat(theirs.problem(422).get("errors")).isEqualTo(nobodys.problem(422).get("errors"));
        assertThat(theirs.body()).doesNotContain(theirShow);
        assertThat(Db.count("select count(*) from api_tokens where organization_id = ?", orgA)).isZero();
        String mine = admin.post("/api/orgs/" + orgA + "/events",
                "{\"name\":\"Mine\",\"starts_at\":\"2027-01-01T20:00:00Z\"}").expect(201).get("id").asText();
        admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"device\",\"scopes\":[\"events:event:" + mine + "\"]}")
                .expect(201);
    }

    @Test
    void tokensLiveAtMostTheMaximumLifetimeAndRecordWhenTheyWereUsed() {
        JsonNode issued = admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"viewer\"}").expect(201);
        java.time.Instant expires = java.time.Instant.parse(issued.get("expires_at").asText());
        assertThat(expires).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(89)),
                java.time.Instant.now().plus(java.time.Duration.ofDays(90)));
        String tooLate = java.time.Instant.now().plus(java.time.Duration.ofDays(91)).toString();
        assertThat(admin.post("/api/orgs/" + orgA + "/tokens", "{\"role\":\"viewer\",\"expires_at\":\"" + tooLate
                + "\"}").problem(422).get("errors").get(0).get("field").asText()).isEqualTo("expires_at");

        UUID id = UUID.fromString(issued.get("id").asText());
        assertThat(Db.single("select last_used_at from api_tokens where id = ?", id)).isNull();
        admin.withToken(issued.get("token").asText()).get("/api/orgs/" + orgA).expect(200);
        assertThat(Db.single("select last_used_at from api_tokens where id = ?", id)).isNotNull();
        assertThat(admin.get("/api/orgs/" + orgA + "/tokens").json().get("items").get(0).has("last_used_at")).isTrue();
    }

    @Test
    void usersAreCreatedWithUniqueEmails() {
        var created = admin.post("/api/orgs/" + orgA + "/users",
                "{\"email\":\"Thandi@Example.org\",\"name\":\"Thandi\",\"role\":\"staff\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("email").asText()).isEqualTo("thandi@example.org");
        assertThat(admin.post("/api/orgs/" + orgA + "/users",
                "{\"email\":\"thandi@example.org\",\"name\":\"T\",\"role\":\"staff\"}").status()).isEqualTo(409);
        assertThat(admin.post("/api/orgs/" + orgA + "/users", "{\"email\":\"x\",\"name\":\"T\",\"role\":\"god\"}")
                .problem(422).get("errors")).hasSize(2);
        String user = created.json().get("id").asText();
        assertThat(admin.post("/api/orgs/" + orgB + "/tokens", "{\"role\":\"staff\",\"user_id\":\"" + user + "\"}")
                .status()).as("a user of another organisation").isEqualTo(422);
    }

    private UUID org(String name) {
        return UUID.fromString(admin.post("/api/orgs", "{\"name\":\"" + name + "\"}").json().get("id").asText());
    }

    private static String token(UUID org, String body) {
        return admin.post("/api/orgs/" + org + "/tokens", body).json().get("token").asText();
    }
}
