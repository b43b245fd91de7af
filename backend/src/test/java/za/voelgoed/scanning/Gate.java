package za.voelgoed.scanning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.Metrics;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * Nodes with the payment simulator and one organisation: shows, tickets sold over HTTP, devices with their
 * tokens and scan sessions. For tests that scan what was really sold.
 */
final class Gate implements AutoCloseable {

    /** Events scans, sessions and blocks write: a sale's capture job writes payment events meanwhile. */
    static final String SCANNING_EVENTS = "select count(*) from domain_events where event_type like 'scan%'"
            + " or event_type like 'ticket.%'";

    static final String CARD = "{\"card_number\": \"4242 4242 4242 4242\", \"expiry\": \"12/30\", \"cvv\": \"123\"}";

    /** A sold ticket: its id, its order and the signed code a scanner reads. */
    record Sold(UUID id, String orderId, String code) {
    }

    final PaymentSimulatorProcess simulator;
    final List<BackendNode> nodes = new ArrayList<>();
    final Api admin;
    final Api staff;
    final UUID org;

    Gate(int nodeCount) {
        TestEnv.truncateAll();
        simulator = PaymentSimulatorProcess.start();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(BackendNode.start(TestEnv.config(Map.of("VOELGOED_PAYMENTS_URL", simulator.url(),
                    "VOELGOED_NODE_ID", "gate-" + i, "VOELGOED_JOBS_POLL_INTERVAL_MS", "200"))));
        }
        admin = new Api(nodes.get(0).port(), nodes.get(0).adminToken());
        org = admin.createOrg("Gate " + UUID.randomUUID());
        staff = admin.withToken(admin.createToken(org, "staff"));
    }

    /** The API of node {@code i} with {@code token}. */
    Api on(int i, String token) {
        return new Api(nodes.get(i % nodes.size()).port(), token);
    }

    /** A published general-admission show with ticket types {@code ga} (1,000) and {@code vip} (100). */
    UUID show(String name) {
        UUID event = UUID.fromString(staff.post("/api/orgs/" + org + "/events", """
                {"name": "%s", "starts_at": "2027-03-01T19:00:00+02:00",
                 "ticket_types": [{"code": "ga", "name": "GA", "price_cents": 10000, "capacity": 1000},
                                  {"code": "vip", "name": "VIP", "price_cents": 30000, "capacity": 100}]}"""
                .formatted(name)).json().path("id").asText());
        staff.post("/api/orgs/" + org + "/events/" + event + "/publish", "{}").json();
        return event;
    }

    /** Sells {@code count} tickets of the type, in orders of up to 20. */
    List<Sold> sell(UUID event, String type, int count) {
        List<Sold> sold = new ArrayList<>();
        while (sold.size() < count) {
            int quantity = Math.min(20, count - sold.size());
            String hold = staff.post("/api/orgs/" + org + "/events/" + event + "/holds",
                    "{\"ticket_type\": \"" + type + "\", \"quantity\": " + quantity + "}").expect(201)
                    .path("id").asText();
            JsonNode order = staff.post("/api/orgs/" + org + "/orders", "{\"hold_id\": \"" + hold + "\", \"customer\":"
                    + " {\"name\": \"Thandi\", \"email\": \"thandi@example.com\"}, \"payment\": " + CARD + "}")
                    .expect(201);
            for (JsonNode ticket : order.path("tickets")) {
                sold.add(new Sold(UUID.fromString(ticket.path("id").asText()), order.path("id").asText(),
                        ticket.path("code").asText()));
            }
        }
        return sold;
    }

    /** A new device of the organisation and a device token for it. */
    String deviceToken(String name) {
        String device = admin.post("/api/orgs/" + org + "/devices", Json.write(Map.of("name", name))).expect(201)
                .path("id").asText();
        return admin.post("/api/orgs/" + org + "/tokens", "{\"role\": \"device\", \"device_id\": \"" + device
                + "\", \"scopes\": [\"scanning:org:" + org + "\"]}").expect(201).path("token").asText();
    }

    /** Opens an entry session with the API given and returns its id. */
    UUID session(Api api, UUID event, String gate, String extra) {
        return session(api, event, gate, "entry", extra);
    }

    /** Opens a session of the direction ({@code entry}, {@code exit} or {@code both}) and returns its id. */
    UUID session(Api api, UUID event, String gate, String direction, String extra) {
        return UUID.fromString(api.post("/api/orgs/" + org + "/scanning/sessions", "{\"event_id\": \"" + event
                + "\", \"gate\": \"" + gate + "\", \"direction\": \"" + direction + "\"" + extra + "}")
                .expect(201).path("id").asText());
    }

    /** Sets a show's scanning settings as staff ({@code doorsOpenAt} an ISO-8601 text, or null). */
    void settings(UUID event, boolean reentryAllowed, String doorsOpenAt) {
        staff.put("/api/orgs/" + org + "/scanning/shows/" + event + "/settings", "{\"reentry_allowed\": "
                + reentryAllowed + ", \"doors_open_at\": " + (doorsOpenAt == null ? "null" : "\"" + doorsOpenAt
                + "\"") + "}").expect(200);
    }

    static String scan(String code, UUID session, String nonce) {
        return Json.write(Map.of("code", code, "session_id", session.toString(), "nonce", nonce));
    }

    /** A scan in a direction ({@code entry} or {@code exit}). */
    static String scan(String code, UUID session, String nonce, String direction) {
        return Json.write(Map.of("code", code, "session_id", session.toString(), "nonce", nonce,
                "direction", direction));
    }

    /** Deletes every Redis key of this run: FLUSHALL as far as this run can see. */
    static void deleteThisRunsKeys() {
        try (Redis redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX)) {
            Set<String> keys = redis.client().keys(TestEnv.REDIS_PREFIX + "*");
            if (!keys.isEmpty()) {
                redis.client().del(keys.toArray(String[]::new));
            }
        }
    }

    /** A series of the nodes' Prometheus text (name with its suffix) for this organisation, summed over nodes. */
    double metric(String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{([^}]*)})? ([0-9.eE+-]+)$",
                Pattern.MULTILINE);
        double sum = 0;
        for (BackendNode node : nodes) {
            Matcher m = line.matcher(Metrics.scrape(node));
            while (m.find()) {
                String tags = m.group(1) == null ? "" : m.group(1);
                if (java.util.Arrays.stream(labels).allMatch(tags::contains)) {
                    sum += Double.parseDouble(m.group(2));
                }
            }
        }
        return sum;
    }

    @Override
    public void close() {
        nodes.forEach(BackendNode::close);
        simulator.close();
    }
}
