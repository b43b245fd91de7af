package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;

/**
 * The check-in desk's ticket search over real HTTP and PostgreSQL: by order id or by a piece of the customer's
 * name or e-mail (any case), at most 20 tickets, the admission time once a ticket is scanned in; strict
 * validation, another organisation's show is not found, devices may not search.
 */
class TicketSearchIT {

    private static Gate gate;
    private static UUID show;
    private static UUID otherShow;
    private static JsonNode nomsa;
    private static JsonNode pieter;

    @BeforeAll
    static void open() {
        gate = new Gate(1);
        show = gate.show("Desk");
        otherShow = gate.show("Elsewhere");
        nomsa = order(show, "Nomsa Dlamini", "nomsa@example.com", 2);
        pieter = order(show, "Pieter van_Wyk", "pieter@example.org", 1);
        order(otherShow, "Nomsa Dlamini", "nomsa@example.com", 1);
        for (int i = 0; i < 3; i++) {
            order(show, "Crowd " + i, "crowd" + i + "@example.net", 10);
        }
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private static JsonNode order(UUID event, String name, String email, int quantity) {
        String hold = gate.staff.post("/api/orgs/" + gate.org + "/events/" + event + "/holds",
                "{\"ticket_type\": \"ga\", \"quantity\": " + quantity + "}").expect(201).path("id").asText();
        return gate.staff.post("/api/orgs/" + gate.org + "/orders", Json.write(Map.of("hold_id", hold,
                "customer", Map.of("name", name, "email", email), "payment", Json.read(Gate.CARD, Map.class))))
                .expect(201);
    }

    private static Api.Response search(Api api, UUID org, String query) {
        return api.get("/api/orgs/" + org + "/scanning/tickets" + query);
    }

    private static JsonNode items(String q) {
        return search(gate.staff, gate.org, "?event_id=" + show + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .expect(200).path("items");
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(field).asText()));
        return out;
    }

    @Test
    void findsAShowsTicketsByOrderIdOrAPieceOfTheCustomersNameOrEmail() {
        JsonNode byOrder = items(nomsa.path("id").asText());
        assertThat(byOrder.size()).isEqualTo(2);
        assertThat(ids(byOrder, "ticket_id")).containsExactlyInAnyOrderElementsOf(ids(nomsa.path("tickets"), "id"));
        JsonNode first = byOrder.get(0);
        assertThat(first.path("order_id").asText()).isEqualTo(nomsa.path("id").asText());
        assertThat(first.path("customer_name").asText()).isEqualTo("Nomsa Dlamini");
        assertThat(first.path("ticket_type").asText()).isEqualTo("ga");
        assertThat(first.has("seat_index")).isTrue();
        assertThat(first.path("status").asText()).isEqualTo("valid");
        assertThat(first.path("admitted_at").isNull()).isTrue();
        assertThat(ids(byOrder, "code")).containsExactlyInAnyOrderElementsOf(ids(nomsa.path("tickets"), "code"));

        assertThat(ids(items("dLAMin"), "order_id")).containsOnly(nomsa.path("id").asText()).hasSize(2);
        assertThat(ids(items("@EXAMPLE.org"), "order_id")).containsExactly(pieter.path("id").asText());
        assertThat(ids(items("van_w"), "order_id")).containsExactly(pieter.path("id").asText());
        assertThat(items("r_V").size()).as("_ is a character, not a wildcard").isZero();
    }

    @Test
    void answersAtMostTwentyTicketsAndTheAdmissionTimeOnceScanned() {
        assertThat(items("crowd").size()).isEqualTo(TicketSearch.LIMIT);
        assertThat(items("@example").size()).isEqualTo(TicketSearch.LIMIT);

        Api device = gate.on(0, gate.deviceToken("Desk scanner"));
        UUID session = gate.session(device, show, "Main", "");
        String code = pieter.path("tickets").get(0).path("code").asText();
        assertThat(device.post("/api/orgs/" + gate.org + "/scanning/scans", Gate.scan(code, session, "p1")).expect(200)
                .path("result").asText()).isEqualTo("ok");
        JsonNode scanned = items("pieter").get(0);
        assertThat(scanned.path("admitted_at").isTextual()).isTrue();
        assertThat(scanned.path("status").asText()).isEqualTo("valid");
        assertThat(search(device, gate.org, "?event_id=" + show + "&q=pieter").problem(403).path("code").asText())
                .isEqualTo("forbidden");
    }

    @Test
    void badInputIsAProblemAndAnotherOrganisationsShowIsNotFound() {
        assertThat(search(gate.staff, gate.org, "?q=nomsa").problem(400).path("code").asText()).isEqualTo("invalid_id");
        assertThat(search(gate.staff, gate.org, "?event_id=nope&q=nomsa").problem(400).path("code").asText())
                .isEqualTo("invalid_id");
        String base = "?event_id=" + show + "&q=";
        Api.Response missing = search(gate.staff, gate.org, "?event_id=" + show);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(search(gate.staff, gate.org, base + "n").status()).isEqualTo(422);
        assertThat(search(gate.staff, gate.org, base + "%20%20x%20").status()).isEqualTo(422);
        assertThat(search(gate.staff, gate.org, base + "x".repeat(101)).status()).isEqualTo(422);
        Api.Response control = search(gate.staff, gate.org, base + "ab%0Acd");
        assertThat(control.status()).isEqualTo(422);
        assertThat(control.body()).doesNotContain("ab\ncd");
        assertThat(search(gate.staff, gate.org, "?event_id=" + UUID.randomUUID() + "&q=nomsa").problem(404)
                .path("code").asText()).isEqualTo("event_not_found");

        UUID other = gate.admin.createOrg("Other " + UUID.randomUUID());
        Api otherStaff = gate.admin.withToken(gate.admin.createToken(other, "staff"));
        assertThat(search(otherStaff, other, base + "nomsa").problem(404).path("code").asText())
                .isEqualTo("event_not_found");
        assertThat(search(otherStaff, gate.org, base + "nomsa").status()).isEqualTo(404);
    }
}
