package za.voelgoed.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import za.voelgoed.shared.json.Json;
import za.voelgoed.testing.Api;

/**
 * Data for the console's tests and screenshots, made only through the backend's public REST API (the
 * way an operator's tools would make it): organisations and their tokens, published shows, holds,
 * sales paid by card through the payment simulator, refunds, and dead letters made by a job that really
 * fails. Every call checks its HTTP status before it reads a body.
 */
public final class ConsoleFixtures {

    /** A card the simulator authorises. */
    public static final String CARD =
            "{\"card_number\": \"4242 4242 4242 4242\", \"expiry\": \"12/30\", \"cvv\": \"123\"}";
    /** The worker whose jobs {@link #makeDeadLetters} makes fail. */
    public static final String CAPTURE_WORKER = "payments.capture";

    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(90);
    private static final Set<String> UNFINISHED = Set.of("available", "scheduled", "executing", "retryable");

    private final BackendProcess backend;

    public ConsoleFixtures(BackendProcess backend) {
        this.backend = backend;
    }

    /** An organisation with an owner token (the org's administrator) and a read-only viewer token. */
    public record Org(UUID id, String name, String ownerToken, String viewerToken) {
    }

    /** A published show: {@link #SEATS} reserved seats and two general-admission ticket types. */
    public record Show(UUID id, String name) {
    }

    /** A paid order: its id, its payment's id, what was paid and its tickets' signed codes (what a gate scans). */
    public record Sale(UUID orderId, UUID paymentId, UUID show, int tickets, long totalCents, List<String> codes) {
    }

    /** A dead letter of {@link #CAPTURE_WORKER} and the sale whose capture died. */
    public record DeadLetter(UUID id, Sale sale) {
    }

    /** Seats of every show: Hall rows A and B (12 each, {@code std}), Balcony row C (8, {@code premium}). */
    public static final int SEATS = 32;

    /** Ticket types of every show: {@code ga} at R100.00 and {@code early} at R75.00. */
    public static final List<String> TICKET_TYPES = List.of("ga", "early");

    /** A client of the API as this token. */
    public Api as(String token) {
        return new Api(backend.port(), token);
    }

    /** Creates an organisation (as the system admin) with an owner and a viewer token. */
    public Org createOrg(String name) {
        Api admin = backend.admin();
        JsonNode created = admin.post("/api/orgs", Json.write(Map.of("name", name))).expect(201);
        UUID id = UUID.fromString(created.path("id").asText());
        return new Org(id, name, createToken(id, "owner"), createToken(id, "viewer"));
    }

    /** Issues a token of {@code role} (owner, staff, viewer) in the organisation; returns its secret. */
    public String createToken(UUID org, String role) {
        JsonNode issued = backend.admin().post("/api/orgs/" + org + "/tokens", Json.write(Map.of("role", role)))
                .expect(201);
        return issued.path("token").asText();
    }

    /** Creates and publishes a show starting at {@code startsAt} (ISO-8601 with offset) with {@code gaCapacity}. */
    public Show createShow(Org org, String name, String startsAt, int gaCapacity) {
        String body = """
                {"name": %s, "starts_at": "%s", "venue": "Artscape", "hold_seconds": 3600, "max_hold_seconds": 7200,
                 "seating": {"sections": [
                     {"name": "Hall", "rows": [{"label": "A", "seats": 12, "category": "std"},
                                               {"label": "B", "seats": 12, "category": "std"}]},
                     {"name": "Balcony", "rows": [{"label": "C", "seats": 8, "category": "premium"}]}],
                   "categories": [{"code": "std", "price_cents": 25000}, {"code": "premium", "price_cents": 45000}]},
                 "ticket_types": [{"code": "ga", "name": "General admission", "price_cents": 10000, "capacity": %d},
                                  {"code": "early", "name": "Early bird", "price_cents": 7500, "capacity": %d}]}"""
                .formatted(Json.write(name), startsAt, gaCapacity, Math.max(1, gaCapacity / 2));
        Api owner = as(org.ownerToken());
        UUID id = UUID.fromString(owner.post(orgPath(org) + "/events", body).expect(201).path("id").asText());
        owner.post(orgPath(org) + "/events/" + id + "/publish", "{}").expect(200);
        return new Show(id, name);
    }

