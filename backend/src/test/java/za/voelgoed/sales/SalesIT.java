package za.voelgoed.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * The live-sales routes over real HTTP, with sales made through the REST checkout and the payment simulator:
 * sold, revenue, per minute and the latest sales follow checkouts; holds show as held; a refund moves tickets
 * from sold to refunded; viewers read, other organisations do not.
 */
class SalesIT {

    static final String CARD = "{\"card_number\": \"4242 4242 4242 4242\", \"expiry\": \"12/30\", \"cvv\": \"123\"}";

    static PaymentSimulatorProcess simulator;
    static BackendNode node;
    static Api admin;
    static Api staff;
    static UUID org;

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        simulator = PaymentSimulatorProcess.start();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                "VOELGOED_NODE_ID", "sales", "VOELGOED_JOBS_POLL_INTERVAL_MS", "200")));
        admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Sales");
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    @AfterAll
    static void stop() {
        node.close();
        simulator.close();
    }

    /** A published show: ten seats Hall:A:1–10 in category std at 250.00 and GA tickets at 100.00. */
    static UUID show(Api as, UUID orgId, String name, int gaCapacity) {
        UUID event = UUID.fromString(as.post("/api/orgs/" + orgId + "/events", """
                {"name": "%s", "starts_at": "2027-03-01T19:00:00+02:00",
                 "seating": {"sections": [{"name": "Hall", "rows": [{"label": "A", "seats": 10, "category": "std"}]}],
                             "categories": [{"code": "std", "price_cents": 25000}]},
                 "ticket_types": [{"code": "ga", "name": "GA", "price_cents": 10000, "capacity": %d}]}"""
                .formatted(name, gaCapacity)).expect(201).path("id").asText());
        as.post("/api/orgs/" + orgId + "/events/" + event + "/publish", "{}").expect(200);
        return event;
    }

    static String hold(Api as, UUID orgId, UUID event, String body) {
        return as.post("/api/orgs/" + orgId + "/events/" + event + "/holds", body).expect(201).path("id").asText();
    }

    static Api.Response checkout(Api as, UUID orgId, String holdId) {
        return as.post("/api/orgs/" + orgId + "/orders", "{\"hold_id\": \"" + holdId + "\", \"customer\": {\"name\":"
                + " \"Thandi Mokoena\", \"email\": \"thandi@example.com\"}, \"payment\": " + CARD + "}");
    }

    static JsonNode eventSales(UUID event) {
        return staff.get("/api/orgs/" + org + "/events/" + event + "/sales").expect(200);
    }

    static JsonNode line(JsonNode lines, String field, String code) {
        for (JsonNode l : lines) {
            if (l.path(field).asText().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no " + field + " " + code + " in " + lines);
    }

    static long perMinuteSold(JsonNode sales) {
        long sum = 0;
        for (JsonNode m : sales.path("per_minute")) {
            sum += m.path("sold").asLong();
        }
        return sum;
    }

    @Test
    void salesHoldsAndARefundShowInTheShowsAndTheOrganisationsFigures() {
        UUID event = show(staff, org, "Opening", 50);
        JsonNode empty = eventSales(event);
        assertThat(empty.path("totals").path("capacity").asLong()).isEqualTo(60);
        assertThat(empty.path("totals").path("available").asLong()).isEqualTo(60);
        assertThat(empty.path("per_minute")).hasSize(60);
        assertThat(empty.path("latest")).isEmpty();

        String seatsOrder = checkout(staff, org, hold(staff, org, event, "{\"seats\": [\"Hall:A:1\", \"Hall:A:2\"]}"))
                .expect(201).path("id").asText();
        String gaOrder = checkout(staff, org, hold(staff, org, event, "{\"ticket_type\": \"ga\", \"quantity\": 3}"))
                .expect(201).path("id").asText();

        Api.Response answer = staff.get("/api/orgs/" + org + "/events/" + event + "/sales");
        JsonNode sold = answer.expect(200);
        assertThat(answer.body()).doesNotContain("Thandi").doesNotContain("thandi@example.com");
        assertThat(sold.path("event_id").asText()).isEqualTo(event.toString());
        assertThat(sold.path("name").asText()).isEqualTo("Opening");
        assertThat(sold.path("epoch").asText()).isNotBlank();
        assertThat(sold.path("totals").path("sold").asLong()).isEqualTo(5);
        assertThat(sold.path("totals").path("revenue_cents").asLong()).isEqualTo(80_000);
        assertThat(sold.path("totals").path("currency").asText()).isEqualTo("ZAR");
        assertThat(sold.path("totals").path("available").asLong()).isEqualTo(55);
        JsonNode std = line(sold.path("categories"), "category", "std");
        assertThat(std.path("price_cents").asLong()).isEqualTo(25_000);
        assertThat(std.path("capacity").asLong()).isEqualTo(10);
        assertThat(std.path("sold").asLong()).isEqualTo(2);
        assertThat(std.path("available").asLong()).isEqualTo(8);
        assertThat(std.path("revenue_cents").asLong()).isEqualTo(50_000);
        JsonNode ga = line(sold.path("ticket_types"), "ticket_type", "ga");
        assertThat(ga.path("sold").asLong()).isEqualTo(3);
        assertThat(ga.path("available").asLong()).isEqualTo(47);
        assertThat(perMinuteSold(sold)).isEqualTo(5);
        assertThat(minutesWithSales(sold).stream().mapToLong(m -> m.path("revenue_cents").asLong()).sum())
                .isEqualTo(80_000);
        assertThat(java.time.Instant.parse(minutesWithSales(sold).getLast().path("minute").asText()))
                .isAfter(java.time.Instant.now().minusSeconds(180));
        assertThat(sold.path("latest")).hasSize(2);
        JsonNode newest = sold.path("latest").get(0);
        assertThat(newest.path("order_id").asText()).isEqualTo(gaOrder);
        assertThat(newest.path("tickets").asInt()).isEqualTo(3);
        assertThat(newest.path("amount_cents").asLong()).isEqualTo(30_000);
        assertThat(newest.path("event_name").asText()).isEqualTo("Opening");
        assertThat(sold.path("latest").get(1).path("order_id").asText()).isEqualTo(seatsOrder);

        hold(staff, org, event, "{\"ticket_type\": \"ga\", \"quantity\": 4}");
        hold(staff, org, event, "{\"seats\": [\"Hall:A:5\"]}");
        JsonNode held = eventSales(event);
        assertThat(held.path("totals").path("held").asLong()).isEqualTo(5);
        assertThat(line(held.path("ticket_types"), "ticket_type", "ga").path("held").asLong()).isEqualTo(4);
        assertThat(line(held.path("ticket_types"), "ticket_type", "ga").path("available").asLong()).isEqualTo(43);
        assertThat(line(held.path("categories"), "category", "std").path("held").asLong()).isEqualTo(1);
        assertThat(line(held.path("categories"), "category", "std").path("available").asLong()).isEqualTo(7);

        staff.post("/api/orgs/" + org + "/orders/" + gaOrder + "/refund", "{}").expect(200);
        JsonNode refunded = eventSales(event);
        assertThat(refunded.path("totals").path("sold").asLong()).isEqualTo(2);
        assertThat(refunded.path("totals").path("refunded").asLong()).isEqualTo(3);
        assertThat(refunded.path("totals").path("revenue_cents").asLong()).isEqualTo(50_000);
        assertThat(line(refunded.path("ticket_types"), "ticket_type", "ga").path("available").asLong()).isEqualTo(46);
        assertThat(perMinuteSold(refunded)).as("per minute is gross sales").isEqualTo(5);
        assertThat(refunded.path("offset").asLong()).isGreaterThanOrEqualTo(sold.path("offset").asLong());

        JsonNode orgSales = staff.get("/api/orgs/" + org + "/sales").expect(200);
        assertThat(orgSales.path("organization_id").asText()).isEqualTo(org.toString());
        assertThat(orgSales.path("per_minute")).hasSize(60);
        JsonNode shown = line(orgSales.path("shows"), "event_id", event.toString());
        assertThat(shown.path("name").asText()).isEqualTo("Opening");
        assertThat(shown.path("status").asText()).isEqualTo("published");
        assertThat(shown.path("sold").asLong()).isEqualTo(2);
        assertThat(shown.path("held").asLong()).isEqualTo(5);
        assertThat(shown.path("capacity").asLong()).isEqualTo(60);
        assertThat(shown.path("revenue_cents").asLong()).isEqualTo(50_000);
        assertThat(orgSales.path("totals").path("refunded").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(orgSales.path("latest").get(0).path("order_id").asText()).isEqualTo(gaOrder);
        assertThat(orgSales.toString()).doesNotContain("thandi");
    }

    @Test
    void aViewerReadsAnotherOrganisationDoesNotAndBadIdsAreRefused() {
        UUID event = show(staff, org, "Access", 10);
        Api viewer = admin.withToken(admin.createToken(org, "viewer"));
        UUID otherOrg = admin.createOrg("Other");
        Api other = admin.withToken(admin.createToken(otherOrg, "staff"));

        assertThat(viewer.get("/api/orgs/" + org + "/sales").expect(200).path("organization_id").asText())
                .isEqualTo(org.toString());
        assertThat(viewer.get("/api/orgs/" + org + "/events/" + event + "/sales").expect(200).path("name").asText())
                .isEqualTo("Access");
        other.get("/api/orgs/" + org + "/sales").problem(404);
        other.get("/api/orgs/" + org + "/events/" + event + "/sales").problem(404);
        assertThat(other.get("/api/orgs/" + otherOrg + "/events/" + event + "/sales").problem(404)
                .path("code").asText()).isEqualTo("event_not_found");
        assertThat(other.get("/api/orgs/" + otherOrg + "/sales").expect(200).path("shows")).isEmpty();
        assertThat(staff.get("/api/orgs/" + org + "/events/not-a-uuid/sales").problem(400).path("code").asText())
                .isEqualTo("invalid_id");
        assertThat(admin.get("/api/orgs/not-a-uuid/sales").problem(400).path("code").asText()).isEqualTo("invalid_id");
        staff.get("/api/orgs/" + org + "/sales/nothing").problem(404);
        staff.get("/api/orgs/" + org + "/salez").problem(404);
    }

    @Test
    void theCountersAreWrittenByTheSalesAndTheRefundsOwnTransactions() {
        UUID event = show(staff, org, "Same transaction", 10);
        String order = checkout(staff, org, hold(staff, org, event, "{\"ticket_type\": \"ga\", \"quantity\": 2}"))
                .expect(201).path("id").asText();
        String sale = (String) Db.single("select xmin::text from orders where id = ?::uuid", order);
        assertThat(Db.rows("select xmin::text from sales_totals where event_id = ?", event))
                .containsExactly(java.util.List.of(sale));
        assertThat(Db.rows("select xmin::text from sales_minutes where event_id = ?", event))
                .containsExactly(java.util.List.of(sale));
        assertThat(Db.rows("select distinct xmin::text from domain_events where event_type = 'ticket.sold.v1'"
                + " and persisted_change->>'order_id' = ?", order)).containsExactly(java.util.List.of(sale));

        staff.post("/api/orgs/" + org + "/orders/" + order + "/refund", "{}").expect(200);
        String refund = (String) Db.single("select xmin::text from orders where id = ?::uuid", order);
        assertThat(refund).isNotEqualTo(sale);
        assertThat(Db.rows("select xmin::text from sales_totals where event_id = ?", event))
                .containsExactly(java.util.List.of(refund));
    }

    @Test
    void theMigrationsBackfillGivesTheCountersTheSalesMadeBeforeIt() throws Exception {
        UUID event = show(staff, org, "Upgrade", 20);
        checkout(staff, org, hold(staff, org, event, "{\"seats\": [\"Hall:A:3\", \"Hall:A:4\"]}")).expect(201);
        String refunded = checkout(staff, org, hold(staff, org, event, "{\"ticket_type\": \"ga\", \"quantity\": 2}"))
                .expect(201).path("id").asText();
        checkout(staff, org, hold(staff, org, event, "{\"ticket_type\": \"ga\", \"quantity\": 1}")).expect(201);
        staff.post("/api/orgs/" + org + "/orders/" + refunded + "/refund", "{}").expect(200);
        JsonNode live = eventSales(event);
        String lines = "select kind, line, sum(sold), sum(refunded), sum(revenue_cents) from sales_totals"
                + " where event_id = ? group by 1, 2 order by 1, 2";
        String minutes = "select minute, sum(sold), sum(revenue_cents) from sales_minutes where event_id = ?"
                + " group by 1 order by 1";
        var liveLines = Db.rows(lines, event);
        var liveMinutes = Db.rows(minutes, event);

        TestEnv.exec("truncate sales_totals, sales_minutes");
        TestEnv.exec(backfill());

        assertThat(Db.rows(lines, event)).isEqualTo(liveLines);
        assertThat(Db.rows(minutes, event)).isEqualTo(liveMinutes);
        JsonNode upgraded = eventSales(event);
        assertThat(upgraded.path("totals")).isEqualTo(live.path("totals"));
        assertThat(upgraded.path("categories")).isEqualTo(live.path("categories"));
        assertThat(upgraded.path("ticket_types")).isEqualTo(live.path("ticket_types"));
        // the window may have moved on by a minute between the two reads: compare the minutes with sales
        assertThat(minutesWithSales(upgraded)).isEqualTo(minutesWithSales(live)).isNotEmpty();
    }

    static java.util.List<JsonNode> minutesWithSales(JsonNode sales) {
        java.util.List<JsonNode> minutes = new java.util.ArrayList<>();
        sales.path("per_minute").forEach(m -> {
            if (m.path("sold").asLong() != 0) {
                minutes.add(m);
            }
        });
        return minutes;
    }

    /** The data part of V18: what an existing database runs once to seed its counters. */
    static String backfill() throws java.io.IOException {
        try (var in = SalesIT.class.getResourceAsStream("/db/migration/V18__sales_counters.sql")) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return sql.substring(sql.indexOf("-- [jooq ignore start]"), sql.indexOf("-- [jooq ignore stop]"));
        }
    }

    @Test
    void theAnswersHaveExactlyTheFieldsTheConsoleReads() {
        UUID event = show(staff, org, "Fields", 10);
        checkout(staff, org, hold(staff, org, event, "{\"seats\": [\"Hall:A:9\"]}")).expect(201);
        checkout(staff, org, hold(staff, org, event, "{\"ticket_type\": \"ga\", \"quantity\": 1}")).expect(201);

        JsonNode orgSales = staff.get("/api/orgs/" + org + "/sales").expect(200);
        JsonNode eventSales = eventSales(event);

        assertThat(fields(orgSales)).containsExactly("organization_id", "taken_at", "offset", "epoch", "totals",
                "per_minute", "shows", "latest");
        assertThat(fields(eventSales)).containsExactly("event_id", "name", "taken_at", "offset", "epoch", "totals",
                "categories", "ticket_types", "per_minute", "latest");
        for (JsonNode answer : java.util.List.of(orgSales, eventSales)) {
            java.time.Instant.parse(answer.path("taken_at").asText());
            assertThat(answer.path("offset").isIntegralNumber()).isTrue();
            assertThat(fields(answer.path("totals"))).containsExactly("capacity", "sold", "held", "available",
                    "refunded", "revenue_cents", "currency");
            assertThat(fields(answer.path("per_minute").get(0))).containsExactly("minute", "sold", "revenue_cents");
            java.time.Instant.parse(answer.path("per_minute").get(59).path("minute").asText());
            assertThat(fields(answer.path("latest").get(0))).containsExactly("order_id", "event_id", "event_name",
                    "tickets", "amount_cents", "currency", "sold_at");
        }
        assertThat(fields(orgSales.path("shows").get(0))).containsExactly("event_id", "name", "starts_at", "status",
                "capacity", "sold", "held", "available", "revenue_cents");
        assertThat(fields(eventSales.path("categories").get(0))).containsExactly("category", "price_cents",
                "capacity", "sold", "held", "available", "revenue_cents");
        assertThat(fields(eventSales.path("ticket_types").get(0))).containsExactly("ticket_type", "capacity", "sold",
                "held", "available", "revenue_cents");
    }

    static java.util.List<String> fields(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
