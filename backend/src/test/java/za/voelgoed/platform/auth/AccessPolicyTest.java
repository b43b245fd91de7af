package za.voelgoed.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final UUID org = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    private Principal member(Role role) {
        return new Principal(false, UUID.randomUUID(), org, role, null, null, Set.of());
    }

    @Test
    void adminReachesEverything() {
        Principal admin = Principal.systemAdmin();
        assertThat(policy.check(admin, "POST", "/api/orgs").allowed()).isTrue();
        assertThat(policy.check(admin, "POST", "/api/admin/outbox/blocks/x/replay").allowed()).isTrue();
        assertThat(policy.check(admin, "DELETE", "/api/orgs/" + other + "/tokens/x").allowed()).isTrue();
    }

    @Test
    void membersNeverReachAnotherOrganisationAndGet404() {
        for (Role role : Role.values()) {
            var decision = policy.check(member(role), "GET", "/api/orgs/" + other + "/events");
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.status()).isEqualTo(404);
        }
    }

    @Test
    void everyCallerMayAskWhoItIsButNotChangeIt() {
        for (Role role : Role.values()) {
            assertThat(policy.check(member(role), "GET", "/api/session").allowed()).isTrue();
            assertThat(policy.check(member(role), "POST", "/api/session").allowed()).isFalse();
        }
        assertThat(policy.check(member(Role.OWNER), "GET", "/api/session/other").allowed()).isFalse();
    }

    @Test
    void onlyTheAdminCreatesOrganisationsAndUsesAdminRoutes() {
        assertThat(policy.check(member(Role.OWNER), "POST", "/api/orgs").status()).isEqualTo(403);
        assertThat(policy.check(member(Role.OWNER), "GET", "/api/admin/outbox").status()).isEqualTo(403);
    }

    @Test
    void rolesDecideWhatAMemberMayDo() {
        String events = "/api/orgs/" + org + "/events";
        String tokens = "/api/orgs/" + org + "/tokens";
        assertThat(policy.check(member(Role.VIEWER), "GET", events).allowed()).isTrue();
        assertThat(policy.check(member(Role.VIEWER), "POST", events).allowed()).isFalse();
        assertThat(policy.check(member(Role.VIEWER), "GET", tokens).allowed()).isFalse();
        assertThat(policy.check(member(Role.STAFF), "POST", events).allowed()).isTrue();
        assertThat(policy.check(member(Role.STAFF), "POST", tokens).allowed()).isFalse();
        assertThat(policy.check(member(Role.OWNER), "POST", tokens).allowed()).isTrue();
        assertThat(policy.check(member(Role.OWNER), "DELETE", tokens + "/abc").allowed()).isTrue();
    }

    @Test
    void everyRoleReadsTicketKeysButOnlyAnOwnerRotatesOrRetiresThem() {
        String keys = "/api/orgs/" + org + "/ticket-keys";
        for (Role role : new Role[] {Role.VIEWER, Role.STAFF, Role.OWNER}) {
            assertThat(policy.check(member(role), "GET", keys).allowed()).as("%s reads", role).isTrue();
        }
        for (String write : new String[] {keys + "/rotate", keys + "/0a1b2c3d/retire", keys}) {
            assertThat(policy.check(member(Role.STAFF), "POST", write).status()).as("staff %s", write).isEqualTo(403);
            assertThat(policy.check(member(Role.VIEWER), "POST", write).status()).as("viewer %s", write).isEqualTo(403);
            assertThat(policy.check(member(Role.OWNER), "POST", write).allowed()).as("owner %s", write).isTrue();
        }
        assertThat(policy.check(member(Role.OWNER), "POST", "/api/orgs/" + other + "/ticket-keys/rotate").status())
                .isEqualTo(404);
    }

    @Test
    void devicesReachOnlyScanningRoutes() {
        assertThat(policy.check(member(Role.DEVICE), "GET", "/api/orgs/" + org + "/events").allowed()).isFalse();
        assertThat(policy.check(member(Role.DEVICE), "POST", "/api/orgs/" + org + "/scanning/scans").allowed()).isTrue();
    }

    @Test
    void malformedOrgIdsAndUnknownRoutesAreDenied() {
        assertThat(policy.check(member(Role.OWNER), "GET", "/api/orgs/not-a-uuid/events").allowed()).isFalse();
        assertThat(policy.check(member(Role.OWNER), "GET", "/api/other").allowed()).isFalse();
    }
}
