package za.voelgoed.seating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.BackendNode;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/** Holds over real HTTP, Redis and PostgreSQL: seats, best available, general admission, release, expiry. */
class HoldsIT {

    static BackendNode node;
    static Api staff;
    static Api otherOrg;
    static UUID org;

    static final String SHOW = """
            {"name": "Flash Sale Live", "starts_at": "2027-03-01T19:00:00+02:00", "hold_seconds": 60,
             "max_hold_seconds": 120,
             "seating": {"sections": [{"name": "Floor", "rows": [{"label": "A", "seats": 6, "category": "front"},
                                                                  {"label": "B", "seats": 6, "category": "back"}]}],
                         "categories": [{"code": "front", "price_cents": 45000}, {"code": "back", "price_cents": 30000}]},
             "ticket_types": [{"code": "ga", "name": "General admission", "price_cents": 20000, "capacity": 5}]}""";

    @BeforeAll
    static void start() {
        TestEnv.truncateAll();
        node = BackendNode.start(TestEnv.config(Map.of("VOELGOED_HOLD_SWEEP_INTERVAL_MS", "200", "VOELGOED_NODE_ID", "holds")));
        Api admin = new Api(node.port(), node.adminToken());
        org = admin.createOrg("Holds");
        staff = admin.withToken(admin.createToken(org, "staff"));
        otherOrg = admin.withToken(admin.createToken(admin.createOrg("Other"), "owner"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static UUID publishedShow() {
        Api.Response created = staff.post("/api/orgs/" + org + "/events", SHOW);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID event = UUID.fromString(created.json().path("id").asText());
        assertThat(staff.post(base(event) + "/publish", "{}").status()).isEqualTo(200);
        return event;
    }

    static String base(UUID event) {
        return "/api/orgs/" + org + "/events/" + event;
    }

    static Api.Response hold(UUID event, String body) {
        return staff.post(base(event) + "/holds", body);
    }

    static JsonNode availability(UUID event) {
        return staff.get(base(event) + "/availability").json();
    }

    @Test
    void seatsAreHeldAllOrNothingAndATakenSeatIsNamedInThe409() {
        UUID event = publishedShow();
        Api.Response first = hold(event, "{\"seats\": [\"Floor:A:3\", \"Floor:A:4\"]}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("seats")).extracting(JsonNode::asText).containsExactly("Floor:A:3", "Floor:A:4");

        Api.Response clash = hold(event, "{\"seats\": [\"Floor:A:4\", \"Floor:A:5\"]}");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.contentType()).startsWith("application/problem+json");
        assertThat(clash.problem(409).path("seats")).extracting(JsonNode::asText).containsExactly("Floor:A:4");

        JsonNode seats = availability(event).path("seats");
        assertThat(seats.path("held").asInt()).isEqualTo(2);
        assertThat(seats.path("free").asInt()).isEqualTo(10);
        assertThat(Db.count("select count(*) from seat_claims where event_id = ?", event)).isEqualTo(2);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'seat.hold_created.v1'"
                + " and persisted_change->>'event_id' = ?", event.toString())).isEqualTo(1);
    }

    @Test
    void bestAvailablePicksAdjacentSeatsInTheCategoryAndGeneralAdmissionStopsAtCapacity() {
        UUID event = publishedShow();
        JsonNode best = hold(event, "{\"best_available\": {\"quantity\": 3, \"category\": \"back\"}}").json();
        assertThat(best.path("seats")).extracting(JsonNode::asText).allMatch(s -> s.startsWith("Floor:B:"));
        List<Integer> numbers = new java.util.ArrayList<>();
        best.path("seats").forEach(s -> numbers.add(Integer.parseInt(s.asText().substring(8))));
        assertThat(numbers.get(2) - numbers.get(0)).isEqualTo(2);

        assertThat(hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 4}").status()).isEqualTo(201);
        Api.Response over = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 2}");
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.problem(409).path("code").asText()).isEqualTo("sold_out");
        JsonNode ga = availability(event).path("ticket_types").get(0);
        assertThat(ga.path("held").asInt()).isEqualTo(4);
        assertThat(Db.count("select held from ticket_types where event_id = ?", event)).isEqualTo(4);
    }

    @Test
    void bestAvailableSeatsAPartyApartWhenNoRowHasThemSideBySideAndRefusesWhenTooFewAreLeft() {
        UUID event = publishedShow();
        for (String seat : List.of("Floor:B:1", "Floor:B:3", "Floor:B:5")) {
            assertThat(hold(event, "{\"seats\": [\"" + seat + "\"]}").status()).isEqualTo(201);
        }
        JsonNode apart = hold(event, "{\"best_available\": {\"quantity\": 3, \"category\": \"back\"}}").json();
        assertThat(apart.path("seats")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("Floor:B:2", "Floor:B:4", "Floor:B:6");
        Api.Response none = hold(event, "{\"best_available\": {\"quantity\": 1, \"category\": \"back\"}}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.problem(409).path("code").asText()).isEqualTo("not_enough_seats");
    }

    @Test
    void releasingGivesSeatsBackAndAnExpiredHoldIsSweptAndAnnounced() {
        UUID event = publishedShow();
        String released = hold(event, "{\"seats\": [\"Floor:A:1\"]}").json().path("id").asText();
        assertThat(staff.delete(base(event) + "/holds/" + released).status()).isEqualTo(204);
        assertThat(availability(event).path("seats").path("held").asInt()).isZero();

        String expiring = hold(event, "{\"ticket_type\": \"ga\", \"quantity\": 2}").json().path("id").asText();
        TestEnv.exec("update holds set expires_at = now() - interval '1 minute' where id = '" + expiring + "'");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "expired".equals(Db.single("select status from holds where id = ?::uuid", expiring)));
        assertThat(Db.count("select held from ticket_types where event_id = ?", event)).isZero();
        assertThat(Db.count("select count(*) from domain_events where event_type = 'seat.hold_expired.v1'"
                + " and resource_id = ?::uuid", expiring)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                availability(event).path("ticket_types").get(0).path("remaining").asInt() == 5);
        assertThat(staff.delete(base(event) + "/holds/" + expiring).status()).isEqualTo(409);
    }

    @Test
    void blockedAndAllocatedSeatsAreOffSaleUntilReturnedAndHeldSeatsCannotBeBlocked() {
        UUID event = publishedShow();
        assertThat(staff.post(base(event) + "/seats/allocation", "{\"seats\": [\"Floor:A:2\"], \"blocked\": true}")
                .json().path("changed").asInt()).isEqualTo(1);
        staff.post(base(event) + "/seats/allocation", "{\"seats\": [\"Floor:A:3\"], \"channel\": \"box_office\"}");
        assertThat(hold(event, "{\"seats\": [\"Floor:A:2\"]}").status()).isEqualTo(409);
        assertThat(hold(event, "{\"seats\": [\"Floor:A:3\"]}").status()).isEqualTo(409);
        assertThat(availability(event).path("seats").path("blocked").asInt()).isEqualTo(2);

        hold(event, "{\"seats\": [\"Floor:A:4\"]}");
        Api.Response onHeld = staff.post(base(event) + "/seats/allocation", "{\"seats\": [\"Floor:A:4\"], \"blocked\": true}");
        assertThat(onHeld.status()).isEqualTo(409);
        assertThat(onHeld.problem(409).path("seats").get(0).asText()).isEqualTo("Floor:A:4");

        staff.post(base(event) + "/seats/allocation", "{\"seats\": [\"Floor:A:2\", \"Floor:A:3\"], \"blocked\": false}");
        assertThat(hold(event, "{\"seats\": [\"Floor:A:2\", \"Floor:A:3\"]}").status()).isEqualTo(201);
    }

    @Test
    void postgresqlRefusesASeatSetAsideEvenWhileRedisStillShowsItFree() {
        UUID event = publishedShow();
        // as an allocation does before Redis is reloaded
        TestEnv.exec("update event_seats set channel = 'sponsor' where event_id = '" + event + "' and seat_id = 'Floor:A:6'");

        Api.Response refused = hold(event, "{\"seats\": [\"Floor:A:6\"]}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(Db.count("select count(*) from holds where event_id = ?", event)).isZero();
        assertThat(Db.count("select count(*) from seat_claims where event_id = ?", event)).isZero();
    }

    @Test
    void anExtensionStopsAtTheShowsMaximum() {
        UUID event = publishedShow();
        JsonNode held = hold(event, "{\"seats\": [\"Floor:B:6\"]}").json();
        JsonNode extended = staff.post(base(event) + "/holds/" + held.path("id").asText() + "/extend",
                "{\"seconds\": 3600}").json();
        java.time.Instant created = java.time.Instant.parse(held.path("expires_at").asText()).minusSeconds(60);
        assertThat(java.time.Instant.parse(extended.path("expires_at").asText()))
                .isBefore(created.plusSeconds(121)).isAfter(created.plusSeconds(119));
    }

    @Test
    void aHoldPastItsTimeCannotBeExtendedEvenBeforeTheSweeperEndsIt() {
        UUID event = publishedShow();
        String holdId = hold(event, "{\"seats\": [\"Floor:B:5\"]}").json().path("id").asText();
        // past its time by less than the sweeper's grace, and still due later in Redis: not swept yet
        TestEnv.exec("update holds set expires_at = now() - interval '1 second' where id = '" + holdId + "'");
        Object expiry = Db.single("select expires_at from holds where id = ?::uuid", holdId);

        var refused = staff.post(base(event) + "/holds/" + holdId + "/extend", "{\"seconds\": 60}");

        assertThat(refused.problem(409).path("code").asText()).isEqualTo("hold_expired");
        assertThat(Db.single("select expires_at from holds where id = ?::uuid", holdId)).isEqualTo(expiry);
    }

    @Test
    void aHoldPostgresqlRefusesLeavesNoHoldNoEventAndRedisAgreeingWithPostgresql() {
        UUID event = publishedShow();
        hold(event, "{\"seats\": [\"Floor:A:6\"]}");
        // a claim Redis does not know about: the Lua script lets the hold through, PostgreSQL refuses it
        TestEnv.exec("insert into seat_claims (event_id, seat_index, state) values ('" + event + "', 0, 'sold')");
        long eventsBefore = Db.count("select count(*) from domain_events");

        Api.Response refused = hold(event, "{\"seats\": [\"Floor:A:1\"]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(Db.count("select count(*) from holds where event_id = ?", event)).isEqualTo(1);
        assertThat(Db.count("select count(*) from domain_events")).isEqualTo(eventsBefore);
        JsonNode drift = staff.post(base(event) + "/inventory/drift", "{}").json();
        assertThat(drift.path("seats").asInt() + drift.path("tickets").asInt()).isZero();
        String metrics = Metrics.scrape(node);
        assertThat(metrics).containsPattern("voelgoed_inventory_drift\\{[^}]*organization_id=\"" + org + "\"");
        assertThat(metrics).as("show ids are never tags").doesNotContain("event_id=\"" + event);
        assertThat(hold(event, "{\"seats\": [\"Floor:A:1\"]}").problem(409).path("seats").get(0).asText())
                .as("Redis now knows the seat is sold, and says so").isEqualTo("Floor:A:1");
    }

    @Test
    void concurrentHoldsRecordedTogetherAreRefusedOneByOneWherePostgresqlSaysNo() throws Exception {
        UUID event = publishedShow();
        hold(event, "{\"seats\": [\"Floor:B:6\"]}");
        // state Redis does not know about: seats A1–A3 claimed, and 4 of the 5 GA tickets held
        TestEnv.exec("insert into seat_claims (event_id, seat_index, state) select '" + event + "', i, 'sold'"
                + " from generate_series(0, 2) i");
        TestEnv.exec("update ticket_types set held = 4 where event_id = '" + event + "'");
        long eventsBefore = Db.count("select count(*) from domain_events where event_type like 'seat.hold_created%'");

        List<String> bodies = new java.util.ArrayList<>();
        for (int seat = 1; seat <= 6; seat++) {
            bodies.add("{\"seats\": [\"Floor:A:" + seat + "\"]}");
        }
        for (int i = 0; i < 5; i++) {
            bodies.add("{\"ticket_type\": \"ga\", \"quantity\": 1}");
        }
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (String body : bodies) {
            answers.add(pool.submit(() -> {
                go.await();
                return hold(event, body);
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.close();

        List<Integer> seats = statuses.subList(0, 6);
        List<Integer> ga = statuses.subList(6, 11);
        assertThat(seats.subList(0, 3)).containsOnly(409);
        assertThat(seats.subList(3, 6)).containsOnly(201);
        assertThat(ga).filteredOn(s -> s == 201).hasSize(1);
        assertThat(ga).filteredOn(s -> s == 409).hasSize(4);
        assertThat(Db.count("select count(*) from holds where event_id = ? and status = 'active'", event)).isEqualTo(5);
        assertThat(Db.count("select held from ticket_types where event_id = ?", event)).isEqualTo(5);
        assertThat(Db.count("select count(*) from seat_claims where event_id = ?", event)).isEqualTo(7);
        assertThat(Db.count("select count(*) from domain_events where event_type like 'seat.hold_created%'"))
                .isEqualTo(eventsBefore + 4);
    }

    @Test
    void anIdempotencyKeyLeftWithoutAnAnswerByADeadRequestIsTakenOverOnlyOnceItsLeaseRanOut() throws Exception {
        UUID event = publishedShow();
        String body = "{\"seats\": [\"Floor:B:1\"]}";
        assertThat(staff.post(base(event) + "/holds", "{\"seats\": [\"Floor:B:2\"]}", Map.of("Idempotency-Key", "probe"))
                .status()).isEqualTo(201);
        String route = (String) Db.rows("select route from idempotency_keys where key = 'probe'").get(0).get(0);
        String hash = za.voelgoed.platform.http.IdempotencyKeys.fingerprint(node.masterKey(), route, body);
        // two keys reserved by requests that never answered: one just now, one three minutes ago
        for (String[] key : new String[][] {{"fresh", "now()"}, {"abandoned", "now() - interval '3 minutes'"}}) {
            TestEnv.exec("insert into idempotency_keys (organization_id, key, route, request_hash, reserved_at)"
                    + " values ('" + org + "', '" + key[0] + "', '" + route + "', '" + hash + "', " + key[1] + ")");
        }

        Api.Response running = staff.post(base(event) + "/holds", body, Map.of("Idempotency-Key", "fresh"));
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.problem(409).path("code").asText()).isEqualTo("request_in_progress");
        assertThat(Db.count("select count(*) from holds where event_id = ?", event)).isEqualTo(1);

        Api.Response taken = staff.post(base(event) + "/holds", body, Map.of("Idempotency-Key", "abandoned"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        Api.Response replayed = staff.post(base(event) + "/holds", body, Map.of("Idempotency-Key", "abandoned"));
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.json().path("id").asText()).isEqualTo(taken.json().path("id").asText());
        assertThat(Db.count("select count(*) from holds where event_id = ?", event)).isEqualTo(2);
    }

    @Test
    void aReleaseOfAHoldACheckoutHasLockedWaitsForItWithoutHoldingUpOtherHolds() throws Exception {
        UUID event = publishedShow();
        String holdId = hold(event, "{\"seats\": [\"Floor:A:4\"]}").json().path("id").asText();
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        java.util.concurrent.Future<Api.Response> release;
        try (java.sql.Connection checkout = TestEnv.connect()) {
            // a checkout's transaction holding the hold's row
            checkout.setAutoCommit(false);
            try (var lock = checkout.prepareStatement("select id from holds where id = ?::uuid for update")) {
                lock.setString(1, holdId);
                lock.executeQuery().close();
            }
            release = pool.submit(() -> staff.delete(base(event) + "/holds/" + holdId));

            Api.Response other = hold(event, "{\"seats\": [\"Floor:A:5\"]}");
            assertThat(other.status()).as("a hold while the release waits").isEqualTo(201);
            assertThat(release.isDone()).as("the release waits for the checkout's lock").isFalse();
            checkout.commit();
        }
        assertThat(release.get(20, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(204);
        assertThat(Db.single("select status from holds where id = ?::uuid", holdId)).isEqualTo("released");
        pool.close();
    }

    @Test
    void aShowTakenOffSaleIsRefusedAtOnceThoughTheNodeRemembersItOnSale() {
        UUID event = publishedShow();
        assertThat(hold(event, "{\"seats\": [\"Floor:A:1\"]}").status()).isEqualTo(201);
        // the node now remembers the show on sale for a second; the hold journal checks again in SQL
        TestEnv.exec("update events set status = 'cancelled' where id = '" + event + "'");

        Api.Response refused = hold(event, "{\"seats\": [\"Floor:A:2\"]}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem(409).path("code").asText()).isEqualTo("event_not_on_sale");
        assertThat(Db.count("select count(*) from holds where event_id = ?", event)).isEqualTo(1);
        assertThat(Db.count("select count(*) from seat_claims where event_id = ?", event)).isEqualTo(1);
        JsonNode drift = staff.post(base(event) + "/inventory/drift", "{}").json();
        assertThat(drift.path("seats").asInt()).as("Redis gave the refused seat back").isZero();
    }

    @Test
    void badRequestsAndOtherTenantsChangeNothing() {
        UUID event = publishedShow();
        assertThat(hold(event, "{\"seats\": [\"Floor:A:1\"], \"ticket_type\": \"ga\", \"quantity\": 1}").status()).isEqualTo(422);
        Api.Response unknown = hold(event, "{\"seats\": [\"Floor:Z:1\", \"nonsense\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problem(422).path("errors")).hasSize(2);
        assertThat(hold(event, "{\"ticket_type\": \"vip\", \"quantity\": 1}").problem(400).path("code").asText())
                .isEqualTo("unknown_ticket_type");
        assertThat(otherOrg.post(base(event) + "/holds", "{\"seats\": [\"Floor:A:1\"]}").status()).isEqualTo(404);
        Api.Response badMap = staff.post("/api/orgs/" + org + "/events", """
                {"name": "Broken", "starts_at": "2027-03-01T19:00:00+02:00",
                 "seating": {"sections": [{"name": "Floor", "rows": [{"label": "A", "seats": 500, "category": "x"}]}]}}""");
        assertThat(badMap.status()).isEqualTo(422);
        assertThat(badMap.body()).contains("seating.sections[0].rows[0].seats");
        Api.Response draft = staff.post("/api/orgs/" + org + "/events", SHOW);
        UUID draftId = UUID.fromString(draft.json().path("id").asText());
        assertThat(hold(draftId, "{\"seats\": [\"Floor:A:1\"]}").problem(409).path("code").asText()).isEqualTo("event_not_on_sale");
        assertThat(Db.count("select count(*) from holds where event_id in (?, ?)", event, draftId)).isZero();
    }

    @Test
    void theAvailabilitySnapshotListsSeatIdsAndAWatermarkOfItsHolds() {
        UUID event = publishedShow();
        String holdId = hold(event, "{\"seats\": [\"Floor:B:2\"]}").json().path("id").asText();
        JsonNode snapshot = availability(event);
        assertThat(snapshot.path("seats").path("items")).hasSize(12);
        assertThat(snapshot.path("seats").path("items").get(7).path("id").asText()).isEqualTo("Floor:B:2");
        assertThat(snapshot.path("seats").path("items").get(7).path("status").asText()).isEqualTo("held");
        assertThat(snapshot.path("watermark").path("hold:" + holdId).asLong()).isEqualTo(1);
        assertThat(snapshot.path("seats").path("categories").get(0).path("price_cents").asLong()).isEqualTo(45000);
    }
}
