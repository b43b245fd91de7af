package za.voelgoed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import za.voelgoed.shared.json.Json;

/** A small HTTP client for tests: real requests to a node on its random port. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    public Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /**
     * One answer: status, content type and body. The body is read only after its status is checked: an
     * error body can never satisfy an assertion meant for a success ({@code path("items")} of a 500 is
     * empty too).
     */
    public record Response(int status, String contentType, String body, String retryAfter) {

        /** The body of a success (2xx); anything else fails the test, naming the status and body. */
        public JsonNode json() {
            if (status < 200 || status > 299) {
                throw new AssertionError("expected a 2xx answer, got " + status + ": " + body);
            }
            return Json.tree(body);
        }

        /** The body, after checking the status is exactly {@code expected}. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected status " + expected + ", got " + status + ": " + body);
            }
            return Json.tree(body);
        }

        /** The problem+json body of a refusal with exactly this status. */
        public JsonNode problem(int expected) {
            JsonNode problem = expect(expected);
            if (!contentType.startsWith("application/problem+json")) {
                throw new AssertionError("expected application/problem+json, got '" + contentType + "': " + body);
            }
            return problem;
        }
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, String body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with extra headers, e.g. {@code Idempotency-Key}. */
    public Response post(String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** Creates an organisation (as the caller, normally the admin) and returns its id. */
    public java.util.UUID createOrg(String name) {
        Response created = post("/api/orgs", za.voelgoed.shared.json.Json.write(java.util.Map.of("name", name)));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create org: " + created.body());
        }
        return java.util.UUID.fromString(created.json().get("id").asText());
    }

    /** Issues a token of the role in the organisation and returns its secret. */
    public String createToken(java.util.UUID org, String role) {
        Response issued = post("/api/orgs/" + org + "/tokens", "{\"role\":\"" + role + "\"}");
        if (issued.status() != 201) {
            throw new IllegalStateException("cannot create token: " + issued.body());
        }
        return issued.json().get("token").asText();
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public String token() {
        return token;
    }

    public Api withToken(String other) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body(),
                    r.headers().firstValue("retry-after").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
