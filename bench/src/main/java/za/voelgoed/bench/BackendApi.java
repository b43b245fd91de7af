package za.voelgoed.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import za.voelgoed.shared.json.Json;

/** The few REST calls the benchmarks make against a backend process. */
final class BackendApi implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String adminToken;

    private BackendApi(int port, String adminToken) {
        this.base = "http://127.0.0.1:" + port;
        this.adminToken = adminToken;
    }

    /** Waits (up to a minute) until the backend answers ready. */
    static BackendApi await(int port, String adminToken) throws InterruptedException {
        BackendApi api = new BackendApi(port, adminToken);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (api.send(HttpRequest.newBuilder(URI.create(api.base + "/health")).GET()).statusCode() == 200) {
                    return api;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("backend on port " + port + " did not become ready; see target/bench-backend.log");
    }

    UUID createOrg(String name) {
        String body = post("/api/orgs", Json.write(java.util.Map.of("name", name)));
        return UUID.fromString(Json.tree(body).get("id").asText());
    }

    String createToken(UUID org, String role) {
        return Json.tree(post("/api/orgs/" + org + "/tokens", "{\"role\":\"" + role + "\"}")).get("token").asText();
    }

    private String post(String path, String json) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
