package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Db;

/**
 * Offline upload (ADR 0025): two devices on two nodes admitted overlapping tickets while apart and upload at
 * once. Each ticket is admitted once, every overlap is one conflict in the report (JSON and CSV), and the same
 * uploads again change nothing and get the same answers.
 */
class ScanOfflineIT {

    /** Free text a spreadsheet would take for a formula, with a comma and quotes the CSV must quote. */
    private static final String WEST = "=West, \"side\"";
    private static final Instant DEVICE_CLOCK = Instant.parse("2027-03-01T18:30:00Z");

    private static Gate gate;

    /** One device at its gate: its API (on its own node), its session and its device id. */
    private record Scanner(String name, Api api, UUID session, UUID deviceId, String gateName) {
    }

    @BeforeAll
    static void start() {
        gate = new Gate(2);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void twoDevicesUploadingOverlappingAdmissionsAtOnceAdmitEachTicketOnceAndReportEveryOverlap() throws Exception {
        UUID show = gate.show("Offline " + UUID.randomUUID());
        List<Gate.Sold> sold = gate.sell(show, "ga", 60);
        Scanner a = scanner(0, "Device A", show, "North");
        Scanner b = scanner(1, "Device B", show, WEST);
        Map<Scanner, List<Gate.Sold>> offline = new LinkedHashMap<>();
        offline.put(a, sold.subList(0, 40));
        offline.put(b, sold.subList(20, 60));
        Set<UUID> overlap = ids(sold.subList(20, 40));

        Map<String, JsonNode> answers = uploadAtOnce(offline);
        long scans = Db.count("select count(*) from scans");
        long events = Db.count(Gate.SCANNING_EVENTS);

        assertThat(answers).hasSize(80);
        for (Gate.Sold ticket : sold) {
            List<JsonNode> got = new ArrayList<>();
            offline.forEach((s, tickets) -> {
                if (tickets.contains(ticket)) {
                    got.add(answers.get(nonce(s, ticket)));
                }
            });
            assertThat(got.stream().filter(g -> g.path("result").asText().equals("ok"))).as("ok answers").hasSize(1);
            for (JsonNode answer : got) {
                boolean lost = !answer.path("result").asText().equals("ok");
                assertThat(answer.path("conflict").asBoolean()).isEqualTo(lost);
                assertThat(answer.has("conflict")).isEqualTo(lost);
                if (lost) {
                    assertThat(answer.path("result").asText()).isEqualTo("already_redeemed");
                    assertThat(overlap).contains(ticket.id());
                }
            }
        }
        assertThat(Db.count("select count(*) from admissions where event_id = ?::uuid", show.toString()))
                .isEqualTo(60);
        assertThat(Db.count("select count(*) from scans where event_id = ?::uuid and offline", show.toString()))
                .isEqualTo(80);
        assertThat(Db.count("select count(*) from scans where event_id = ?::uuid and conflict", show.toString()))
                .isEqualTo(20);
        assertThat(Db.count("select count(*) from domain_events where event_type = 'scan.rejected.v1'"
                + " and persisted_change->>'event_id' = ? and persisted_change->>'conflict' = 'true'"
                + " and persisted_change->>'offline' = 'true'", show.toString())).isEqualTo(20);

        JsonNode report = gate.staff.get(conflicts(show, "")).expect(200);
        assertReportShowsEachOverlapOnce(report.path("items"), overlap, a, b);
        assertThat(report.path("total").asLong()).isEqualTo(20);
        assertThat(report.path("next_cursor").isNull()).isTrue();
        assertPagesAddUpToTheReport(show, report.path("items"));
        String csv = checkedCsv(gate.on(1, gate.admin.createToken(gate.org, "viewer")), show);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(22);
        assertThat(lines[0]).isEqualTo(String.join(",", ConflictCsv.HEADER));
        for (UUID ticket : overlap) {
            assertThat(List.of(lines).stream().filter(l -> l.startsWith(ticket + ","))).as("rows of " + ticket)
                    .hasSize(1);
        }
        // the losing scans of device B name its gate, defused and quoted; its admissions name it likewise
        assertThat(csv).contains(",\"'=West, \"\"side\"\"\",");

        Map<String, JsonNode> again = uploadAtOnce(offline);
        assertThat(again).isEqualTo(answers);
        assertThat(Db.count("select count(*) from scans")).isEqualTo(scans);
        assertThat(Db.count(Gate.SCANNING_EVENTS)).isEqualTo(events);
        assertThat(Db.count("select count(*) from admissions where event_id = ?::uuid", show.toString()))
                .isEqualTo(60);
        assertThat(gate.staff.get(conflicts(show, "")).expect(200)).isEqualTo(report);
        assertThat(checkedCsv(gate.staff, show)).isEqualTo(csv);
    }

    @Test
    void anOfflineScanOfATicketAdmittedOnlineIsAConflictButAnOnlineRepeatIsNot() {
        UUID show = gate.show("Mixed " + UUID.randomUUID());
        List<Gate.Sold> sold = gate.sell(show, "ga", 2);
        Scanner online = scanner(0, "Online", show, "Main");
        Scanner apart = scanner(1, "Apart", show, "Side");
        assertThat(scan(online, sold.get(0), "online-1", false).path("result").asText()).isEqualTo("ok");
        JsonNode conflict = scan(apart, sold.get(0), "apart-1", true);
        assertThat(conflict.path("result").asText()).isEqualTo("already_redeemed");
        assertThat(conflict.path("conflict").asBoolean()).isTrue();
        assertThat(conflict.path("first_admitted").path("gate").asText()).isEqualTo("Main");
        JsonNode repeat = scan(online, sold.get(0), "online-2", false);
        assertThat(repeat.path("result").asText()).isEqualTo("already_redeemed");
        assertThat(repeat.has("conflict")).isFalse();
        JsonNode first = scan(apart, sold.get(1), "apart-2", true);
        assertThat(first.path("result").asText()).isEqualTo("ok");
        assertThat(first.has("conflict")).isFalse();
        assertThat(Db.single("select offline from scans where nonce = 'apart-2'")).isEqualTo(true);
        assertThat(Db.single("select persisted_change->>'offline' from domain_events where event_type ="
                + " 'scan.accepted.v1' and resource_id = ?::uuid", sold.get(1).id().toString())).isEqualTo("true");

        JsonNode items = gate.staff.get(conflicts(show, "")).expect(200).path("items");
        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.path("ticket_id").asText()).isEqualTo(sold.get(0).id().toString());
        assertThat(item.path("ticket_type").asText()).isEqualTo("ga");
        assertThat(item.path("admitted").path("gate").asText()).isEqualTo("Main");
        assertThat(item.path("admitted").path("device_id").asText()).isEqualTo(online.deviceId().toString());
        assertThat(item.path("conflicting").path("gate").asText()).isEqualTo("Side");
        assertThat(item.path("conflicting").path("device_id").asText()).isEqualTo(apart.deviceId().toString());
        assertThat(item.path("conflicting").path("scanned_at").isNull()).isTrue();
        assertThat(item.path("conflicting").path("recorded_at").isTextual()).isTrue();
    }

