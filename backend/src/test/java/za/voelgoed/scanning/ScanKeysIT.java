package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.testing.Api;
import za.voelgoed.ticketing.TicketCodes;
import za.voelgoed.ticketing.TicketSigningKeys;

/** A device fetches its organisation's public keys under /scanning and verifies real codes with them offline. */
class ScanKeysIT {

    private static Gate gate;
    private static UUID show;
    private static List<Gate.Sold> sold;
    private static Api device;

    @BeforeAll
    static void sell() {
        gate = new Gate(1);
        show = gate.show("Keys");
        sold = gate.sell(show, "ga", 2);
        device = gate.on(0, gate.deviceToken("Offline scanner"));
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void aDeviceGetsTheSameKeysStaffSeeAndVerifiesARealCodeOffline() throws Exception {
        JsonNode keys = device.get("/api/orgs/" + gate.org + "/scanning/keys").expect(200);
        JsonNode ticketKeys = gate.staff.get("/api/orgs/" + gate.org + "/ticket-keys").expect(200);
        assertThat(keys).isEqualTo(ticketKeys);
        assertThat(keys.path("items").size()).isEqualTo(1);
        JsonNode key = keys.path("items").get(0);
        assertThat(key.path("status").asText()).isEqualTo("active");
        assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.has("private_key")).isFalse();
        Map<String, PublicKey> offline = new HashMap<>();
        offline.put(key.path("key_id").asText(), TicketSigningKeys.publicKey(key.path("public_key").asText()));
        Gate.Sold ticket = sold.get(0);
        var verified = TicketCodes.verify(gate.org, offline, ticket.code());
        assertThat(verified).isPresent();
        assertThat(verified.get().ticketId()).isEqualTo(ticket.id());
        assertThat(verified.get().eventId()).isEqualTo(show);
        String forged = ticket.code().substring(0, ticket.code().length() - 2) + "AA";
        assertThat(TicketCodes.verify(gate.org, offline, forged.equals(ticket.code()) ? forged + "A" : forged))
                .isEmpty();
    }

    @Test
    void aDeviceOfAnotherOrganisationGetsNotFound() {
        UUID other = gate.admin.createOrg("Other " + UUID.randomUUID());
        String otherDevice = gate.admin.post("/api/orgs/" + other + "/devices", "{\"name\": \"Elsewhere\"}")
                .expect(201).path("id").asText();
        String token = gate.admin.post("/api/orgs/" + other + "/tokens", "{\"role\": \"device\", \"device_id\": \""
                + otherDevice + "\", \"scopes\": [\"scanning:org:" + other + "\"]}").expect(201).path("token").asText();
        JsonNode refused = gate.on(0, token).get("/api/orgs/" + gate.org + "/scanning/keys").problem(404);
        assertThat(refused.path("code").asText()).isEqualTo("org_not_found");
        assertThat(gate.on(0, token).get("/api/orgs/" + other + "/scanning/keys").expect(200).path("items").size())
                .isEqualTo(1);
    }

    @Test
    void aDeviceStillReachesNoOtherKeyRoute() {
        assertThat(device.get("/api/orgs/" + gate.org + "/ticket-keys").problem(403).path("code").asText())
                .isEqualTo("forbidden");
    }
}
