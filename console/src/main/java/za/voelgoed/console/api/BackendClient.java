package za.voelgoed.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import za.voelgoed.console.api.BackendException.Kind;
import za.voelgoed.shared.json.Json;

/**
 * The console's only way to the backend's REST API: JSON over the JDK's HTTP client with a bearer token.
 * Every failure becomes a {@link BackendException} whose message is a sentence (backend down, wrong token,
 * not allowed, refused with the server's reason), never a stack trace. Thread-safe.
 */
public final class BackendClient {

    /** The API version this console was written against ({@code GET /api/session}). */
    public static final int API_VERSION = 1;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String token;
    private final HttpClient http;

    public BackendClient(URI base, String token, HttpClient http) {
        this.base = withoutTrailingSlash(base);
        this.token = token;
        this.http = http;
    }

    public BackendClient(URI base, String token) {
        this(base, token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    }

    public URI base() {
        return base;
    }

    /** The WebSocket gateway's address at the same backend. */
    public URI gateway() {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + base.getRawAuthority() + path(base) + "/ws");
    }

    public String token() {
        return token;
    }

    /** Who the token is; refuses a backend that speaks another API version. */
    public Session session() {
        Session session = read(get("/api/session"), Session.class);
        if (session.apiVersion() != API_VERSION) {
            throw new BackendException(Kind.INCOMPATIBLE, 200, "api_version",
                    "The backend at " + base + " speaks API version " + session.apiVersion()
                            + "; this console needs version " + API_VERSION + ".", null, null);
        }
        return session;
    }

    public JsonNode get(String path) {
        return send(request(path).GET(), path);
    }

    public JsonNode post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))), path);
    }

    /**
     * A report the backend answers as text of {@code mediaType} (the double-admission CSV), as sent; a failure is
     * the same sentence as for a JSON route (the backend still answers problems as JSON).
     */
    public String getText(String path, String mediaType) {
        HttpResponse<String> response = exchange(request(path)
                .setHeader("Accept", mediaType + ", application/problem+json").GET());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw failure(status, parse(response.body()), path);
    }

    /** Reads a JSON answer into a record; an answer of another shape is an incompatible backend. */
    public <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BackendException(Kind.INCOMPATIBLE, 200, null,
                    "The backend's answer has a shape this console does not understand; is it another version?",
                    null, e);
        }
    }

    /** Builds {@code path?k=v&...} from the non-null, non-blank values, encoded. */
    public static String query(String path, Map<String, ?> params) {
        StringJoiner q = new StringJoiner("&");
        new LinkedHashMap<>(params).forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return q.length() == 0 ? path : path + "?" + q;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder builder, String path) {
        return answer(exchange(builder), path);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new BackendException(Kind.FAILED, 0, null, "The backend at " + base
                    + " did not answer within " + TIMEOUT.toSeconds() + " s.", null, e);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(Kind.FAILED, 0, null, "The request was cancelled.", null, e);
        }
    }

    private BackendException unreachable(Exception e) {
        return new BackendException(Kind.UNREACHABLE, 0, null, "The backend at " + base
                + " cannot be reached: is it running, and is the address right?", null, e);
    }

    private JsonNode answer(HttpResponse<String> response, String path) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw new BackendException(Kind.INCOMPATIBLE, status, null,
                        "The server at " + base + " is not a VoelgoedEvents backend (its answer is not JSON).",
                        null, null);
            }
            return body;
        }
        throw failure(status, body, path);
    }

    private BackendException failure(int status, JsonNode body, String path) {
        String code = body == null ? null : text(body, "code");
        String detail = body == null ? null : text(body, "detail");
        return switch (status) {
            case 401 -> new BackendException(Kind.UNAUTHORIZED, status, code,
                    "The backend does not accept this token: it is wrong, revoked or expired.", null, null);
            case 403 -> new BackendException(Kind.FORBIDDEN, status, code,
                    "This token may not do that.", detail, null);
            case 404 -> new BackendException(Kind.NOT_FOUND, status, code,
                    body == null ? "The server at " + base + " has no " + path
                            + ": is it a VoelgoedEvents backend of this version?" : "Not found.", detail, null);
            case 429 -> new BackendException(Kind.FAILED, status, code,
                    "The backend is busy and asks to slow down; try again in a moment.", detail, null);
            default -> status >= 500
                    ? new BackendException(Kind.FAILED, status, code, "The backend failed to answer (HTTP " + status
                            + "); its log says why.", null, null)
                    : new BackendException(Kind.REFUSED, status, code, "The backend refused the request.", detail,
                            null);
        };
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }
}
