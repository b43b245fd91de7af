package za.voelgoed.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import za.voelgoed.shared.json.Json;

/**
 * Runs a creating POST under its {@code Idempotency-Key} header, if it has one: a retry gets the first
 * answer (with {@code Idempotent-Replayed: true}), a 4xx answer is stored like a success (the retry would
 * fail the same way), and an unexpected failure gives the key up so the client can try again.
 */
public final class Idempotent {

    /**
     * What an action created, recorded in the action's own transaction: a retry that takes over the key of a
     * request which died after its commit answers with it instead of running the action again.
     */
    @FunctionalInterface
    public interface Outcome {

        /** For a request without a key: nothing to record. */
        Outcome NONE = (tx, resourceId) -> { };

        void created(DSLContext tx, UUID resourceId);
    }

    private Idempotent() {
    }

    public static void respond(IdempotencyKeys keys, ServerRequest req, ServerResponse res, UUID org, String body,
                               Status success, Supplier<Object> action) {
        respond(keys, req, res, org, body, success, outcome -> action.get(), null);
    }

    /**
     * As {@link #respond(IdempotencyKeys, ServerRequest, ServerResponse, UUID, String, Status, Supplier)}, for an
     * action that records what it creates through its {@link Outcome}; {@code recorded} answers with such a
     * resource when the request that created it died before its answer was stored.
     */
    public static void respond(IdempotencyKeys keys, ServerRequest req, ServerResponse res, UUID org, String body,
                               Status success, Function<Outcome, Object> action, Function<UUID, Object> recorded) {
        Optional<String> key = req.headers().first(HeaderNames.create(IdempotencyKeys.HEADER));
        if (key.isEmpty()) {
            res.status(success).send(action.apply(Outcome.NONE));
            return;
        }
        String route = req.prologue().method().text() + " " + req.path().path();
        IdempotencyKeys.Reservation reservation = keys.begin(org, key.get(), route, body);
        if (reservation instanceof IdempotencyKeys.Replay(IdempotencyKeys.Answer earlier)) {
            res.status(Status.create(earlier.status())).header("Idempotent-Replayed", "true");
            res.header(HeaderNames.CONTENT_TYPE, earlier.status() >= 400 ? Problem.MEDIA_TYPE : "application/json");
            res.send(Json.write(earlier.body()));
        } else if (reservation instanceof IdempotencyKeys.Recorded(UUID resourceId) && recorded != null) {
            Object answer = recorded.apply(resourceId);
            keys.finish(org, key.get(), success.code(), answer);
            res.status(success).header("Idempotent-Replayed", "true").send(answer);
        } else {
            run(keys, res, org, key.get(), success, () -> action.apply((tx, resourceId) ->
                    keys.recordResource(tx, org, key.get(), resourceId)));
        }
    }

    private static void run(IdempotencyKeys keys, ServerResponse res, UUID org, String key, Status success,
                            Supplier<Object> action) {
        Object answer;
        try {
            answer = action.get();
        } catch (ApiException refused) {
            if (refused.status() < 500) {
                keys.finish(org, key, refused.status(), refused.problem());
            } else {
                keys.abandon(org, key);
            }
            throw refused;
        } catch (RuntimeException failed) {
            keys.abandon(org, key);
            throw failed;
        }
        keys.finish(org, key, success.code(), answer);
        res.status(success).send(answer);
    }
}