    /** A published show on 1 March 2027 with 200 general-admission tickets. */
    public Show createShow(Org org, String name) {
        return createShow(org, name, "2027-03-01T19:00:00+02:00", 200);
    }

    /** Holds {@code quantity} tickets of a type; returns the hold's id. */
    public UUID hold(Org org, Show show, String ticketType, int quantity) {
        return holdWith(org, show, Json.write(Map.of("ticket_type", ticketType, "quantity", quantity)));
    }

    /** Holds these seats ({@code Hall:A:1}); returns the hold's id. */
    public UUID holdSeats(Org org, Show show, List<String> seats) {
        return holdWith(org, show, Json.write(Map.of("seats", seats)));
    }

    /** Sells {@code quantity} tickets of a type: a hold, then a checkout paid by {@link #CARD}. */
    public Sale sell(Org org, Show show, String ticketType, int quantity) {
        return checkout(org, show, hold(org, show, ticketType, quantity));
    }

    /** Sells these seats. */
    public Sale sellSeats(Org org, Show show, List<String> seats) {
        return checkout(org, show, holdSeats(org, show, seats));
    }

    /** Makes {@code count} sales of one {@code ga} ticket each. */
    public List<Sale> sell(Org org, Show show, int count) {
        List<Sale> sales = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sales.add(sell(org, show, "ga", 1));
        }
        return sales;
    }

    /** Checks a hold out, paid by {@link #CARD}; returns the paid order. */
    public Sale checkout(Org org, Show show, UUID hold) {
        String body = "{\"hold_id\": \"" + hold + "\", \"customer\": {\"name\": \"Thandi Nkosi\","
                + " \"email\": \"thandi@example.com\"}, \"payment\": " + CARD + "}";
        JsonNode order = as(org.ownerToken()).post(orgPath(org) + "/orders", body).expect(201);
        List<String> codes = new ArrayList<>();
        order.path("tickets").forEach(t -> codes.add(t.path("code").asText()));
        return new Sale(UUID.fromString(order.path("id").asText()),
                UUID.fromString(order.path("payment").path("id").asText()), show.id(),
                order.path("tickets").size(), order.path("total_cents").asLong(), List.copyOf(codes));
    }

    /** Opens a scan session at {@code gate} (entry) of the show with this token; returns its id. */
    public UUID openScanSession(Org org, Show show, String gate, String token) {
        return openScanSession(org, show, gate, "entry", token);
    }

    /** Opens a scan session at {@code gate} of the show for {@code direction} (entry, exit or both). */
    public UUID openScanSession(Org org, Show show, String gate, String direction, String token) {
        JsonNode session = as(token).post(orgPath(org) + "/scanning/sessions", Json.write(Map.of(
                "event_id", show.id().toString(), "gate", gate, "direction", direction))).expect(201);
        return UUID.fromString(session.path("id").asText());
    }

    /** Scans a code in the session the way a gate's scanner does; returns the result ({@code ok}, …). */
    public String scan(Org org, UUID session, String code, String token) {
        return as(token).post(orgPath(org) + "/scanning/scans", Json.write(Map.of("code", code,
                "session_id", session.toString(), "nonce", UUID.randomUUID().toString()))).expect(200)
                .path("result").asText();
    }

    /**
     * Uploads a scan a device made while offline (it let the holder in on its own); returns the answer, whose
     * {@code conflict} says whether the ticket had been admitted before in server order.
     */
    public JsonNode uploadOffline(Org org, UUID session, String code, String token) {
        String scan = Json.write(Map.of("code", code, "session_id", session.toString(),
                "nonce", UUID.randomUUID().toString(), "offline", true,
                "scanned_at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1).toString()));
        return as(token).post(orgPath(org) + "/scanning/scans/batch", "{\"scans\": [" + scan + "]}").expect(200)
                .path("results").path(0);
    }

    /** A device of the organisation and a device token for it (scanners scan with these). */
    public String deviceToken(Org org, String name) {
        String device = backend.admin().post(orgPath(org) + "/devices", Json.write(Map.of("name", name)))
                .expect(201).path("id").asText();
        return backend.admin().post(orgPath(org) + "/tokens", Json.write(Map.of("role", "device",
                "device_id", device, "scopes", List.of("scanning:org:" + org.id())))).expect(201).path("token").asText();
    }

    /** Refunds an order in full; returns the order as the refund answered it. */
    public JsonNode refund(Org org, UUID orderId) {
        return as(org.ownerToken()).post(orgPath(org) + "/orders/" + orderId + "/refund",
                "{\"reason\": \"customer asked\"}").expect(200);
    }

    public JsonNode order(Org org, UUID orderId) {
        return as(org.ownerToken()).get(orgPath(org) + "/orders/" + orderId).expect(200);
    }

    /** {@code GET …/events/{show}/availability} as the viewer. */
    public JsonNode availability(Org org, Show show) {
        return as(org.viewerToken()).get(orgPath(org) + "/events/" + show.id() + "/availability").expect(200);
    }

    /** The org's dead letters of a status (dead, replayed, discarded, all), newest first, as the viewer. */
    public List<JsonNode> deadLetters(Org org, String status) {
        JsonNode page = as(org.viewerToken()).get(orgPath(org) + "/dlq?limit=500&status=" + encode(status))
                .expect(200);
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    public void pauseQueue(Org org, String kind) {
        as(org.ownerToken()).post(orgPath(org) + "/queues/" + kind + "/pause", "{}").expect(200);
    }

    public void resumeQueue(Org org, String kind) {
        as(org.ownerToken()).post(orgPath(org) + "/queues/" + kind + "/resume", "{}").expect(200);
    }

    /** Waits until the org's payments queue has no job left to run (every capture done or dead). */
    public void awaitPaymentsSettled(Org org, Duration timeout) {
        await("the payments queue of " + org.id() + " to settle", timeout, () -> paymentsUnfinished(org) == 0);
    }

    /**
     * Makes {@code count} dead letters of {@link #CAPTURE_WORKER} through real behaviour: with the payments
     * queue paused, {@code count} cards are authorised at checkout; then the link to the payment provider is
     * cut and the queue resumed, so each capture finds the provider unreachable on every attempt until it
     * dies. The link is healed before returning: a replay of these letters captures the payments. Other
     * captures of the org are let finish first, so exactly these {@code count} die. Returns their ids.
     */
    public List<DeadLetter> makeDeadLetters(Org org, Show show, int count) {
        awaitPaymentsSettled(org, Duration.ofSeconds(60));
        pauseQueue(org, "payments");
        Map<String, Sale> byPayment = new HashMap<>();
        PaymentLink link = backend.paymentLink();
        try {
            for (int i = 0; i < count; i++) {
                Sale sale = sell(org, show, TICKET_TYPES.get(i % 2), 1);
                byPayment.put(sale.paymentId().toString(), sale);
            }
            link.cut();
            resumeQueue(org, "payments");
            List<DeadLetter> dead = new ArrayList<>();
            await(count + " capture(s) to die", DEAD_LETTER_TIMEOUT, () -> {
                dead.clear();
                for (JsonNode letter : deadLetters(org, "dead")) {
                    Sale sale = byPayment.get(letter.path("args").path("payment_id").asText());
                    if (sale != null) {
                        dead.add(new DeadLetter(UUID.fromString(letter.path("id").asText()), sale));
                    }
                }
                return dead.size() == count;
            });
            return List.copyOf(dead);
        } finally {
            link.heal();
            resumeQueue(org, "payments");
        }
    }

    private long paymentsUnfinished(Org org) {
        JsonNode queues = as(org.ownerToken()).get(orgPath(org) + "/queues").expect(200);
        long unfinished = 0;
        for (JsonNode queue : queues.path("items")) {
            if (queue.path("kind").asText().equals("payments")) {
                for (String state : UNFINISHED) {
                    unfinished += queue.path("counts").path(state).asLong();
                }
            }
        }
        return unfinished;
    }

    private UUID holdWith(Org org, Show show, String body) {
        JsonNode held = as(org.ownerToken()).post(orgPath(org) + "/events/" + show.id() + "/holds", body).expect(201);
        return UUID.fromString(held.path("id").asText());
    }

    private static String orgPath(Org org) {
        return "/api/orgs/" + org.id();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Polls {@code condition} every 200 ms until it holds; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
