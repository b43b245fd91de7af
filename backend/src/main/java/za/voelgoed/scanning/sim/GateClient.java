package za.voelgoed.scanning.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * The public routes a gate uses, for one token of one organisation. Any answer other than 2xx, or no answer, ends
 * the simulation with a {@link SimFailure}.
 */
final class GateClient implements AutoCloseable {

    /** One scan as the scan routes take it; {@code offline} only on scans a device admitted while offline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Scan(String code, UUID sessionId, String nonce, OffsetDateTime scannedAt, Boolean offline) {
    }

    /** A token issued to a device the simulator made. */
    record DeviceToken(UUID tokenId, String token) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final String orgPath;
    private final String authorization;

    GateClient(String base, UUID org, String token) {
        // HTTP/1.1 spares every call an h2c upgrade attempt against a plain-http node
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.base = base;
        this.orgPath = base + "/api/orgs/" + org;
        this.authorization = "Bearer " + token;
    }

    /** The device's HTTP client, which its WebSocket is opened with too. */
    HttpClient http() {
        return http;
    }

    /** Who the token is ({@code GET /api/session}): fails early on a wrong token or a backend that is down. */
    JsonNode session() {
        return send("checking the token", request(base + "/api/session").GET());
    }

    /** The organisation's verifying keys: key id → base64 public key. */
    Map<String, String> keys() {
        Map<String, String> keys = new java.util.HashMap<>();
        for (JsonNode key : send("fetching the ticket keys", request(orgPath + "/scanning/keys").GET())
                .path("items")) {
            keys.put(key.path("key_id").asText(), key.path("public_key").asText());
        }
        return keys;
    }

    UUID openSession(UUID event, String gate) {
        return id(post("opening a scan session", "/scanning/sessions",
                Map.of("event_id", event, "gate", gate, "direction", "entry")));
    }

    JsonNode scan(Scan scan) {
        return post("sending a scan", "/scanning/scans", scan);
    }

    List<JsonNode> batch(List<Scan> scans) {
        List<JsonNode> answers = new ArrayList<>(scans.size());
        post("sending a batch of scans", "/scanning/scans/batch", Map.of("scans", scans)).path("results")
                .forEach(answers::add);
        if (answers.size() != scans.size()) {
            throw new SimFailure(SimFailure.UNAVAILABLE, "the backend answered " + answers.size() + " results to a"
                    + " batch of " + scans.size());
        }
        return answers;
    }

    UUID createDevice(String name) {
        return id(post("creating a device (needs an owner or admin token, or give --device-token)", "/devices",
                Map.of("name", name)));
    }

    DeviceToken createDeviceToken(UUID device, UUID org) {
        JsonNode issued = post("issuing a device token", "/tokens", Map.of("role", "device", "device_id", device,
                "scopes", List.of("scanning:org:" + org), "label", "scan simulator"));
        return new DeviceToken(UUID.fromString(issued.path("id").asText()), issued.path("token").asText());
    }

    void revokeToken(UUID tokenId) {
        send("revoking a device token", request(orgPath + "/tokens/" + tokenId).DELETE());
    }

    /** Holds {@code quantity} tickets of the type and buys them with the payment simulator's test card. */
    List<String> buy(UUID event, String ticketType, int quantity) {
        UUID hold = id(post("holding tickets", "/events/" + event + "/holds",
                Map.of("ticket_type", ticketType, "quantity", quantity)));
        JsonNode order = post("buying held tickets", "/orders", Map.of("hold_id", hold,
                "customer", Map.of("name", "Scan Simulator", "email", "scan-simulator@example.com"),
                "payment", Map.of("card_number", "4242 4242 4242 4242", "expiry", "12/30", "cvv", "123")));
        List<String> codes = new ArrayList<>();
        order.path("tickets").forEach(t -> codes.add(t.path("code").asText()));
        return codes;
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode post(String what, String path, Object body) {
        return send(what, request(orgPath + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private JsonNode send(String what, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SimFailure.unreachable(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimFailure(SimFailure.UNAVAILABLE, "interrupted while " + what);
        }
        if (response.statusCode() / 100 != 2) {
            throw SimFailure.answered(what, response.statusCode(), response.body());
        }
        try {
            return response.body().isEmpty() ? Json.object() : Json.tree(response.body());
        } catch (JsonCodecException e) {
            throw new SimFailure(SimFailure.UNAVAILABLE, "the backend's answer to " + what + " is not JSON");
        }
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.path("id").asText());
    }
}
