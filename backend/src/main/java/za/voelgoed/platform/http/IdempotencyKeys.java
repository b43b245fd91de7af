package za.voelgoed.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.shared.json.Json;

/**
 * {@code Idempotency-Key} for POSTs that create something: the first request under a key runs and its
 * answer is stored; a retry with the same key and body gets that answer again, never a second order.
 * The same key with another body is refused (409 {@code idempotency_key_reused}); a retry while the first
 * is still running gets 409 {@code request_in_progress}. A first request that failed unexpectedly gives
 * its key up, so the client may retry it; a key left without an answer by a request that died with its node
 * is taken over by a retry once its lease has run out.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Longer than any request may run: HTTP, payment and database timeouts are all well below it. */
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(2);

    private final DSLContext dsl;

    public IdempotencyKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored answer. */
    public record Answer(int status, JsonNode body) {
    }

    /** Reserves the key for this request, or returns the answer a previous request under it got. */
    public Optional<Answer> begin(UUID org, String key, String route, String body) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.badRequest("invalid_idempotency_key", HEADER + " must be 1 to 200 visible ASCII characters");
        }
        String hash = sha256(body);
        int reserved = dsl.execute("""
                insert into idempotency_keys (organization_id, key, route, request_hash) values (?, ?, ?, ?)
                on conflict do nothing""", org, key, route, hash);
        if (reserved == 1) {
            return Optional.empty();
        }
        var row = dsl.fetchOne("select route, request_hash, status, response::text from idempotency_keys"
                + " where organization_id = ? and key = ?", org, key);
        if (row == null) {
            return begin(org, key, route, body);
        }
        if (!row.get(0, String.class).equals(route) || !row.get(1, String.class).equals(hash)) {
            throw ApiException.conflict("idempotency_key_reused", "this " + HEADER + " was used for another request");
        }
        Integer status = row.get(2, Integer.class);
        if (status == null) {
            if (takeOverAbandoned(org, key)) {
                return Optional.empty();
            }
            throw ApiException.conflict("request_in_progress", "the first request with this " + HEADER + " is still running");
        }
        return Optional.of(new Answer(status, Json.tree(row.get(3, String.class))));
    }

    /**
     * Takes over a key whose first request has had no answer for longer than any request runs (it died
     * with its node). Safe to run again: what it created is guarded on its own — a hold converts to one
     * order only, a payment refunds once — so a rerun is refused rather than doubled.
     */
    private boolean takeOverAbandoned(UUID org, String key) {
        return dsl.execute("""
                update idempotency_keys set reserved_at = now()
                where organization_id = ? and key = ? and status is null
                and reserved_at < now() - make_interval(secs => ?)""", org, key, LEASE.toSeconds()) == 1;
    }

    public void finish(UUID org, String key, int status, Object body) {
        dsl.execute("update idempotency_keys set status = ?, response = ?::jsonb where organization_id = ? and key = ?",
                status, Json.write(body), org, key);
    }

    /** The first request failed in a way a retry may fix (5xx): the key is given up. */
    public void abandon(UUID org, String key) {
        dsl.execute("delete from idempotency_keys where organization_id = ? and key = ? and status is null", org, key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
