package za.voelgoed.payments;

import java.util.Map;

/**
 * Where the provider is and how long to wait for it. A request is tried {@code maxAttempts} times in
 * all, so a call may take up to about {@code maxAttempts × requestTimeoutMs} plus backoff.
 */
public record PaymentSettings(String url, int connectTimeoutMs, int requestTimeoutMs, int maxAttempts) {

    public PaymentSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("payment provider url is required");
        }
        url = url.strip().replaceAll("/+$", "");
        if (connectTimeoutMs <= 0 || requestTimeoutMs <= 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("payment timeouts must be positive and max attempts at least 1");
        }
    }

    /** From {@code VOELGOED_PAYMENTS_*} variables, with defaults for the local simulator. */
    public static PaymentSettings fromEnv(Map<String, String> env) {
        return new PaymentSettings(
                env.getOrDefault("VOELGOED_PAYMENTS_URL", "http://127.0.0.1:8089"),
                number(env, "VOELGOED_PAYMENTS_CONNECT_TIMEOUT_MS", 1000),
                number(env, "VOELGOED_PAYMENTS_TIMEOUT_MS", 5000),
                number(env, "VOELGOED_PAYMENTS_MAX_ATTEMPTS", 3));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + raw + "'", e);
        }
    }
}
