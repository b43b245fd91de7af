package za.voelgoed.platform.jobs.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * The backend's dead-letter routes of one organisation. Answers come back as the raw body, so that
 * {@code --json} can print exactly what the backend said; {@link #decode} turns them into records.
 * Any answer other than 2xx becomes a {@link BackendException}.
 */
final class DlqApi implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // A bulk replay over a wide filter works through every matching item before it answers.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http;
    private final URI dlqRoot;
    private final String authorization;

    DlqApi(URI baseUri, String token, UUID org) {
        // HTTP/1.1 spares every call an h2c upgrade attempt against a plain-http node.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.dlqRoot = URI.create(baseUri + "/api/orgs/" + org + "/dlq");
        this.authorization = "Bearer " + token;
    }

    String page(Map<String, String> query) {
        return send(get(query.isEmpty() ? dlqRoot : URI.create(dlqRoot + "?" + encode(query))));
    }

    String deadLetter(UUID id) {
        return send(get(URI.create(dlqRoot + "/" + id)));
    }

    String replay(Selection selection, String reason, boolean dryRun) {
        return switch (selection) {
            case Selection.One one -> post(one.id() + "/replay", new ReplayBody(null, null, reason, dryRun));
            case Selection.Ids many -> post("replay", new ReplayBody(many.ids(), null, reason, dryRun));
            case Selection.Matching matching -> post("replay", new ReplayBody(null, matching.filter(), reason, dryRun));
        };
    }

    String discard(Selection selection, String reason, boolean dryRun) {
        return switch (selection) {
            case Selection.One one -> post(one.id() + "/discard", new DiscardBody(null, null, reason, dryRun));
            case Selection.Ids many -> post("discard", new DiscardBody(many.ids(), null, reason, dryRun));
            case Selection.Matching matching ->
                    post("discard", new DiscardBody(null, matching.filter(), reason, dryRun));
        };
    }

    String purge(Instant olderThan, String status, String reason, boolean dryRun) {
        return post("purge", new PurgeBody(olderThan, status, reason, dryRun));
    }

    /** A record as the backend would have written it, for {@code --json} output the tool puts together. */
    static String json(Object value) {
        return Json.write(value);
    }

    static <T> T decode(String body, Class<T> type) {
        try {
            return Json.read(body, type);
        } catch (JsonCodecException e) {
            throw BackendException.offContract(type.getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpRequest get(URI uri) {
        return request(uri).GET().build();
    }

    private String post(String subPath, Object body) {
        return send(request(URI.create(dlqRoot + "/" + subPath))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json");
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw BackendException.unreachable(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackendException.unreachable(request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw BackendException.fromResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
        return response.body();
    }

    private static String encode(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(name + "=" + component(value)));
        return joined.toString();
    }

    // URLEncoder writes form encoding; %20 rather than '+' means a space in any query parser.
    private static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record ReplayBody(List<UUID> ids, DlqFilter filter, String reason, boolean dryRun) {
    }

    private record PurgeBody(Instant olderThan, String status, String reason, boolean dryRun) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record DiscardBody(List<UUID> ids, DlqFilter filter, String reason, boolean dryRun) {
    }
}
