package za.voelgoed.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import za.voelgoed.shared.json.Json;

/**
 * Runs a creating POST under its {@code Idempotency-Key} header, if it has one: a retry gets the first
 * answer (with {@code Idempotent-Replayed: true}), a 4xx answer is stored like a success (the retry would
 * fail the same way), and an unexpected failure gives the key up so the client can try again.
 */
public final class Idempotent {

    private Idempotent() {
    }

    public static void respond(IdempotencyKeys keys, ServerRequest req, ServerResponse res, UUID org, String body,
                               Status success, Supplier<Object> action) {
        Optional<String> key = req.headers().first(HeaderNames.create(IdempotencyKeys.HEADER));
        if (key.isEmpty()) {
            res.status(success).send(action.get());
            return;
        }
        String route = req.prologue().method().text() + " " + req.path().path();
        Optional<IdempotencyKeys.Answer> earlier = keys.begin(org, key.get(), route, body);
        if (earlier.isPresent()) {
            res.status(Status.create(earlier.get().status())).header("Idempotent-Replayed", "true");
            res.header(HeaderNames.CONTENT_TYPE, earlier.get().status() >= 400 ? Problem.MEDIA_TYPE : "application/json");
            res.send(Json.write(earlier.get().body()));
            return;
        }
        Object answer;
        try {
            answer = action.get();
        } catch (ApiException refused) {
            if (refused.status() < 500) {
                keys.finish(org, key.get(), refused.status(), refused.problem());
            } else {
                keys.abandon(org, key.get());
            }
            throw refused;
        } catch (RuntimeException failed) {
            keys.abandon(org, key.get());
            throw failed;
        }
        keys.finish(org, key.get(), success.code(), answer);
        res.status(success).send(answer);
    }
}
