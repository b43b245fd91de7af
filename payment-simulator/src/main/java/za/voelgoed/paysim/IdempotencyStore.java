package za.voelgoed.paysim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The first answer to each {@code Idempotency-Key}, so a client's retry never charges twice. A key is
 * bound to the method, path and exact body bytes of its first request; the same key on anything else is
 * refused with 409 {@code idempotency_key_reused}. Answers of 500 and above are not kept: nothing
 * happened, so a retry runs again. Requests with the same key run one at a time; the later ones get the
 * earlier one's answer. Keys are kept for the life of the process.
 *
 * <p>Bodies carry card numbers, so a body is kept only as an HMAC under a key made at start, never as
 * text or a plain hash (a card number has too few unknown digits to survive a plain hash).
 */
final class IdempotencyStore {

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final byte[] secret = new byte[32];

    IdempotencyStore() {
        new SecureRandom().nextBytes(secret);
    }

    /** The answer of {@code action}, run now, or the kept answer of this key's first request. */
    Outcome run(String key, String method, String path, byte[] body, Supplier<Response> action) {
        String fingerprint = fingerprint(method, path, body);
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (slot.response != null) {
                if (!slot.fingerprint.equals(fingerprint)) {
                    throw SimulatorException.conflict("idempotency_key_reused",
                            "this Idempotency-Key was first used for a different request");
                }
                return new Outcome(slot.response, true);
            }
            Response response = action.get();
            if (response.status() < 500) {
                slot.fingerprint = fingerprint;
                slot.response = response;
            }
            return new Outcome(response, false);
        }
    }

    private String fingerprint(String method, String path, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** An answer and whether it is a replay of an earlier one. */
    record Outcome(Response response, boolean replayed) {
    }

    /** Guarded by its own monitor. */
    private static final class Slot {
        private String fingerprint;
        private Response response;
    }
}
