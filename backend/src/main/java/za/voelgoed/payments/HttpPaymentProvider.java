package za.voelgoed.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Pattern;
import za.voelgoed.platform.outbox.Backoff;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * {@link PaymentProvider} over the provider's JSON API ({@code /v1/authorizations…}), with the JDK
 * {@link HttpClient}. Retries as {@link ProviderHttp} describes; one instance serves every thread.
 */
public final class HttpPaymentProvider implements PaymentProvider, AutoCloseable {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,100}");
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    private final HttpClient client;
    private final ProviderHttp http;

    public HttpPaymentProvider(PaymentSettings settings) {
        this(settings, BACKOFF);
    }

    HttpPaymentProvider(PaymentSettings settings, Backoff backoff) {
        // HTTP/1.1: no h2c upgrade dance against a plain-HTTP provider or simulator
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs()))
                .build();
        // java.util.Random, unlike most generators, is safe to share between the calling threads
        this.http = new ProviderHttp(client, settings, backoff, new Random());
    }

    @Override
    public Authorization authorize(AuthorizationRequest request, String idempotencyKey) {
        ObjectNode body = Json.object()
                .put("amount_cents", request.amountCents())
                .put("currency", request.currency())
                .put("card_number", request.card().number())
                .put("expiry", request.card().expiry())
                .put("cvv", request.card().cvv())
                .put("reference", request.reference());
        Authorization authorization = post("/v1/authorizations", body, idempotencyKey, Authorization.class);
        if (authorization.status() == AuthorizationStatus.DECLINED) {
            throw new PaymentDeclined(authorization.declineCode(), authorization);
        }
        return authorization;
    }

    @Override
    public Authorization capture(String authorizationId, OptionalLong amountCents, String idempotencyKey) {
        ObjectNode body = Json.object();
        amountCents.ifPresent(cents -> body.put("amount_cents", cents));
        return post(path(authorizationId) + "/capture", body, idempotencyKey, Authorization.class);
    }

    @Override
    public Refund refund(String authorizationId, long amountCents, String idempotencyKey) {
        ObjectNode body = Json.object().put("amount_cents", amountCents);
        return post(path(authorizationId) + "/refunds", body, idempotencyKey, Refund.class);
    }

    @Override
    public Authorization voidAuthorization(String authorizationId, String idempotencyKey) {
        return post(path(authorizationId) + "/void", Json.object(), idempotencyKey, Authorization.class);
    }

    @Override
    public Authorization status(String authorizationId) {
        return get(path(authorizationId), Authorization.class);
    }

    @Override
    public LedgerPage ledger(Instant since, String after, int limit) {
        StringBuilder query = new StringBuilder("/v1/ledger?limit=").append(limit);
        if (since != null) {
            query.append("&since=").append(URLEncoder.encode(since.toString(), StandardCharsets.UTF_8));
        }
        if (after != null) {
            query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        return get(query.toString(), LedgerPage.class);
    }

    @Override
    public void close() {
        client.close();
    }

    private <T> T post(String path, ObjectNode body, String idempotencyKey, Class<T> type) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required for POST " + path);
        }
        // serialised once: every retry sends the same bytes, which the provider's key check compares
        return decode(http.call("POST", path, Json.write(body), idempotencyKey), type, path);
    }

    private <T> T get(String path, Class<T> type) {
        return decode(http.call("GET", path, null, null), type, path);
    }

    private static <T> T decode(String body, Class<T> type, String path) {
        try {
            return Json.read(body, type);
        } catch (JsonCodecException e) {
            // the provider may have acted; only its answer is unreadable, so the outcome is unknown
            throw new PaymentUnavailable("unreadable answer to " + path + ": " + e.getMessage(), 1, e);
        }
    }

    private static String path(String authorizationId) {
        if (authorizationId == null || !ID.matcher(authorizationId).matches()) {
            throw new IllegalArgumentException("not a provider authorisation id: " + authorizationId);
        }
        return "/v1/authorizations/" + authorizationId;
    }
}
