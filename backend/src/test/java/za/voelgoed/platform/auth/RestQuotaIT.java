package za.voelgoed.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * Quotas per tenant on the REST API: live tokens per organisation, requests per organisation on top of
 * requests per token, and requests without a valid token per client address, refused before any token
 * lookup once the address is over its budget.
 */
class RestQuotaIT {

    static BackendNode node;
    static Api admin;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_LIMIT_TOKENS_PER_ORG", "3",
                "VOELGOED_RATE_LIMIT_REST_PER_SECOND", "1000", "VOELGOED_RATE_LIMIT_ORG_REST_PER_SECOND", "30",
                "VOELGOED_RATE_LIMIT_UNAUTHENTICATED_PER_SECOND", "5")));
        admin = new Api(node.port(), TestEnv.ADMIN_TOKEN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anOrganisationHoldsAtMostItsLiveTokens() {
        UUID org = admin.createOrg("Tokens");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(admin.post("/api/orgs/" + org + "/tokens", "{\"role\":\"viewer\"}").expect(201).get("id").asText());
        }
        var refused = admin.post("/api/orgs/" + org + "/tokens", "{\"role\":\"viewer\"}");
        assertThat(refused.problem(409).get("code").asText()).isEqualTo("token_limit_reached");
        assertThat(Db.count("select count(*) from api_tokens where organization_id = ?", org)).isEqualTo(3);

        assertThat(admin.delete("/api/orgs/" + org + "/tokens/" + ids.get(0)).status()).isEqualTo(204);
        assertThat(admin.post("/api/orgs/" + org + "/tokens", "{\"role\":\"viewer\"}").status()).isEqualTo(201);
    }

    @Test
    void tokensOfOneOrganisationShareItsRate() throws Exception {
        UUID org = admin.createOrg("Shared rate");
        Api first = admin.withToken(admin.createToken(org, "viewer"));
        Api second = admin.withToken(admin.createToken(org, "viewer"));
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000);
        int refused = 0;
        String detail = null;
        for (int i = 0; i < 40; i++) {
            Api.Response r = (i % 2 == 0 ? first : second).get("/api/orgs/" + org);
            if (r.status() == 429) {
                refused++;
                detail = r.problem(429).get("detail").asText();
            } else {
                assertThat(r.status()).isEqualTo(200);
            }
        }
        assertThat(refused).as("40 requests against an organisation limit of 30 a second").isGreaterThan(0);
        assertThat(detail).contains("organisation");
        UUID neighbour = admin.createOrg("Neighbour");
        assertThat(admin.withToken(admin.createToken(neighbour, "viewer")).get("/api/orgs/" + neighbour).status())
                .as("another organisation is not affected").isEqualTo(200);
    }

    @Test
    void anAddressSendingBadTokensIsRefusedBeforeTheirLookup() throws Exception {
        UUID org = admin.createOrg("Guessing");
        Api staff = admin.withToken(admin.createToken(org, "staff"));
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000);
        assertThat(staff.get("/api/orgs/" + org).status()).isEqualTo(200);
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 15; i++) {
            Api.Response r = admin.withToken("vg_guess_" + i).get("/api/orgs/" + org);
            if (r.status() == 401) {
                unauthorized++;
            } else {
                assertThat(r.problem(429).get("code").asText()).isEqualTo("rate_limited");
                limited++;
            }
        }
        assertThat(unauthorized).isLessThanOrEqualTo(6);
        assertThat(limited).isGreaterThan(0);
        assertThat(staff.get("/api/orgs/" + org).status()).as("a token in use is still served").isEqualTo(200);
    }
}