    @Test
    void badScansAreRefusedAsProblemsAndRecordNothing() {
        UUID show = gate.show("Bad " + UUID.randomUUID());
        Gate.Sold ticket = gate.sell(show, "ga", 1).get(0);
        Scanner device = scanner(0, "Careful", show, "Gate");
        long scans = Db.count("select count(*) from scans");
        long events = Db.count(Gate.SCANNING_EVENTS);
        long admissions = Db.count("select count(*) from admissions");
        String path = "/api/orgs/" + gate.org + "/scanning/scans";
        assertThat(device.api().post(path, body("", device.session(), "bad-1", "true")).problem(422)
                .path("code").asText()).isEqualTo("validation_failed");
        device.api().post(path, body("x".repeat(10_240), device.session(), "bad-2", "true")).problem(422);
        device.api().post(path, body(ticket.code(), UUID.randomUUID(), "bad-3", "true")).problem(404);
        JsonNode yes = device.api().post(path, body(ticket.code(), device.session(), "bad-4", "\"yes\"")).problem(400);
        assertThat(yes.path("code").asText()).isEqualTo("malformed_json");
        device.api().post(path, body(ticket.code(), device.session(), "bad-5", "1")).problem(400);
        device.api().post(path + "/batch", "{\"scans\": [" + body(ticket.code(), device.session(), "bad-6", "true")
                + ", " + body(ticket.code(), device.session(), "bad-7", "\"yes\"") + "]}").problem(400);
        device.api().post(path + "/batch", "{\"scans\": [" + body(ticket.code(), device.session(), "bad-8", "true")
                + ", " + body("", device.session(), "bad-9", "true") + "]}").problem(422);
        assertThat(Db.count("select count(*) from scans")).isEqualTo(scans);
        assertThat(Db.count(Gate.SCANNING_EVENTS)).isEqualTo(events);
        assertThat(Db.count("select count(*) from admissions")).isEqualTo(admissions);
    }

