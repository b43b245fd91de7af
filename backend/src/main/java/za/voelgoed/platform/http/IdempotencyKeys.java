package za.voelgoed.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.secrets.MasterKey;
import za.voelgoed.shared.json.Json;
import za.voelgoed.shared.json.JsonCodecException;

/**
 * {@code Idempotency-Key} for POSTs that create something: the first request under a key runs and its
 * answer is stored; a retry with the same key and body gets that answer again, never a second order.
 * The same key with another body is refused (409 {@code idempotency_key_reused}); a retry while the first
 * is still running gets 409 {@code request_in_progress}. A first request that failed unexpectedly gives
 * its key up, so the client may retry it; a key left without an answer by a request that died with its node
 * is taken over by a retry once its lease has run out.
 * <p>
 * Nothing stored here can reveal a card: a request is remembered by a keyed digest (HMAC with a key derived
 * from the master key) of its body in which every card field's value is itself replaced by a keyed digest, so
 * another card under the same key is still a different request; stored answers are scrubbed; and both are
 * forgotten after the retention (24 h by default), after which the key may be used afresh.
 */
public final class IdempotencyKeys implements AutoCloseable {

    public static final String HEADER = "Idempotency-Key";
    /** Longer than any request may run: HTTP, payment and database timeouts are all well below it. */
    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(2);

    private static final System.Logger LOG = System.getLogger(IdempotencyKeys.class.getName());
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final int PRUNE_BATCH = 5_000;

    private final DSLContext dsl;
    private final MasterKey secrets;
    private final Duration retention;
    private final PiiScrubber scrubber = new PiiScrubber();
    private volatile Thread pruner;

    public IdempotencyKeys(DSLContext dsl, MasterKey secrets, Duration retention) {
        this.dsl = dsl;
        this.secrets = secrets;
        this.retention = retention;
    }

    /** Deletes expired keys now and then, on a thread of its own, until closed. */
    public IdempotencyKeys startPruning() {
        pruner = Thread.ofVirtual().name("idempotency-pruner").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    prune();
                    Thread.sleep(PRUNE_EVERY);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "idempotency_prune_failed error=\"" + e.getMessage() + "\"");
                }
            }
        });
        return this;
    }

    /** Deletes keys older than the retention; returns how many. */
    public int prune() {
        int total = 0;
        int deleted;
        do {
            deleted = dsl.execute("""
                    delete from idempotency_keys where ctid = any(array(
                        select ctid from idempotency_keys where created_at < now() - make_interval(secs => ?)
                        limit ?))""", retention.toSeconds(), PRUNE_BATCH);
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }

    @Override
    public void close() {
        Thread t = pruner;
        if (t != null) {
            t.interrupt();
        }
    }

    /** A stored answer. */
    public record Answer(int status, JsonNode body) {
    }

    /** What {@link #begin} found under a key. */
    public sealed interface Reservation permits Reserved, Replay, Recorded {
    }

    /** The key is this request's: run it. */
    public record Reserved() implements Reservation {
    }

    /** An earlier request under the key was answered: give its answer again. */
    public record Replay(Answer answer) implements Reservation {
    }

    /** The request that held the key died after its transaction committed {@code resourceId}: answer with it. */
    public record Recorded(UUID resourceId) implements Reservation {
    }

    /** Reserves the key for this request, or returns what a previous request under it got. */
    public Reservation begin(UUID org, String key, String route, String body) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiException.badRequest("invalid_idempotency_key", HEADER + " must be 1 to 200 visible ASCII characters");
        }
        String hash = fingerprint(secrets, route, body);
        dsl.execute("delete from idempotency_keys where organization_id = ? and key = ?"
                + " and created_at < now() - make_interval(secs => ?)", org, key, retention.toSeconds());
        int reserved = dsl.execute("""
                insert into idempotency_keys (organization_id, key, route, request_hash) values (?, ?, ?, ?)
                on conflict do nothing""", org, key, route, hash);
        if (reserved == 1) {
            return new Reserved();
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
            return takeOverAbandoned(org, key).orElseThrow(() -> ApiException.conflict("request_in_progress",
                    "the first request with this " + HEADER + " is still running"));
        }
        return new Replay(new Answer(status, Json.tree(row.get(3, String.class))));
    }

    /**
     * Takes over a key whose first request has had no answer for longer than any request runs (it died
     * with its node). If that request recorded what it created ({@link #recordResource}), it committed before
     * it died and the retry answers with that; otherwise the request runs again, which is safe: what it
     * creates is guarded on its own — a hold converts to one order only, a payment refunds once.
     */
    private Optional<Reservation> takeOverAbandoned(UUID org, String key) {
        return dsl.fetchOptional("""
                update idempotency_keys set reserved_at = now()
                where organization_id = ? and key = ? and status is null
                and reserved_at < now() - make_interval(secs => ?)
                returning resource_id""", org, key, LEASE.toSeconds()).map(r -> r.get(0, UUID.class) == null
                ? new Reserved() : new Recorded(r.get(0, UUID.class)));
    }

    /**
     * In the request's own transaction: what it created, so a retry that takes over the key after the request
     * died between its commit and its answer finds it (see {@link #takeOverAbandoned}).
     */
    public void recordResource(DSLContext tx, UUID org, String key, UUID resourceId) {
        tx.execute("update idempotency_keys set resource_id = ? where organization_id = ? and key = ? and status is null",
                resourceId, org, key);
    }

    public void finish(UUID org, String key, int status, Object body) {
        dsl.execute("update idempotency_keys set status = ?, response = ?::jsonb where organization_id = ? and key = ?",
                status, Json.write(scrubber.scrub(Json.toTree(body))), org, key);
    }

    /** The first request failed in a way a retry may fix (5xx): the key is given up. */
    public void abandon(UUID org, String key) {
        dsl.execute("delete from idempotency_keys where organization_id = ? and key = ? and status is null", org, key);
    }

    /**
     * What tells two requests apart, keyed: the route and the body, with every card field's value replaced
     * by a keyed digest of it. A body that is not JSON is digested as it is (it is refused anyway).
     */
    public static String fingerprint(MasterKey secrets, String route, String body) {
        String canonical;
        try {
            canonical = Json.write(withCardFieldsDigested(secrets, Json.tree(body)));
        } catch (JsonCodecException e) {
            canonical = body;
        }
        return secrets.digest("idempotency", route + "\n" + canonical);
    }

    private static JsonNode withCardFieldsDigested(MasterKey secrets, JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(PiiScrubber.isSensitiveField(field.getKey())
                        ? new TextNode("hmac:" + secrets.digest("idempotency-field", field.getValue().toString()))
                        : withCardFieldsDigested(secrets, field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withCardFieldsDigested(secrets, array.get(i)));
            }
        }
        return node;
    }
}
