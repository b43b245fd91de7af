package za.voelgoed.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.random.RandomGenerator;
import za.voelgoed.platform.outbox.Backoff;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * One provider call with retries: a refused connection, a timeout, any other I/O failure or a 5xx is
 * tried again after a backoff with jitter, up to the attempt limit, always with the same body and the
 * same {@code Idempotency-Key}, which is what makes retrying a charge safe. A 4xx is final. Logs the
 * method, path and outcome of failed attempts; bodies (card data) are never logged.
 */
final class ProviderHttp {

    private static final System.Logger LOG = System.getLogger(ProviderHttp.class.getName());

    private final HttpClient client;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Backoff backoff;
    private final RandomGenerator random;

    ProviderHttp(HttpClient client, PaymentSettings settings, Backoff backoff, RandomGenerator random) {
        this.client = client;
        this.baseUrl = settings.url();
        this.requestTimeout = Duration.ofMillis(settings.requestTimeoutMs());
        this.maxAttempts = settings.maxAttempts();
        this.backoff = backoff;
        this.random = random;
    }

    /** The 2xx answer's body; {@code body} and {@code idempotencyKey} are null for a GET. */
    String call(String method, String path, String body, String idempotencyKey) {
        HttpRequest request = request(method, path, body, idempotencyKey);
        String lastFailure = "no attempt";
        Throwable lastCause = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return accepted(response);
                }
                lastFailure = "HTTP " + response.statusCode() + " " + errorCode(response.body());
                lastCause = null;
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                lastCause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaymentUnavailable("interrupted during " + method + " " + path, attempt, e);
            }
            if (attempt < maxAttempts) {
                pause(method, path, attempt, lastFailure);
            }
        }
        throw new PaymentUnavailable("payment provider gave no answer to " + method + " " + path + " after "
                + maxAttempts + " attempt(s); last: " + lastFailure, maxAttempts, lastCause);
    }

    private HttpRequest request(String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String accepted(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        ErrorBody error = ErrorBody.of(response.body());
        throw new PaymentRejected(status, error.code(), error.message());
    }

    private static String errorCode(String body) {
        return ErrorBody.of(body).code();
    }

    private void pause(String method, String path, int attempt, String failure) {
        Duration delay = backoff.delay(attempt, random);
        LOG.log(Level.WARNING, "payment provider " + method + " " + path + " attempt " + attempt + "/" + maxAttempts
                + " failed (" + failure + "); retrying in " + delay.toMillis() + " ms with the same idempotency key");
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentUnavailable("interrupted while waiting to retry " + method + " " + path, attempt, e);
        }
    }

    /** The provider's {@code {"error": {"code", "message"}}}, or stand-ins when a proxy answered instead. */
    private record ErrorBody(String code, String message) {

        static ErrorBody of(String body) {
            try {
                JsonNode error = Json.tree(body).path("error");
                return new ErrorBody(error.path("code").asText("unknown_error"),
                        error.path("message").asText("the provider gave no reason"));
            } catch (JsonCodecException e) {
                return new ErrorBody("unreadable_error", "the provider's answer is not JSON");
            }
        }
    }
}