    @Test
    void theReportIsReadByViewersAndRefusesBadOrForeignShows() {
        UUID show = gate.show("Report " + UUID.randomUUID());
        Api viewer = gate.on(0, gate.admin.createToken(gate.org, "viewer"));
        assertThat(viewer.get(conflicts(show, "")).expect(200).path("items").isArray()).isTrue();
        Scanner device = scanner(0, "Reader", show, "Gate");
        assertThat(device.api().get(conflicts(show, "")).expect(200).path("items")).isEmpty();
        String base = "/api/orgs/" + gate.org + "/scanning/conflicts";
        for (String suffix : new String[] {"", ".csv"}) {
            assertThat(viewer.get(base + suffix).problem(400).path("code").asText()).isEqualTo("invalid_id");
            assertThat(viewer.get(base + suffix + "?event_id=nope").problem(400).path("code").asText())
                    .isEqualTo("invalid_id");
            assertThat(viewer.get(base + suffix + "?event_id=" + UUID.randomUUID()).problem(404).path("code")
                    .asText()).isEqualTo("event_not_found");
        }
        UUID otherOrg = gate.admin.createOrg("Elsewhere " + UUID.randomUUID());
        Api theirs = gate.admin.withToken(gate.admin.createToken(otherOrg, "staff"));
        String theirShow = theirs.post("/api/orgs/" + otherOrg + "/events", "{\"name\": \"Theirs\", \"starts_at\":"
                + " \"2027-03-01T19:00:00+02:00\", \"ticket_types\": [{\"code\": \"ga\", \"name\": \"GA\","
                + " \"price_cents\": 100, \"capacity\": 10}]}").expect(201).path("id").asText();
        assertThat(viewer.get(base + "?event_id=" + theirShow).problem(404).path("code").asText())
                .isEqualTo("event_not_found");
        viewer.get(base + ".csv?event_id=" + theirShow).problem(404);
        theirs.get("/api/orgs/" + gate.org + "/scanning/conflicts?event_id=" + show).problem(404);
    }

