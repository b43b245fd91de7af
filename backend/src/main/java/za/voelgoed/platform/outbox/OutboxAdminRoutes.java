package za.voelgoed.platform.outbox;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.http.Validation;

/**
 * System-admin routes under {@code /api/admin/outbox}: the backlog, consumer blocks (the sequenced dead
 * letter), and the replay/skip actions on them.
 */
public final class OutboxAdminRoutes implements HttpService {

    private static final Set<String> STATES = Set.of(ConsumerBlock.RETRYING, ConsumerBlock.PARKED);

    private final ConsumerBlocks blocks;

    public OutboxAdminRoutes(ConsumerBlocks blocks) {
        this.blocks = blocks;
    }

    /** Body of replay and skip: why the operator acts (kept in the audit row). */
    public record ActionRequest(String reason) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(Map.of(
                "pending_events", blocks.pendingEvents(), "consumer_blocks", blocks.countsByState())));
        rules.get("/blocks", this::list);
        rules.get("/blocks/{blockId}", (req, res) -> res.send(found(blocks.find(id(req)))));
        rules.post("/blocks/{blockId}/replay", (req, res) ->
                res.send(found(blocks.replay(id(req), "admin", reason(req)))));
        rules.post("/blocks/{blockId}/skip", (req, res) ->
                res.send(found(blocks.skipHead(id(req), "admin", reason(req)))));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<String> state = req.query().first("state").asOptional();
        int limit = Requests.intQuery(req, "limit", 100);
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw ApiException.badRequest("invalid_query", "state must be retrying or parked");
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("invalid_query", "limit must be between 1 and 1000");
        }
        res.status(Status.OK_200).send(Map.of("items", blocks.list(state, limit)));
    }

    private static UUID id(ServerRequest req) {
        return Requests.uuidParam(req, "blockId");
    }

    private static String reason(ServerRequest req) {
        ActionRequest body = Requests.body(req, ActionRequest.class);
        new Validation().text(body.reason(), "reason", 3, 500).orThrow();
        return body.reason().strip();
    }

    private static ConsumerBlock found(Optional<ConsumerBlock> block) {
        return block.orElseThrow(() -> ApiException.notFound("block_not_found", "no such consumer block"));
    }
}