    /** Pages of 7 give the whole report in its order, each with the total, the last without a cursor. */
    private static void assertPagesAddUpToTheReport(UUID show, JsonNode whole) {
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = gate.staff.get(conflicts(show, "") + "&limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            assertThat(page.path("total").asLong()).isEqualTo(whole.size());
            assertThat(page.path("items").size()).isBetween(1, 7);
            page.path("items").forEach(paged::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(whole);
        String base = conflicts(show, "");
        for (String limit : new String[] {"0", "1001", "ten", "7.5"}) {
            assertThat(gate.staff.get(base + "&limit=" + limit).problem(400).path("code").asText())
                    .as("limit=" + limit).isEqualTo("invalid_query");
        }
        JsonNode refused = gate.staff.get(base + "&cursor=not-ours").problem(400);
        assertThat(refused.path("code").asText()).isEqualTo("invalid_cursor");
        assertThat(refused.toString()).doesNotContain("not-ours");
    }

    private static void assertReportShowsEachOverlapOnce(JsonNode items, Set<UUID> overlap, Scanner a, Scanner b) {
        assertThat(items).hasSize(overlap.size());
        Map<UUID, UUID> admittedBy = new HashMap<>();
        for (List<Object> row : Db.rows("select ticket_id, scan_id from admissions")) {
            admittedBy.put((UUID) row.get(0), (UUID) row.get(1));
        }
        Set<UUID> seen = new HashSet<>();
        OffsetDateTime previous = OffsetDateTime.MIN;
        for (JsonNode item : items) {
            UUID ticket = UUID.fromString(item.path("ticket_id").asText());
            assertThat(seen.add(ticket)).as("listed once: " + ticket).isTrue();
            JsonNode admitted = item.path("admitted");
            JsonNode conflicting = item.path("conflicting");
            assertThat(admitted.path("scan_id").asText()).isEqualTo(admittedBy.get(ticket).toString());
            Scanner winner = admitted.path("device_id").asText().equals(a.deviceId().toString()) ? a : b;
            Scanner loser = winner == a ? b : a;
            assertThat(admitted.path("gate").asText()).isEqualTo(winner.gateName());
            assertThat(conflicting.path("device_id").asText()).isEqualTo(loser.deviceId().toString());
            assertThat(conflicting.path("gate").asText()).isEqualTo(loser.gateName());
            assertThat(conflicting.path("scan_id").asText()).isNotEqualTo(admitted.path("scan_id").asText());
            assertThat(Instant.parse(conflicting.path("scanned_at").asText())).isEqualTo(deviceTime(ticket));
            OffsetDateTime recorded = OffsetDateTime.parse(conflicting.path("recorded_at").asText());
            assertThat(recorded).isAfterOrEqualTo(previous);
            previous = recorded;
        }
        assertThat(seen).isEqualTo(overlap);
    }

    /** Each device uploads its offline admissions in batches of 10, both at once; the answers by nonce. */
    private static Map<String, JsonNode> uploadAtOnce(Map<Scanner, List<Gate.Sold>> offline) throws Exception {
        Map<String, JsonNode> answers = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(offline.size());
        List<Future<?>> running = new ArrayList<>();
        offline.forEach((scanner, tickets) -> running.add(pool.submit(() -> {
            List<Gate.Sold> order = new ArrayList<>(tickets);
            Collections.shuffle(order, new Random(scanner.name().hashCode()));
            start.await();
            for (int from = 0; from < order.size(); from += 10) {
                List<Gate.Sold> chunk = order.subList(from, Math.min(order.size(), from + 10));
                List<String> bodies = chunk.stream().map(t -> body(t.code(), scanner.session(), nonce(scanner, t),
                        "true", deviceTime(t.id()))).toList();
                JsonNode results = scanner.api().post("/api/orgs/" + gate.org + "/scanning/scans/batch",
                        "{\"scans\": [" + String.join(", ", bodies) + "]}").expect(200).path("results");
                for (int i = 0; i < chunk.size(); i++) {
                    answers.put(nonce(scanner, chunk.get(i)), results.get(i));
                }
            }
            return null;
        })));
        start.countDown();
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return Map.copyOf(answers);
    }

    private static String checkedCsv(Api api, UUID show) {
        Api.Response response = api.get(conflicts(show, ".csv"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        return response.body();
    }

    private Scanner scanner(int node, String name, UUID show, String gateName) {
        Api api = gate.on(node, gate.deviceToken(name));
        JsonNode session = api.post("/api/orgs/" + gate.org + "/scanning/sessions", Json.write(Map.of(
                "event_id", show.toString(), "gate", gateName, "direction", "entry"))).expect(201);
        return new Scanner(name, api, UUID.fromString(session.path("id").asText()),
                UUID.fromString(session.path("device_id").asText()), gateName);
    }

    private static JsonNode scan(Scanner scanner, Gate.Sold ticket, String nonce, boolean offline) {
        return scanner.api().post("/api/orgs/" + gate.org + "/scanning/scans",
                body(ticket.code(), scanner.session(), nonce, Boolean.toString(offline))).expect(200);
    }

    private static String body(String code, UUID session, String nonce, String offline) {
        return "{\"code\": " + Json.write(code) + ", \"session_id\": \"" + session + "\", \"nonce\": \"" + nonce
                + "\", \"offline\": " + offline + "}";
    }

    private static String body(String code, UUID session, String nonce, String offline, Instant scannedAt) {
        return body(code, session, nonce, offline).replaceFirst("}$", ", \"scanned_at\": \"" + scannedAt + "\"}");
    }

    /** The device time of a ticket's offline admission: the same on both devices, to the millisecond. */
    private static Instant deviceTime(UUID ticket) {
        return DEVICE_CLOCK.plusMillis(Math.floorMod(ticket.hashCode(), 3_600_000));
    }

    private static String conflicts(UUID show, String suffix) {
        return "/api/orgs/" + gate.org + "/scanning/conflicts" + suffix + "?event_id=" + show;
    }

    private static String nonce(Scanner scanner, Gate.Sold ticket) {
        return scanner.name() + ":" + ticket.id();
    }

    private static Set<UUID> ids(List<Gate.Sold> tickets) {
        return Set.copyOf(tickets.stream().map(Gate.Sold::id).toList());
    }
}
