package za.voelgoed.platform.jobs;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.json.Json;

/**
 * An organisation's job queues under {@code /api/orgs/{orgId}/queues}: counts, pause and resume. A pause or
 * resume emits {@code queue.paused.v1} / {@code queue.resumed.v1} in its transaction, so a console following
 * {@code audit:org:{org_id}} sees it live; the resource is the queue (a name-based id of its name).
 */
public final class QueueRoutes implements HttpService {

    private final Jobs jobs;
    private final Outbox outbox;

    public QueueRoutes(Jobs jobs, Outbox outbox) {
        this.jobs = jobs;
        this.outbox = outbox;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(Map.of("items", jobs.queues(org(req)))));
        rules.post("/{kind}/pause", (req, res) -> {
            change(req, true);
            res.send(status(req));
        });
        rules.post("/{kind}/resume", (req, res) -> {
            change(req, false);
            res.send(status(req));
        });
    }

    private void change(ServerRequest req, boolean paused) {
        QueueName queue = queue(req);
        String actor = AccessFilter.principal(req).describe();
        var data = Json.object().put("queue", queue.toString()).put("kind", queue.kind().wire())
                .put("paused", paused).put("actor", actor);
        outbox.transact(new Actor(null, null, actor), tx -> {
            jobs.setPaused(tx.sql(), queue, paused);
            return tx.emit(paused ? EventTypes.QUEUE_PAUSED_V1 : EventTypes.QUEUE_RESUMED_V1,
                    queue.organizationId(), resourceId(queue), data);
        });
    }

    /** The queue as an event resource: the same id for every pause and resume of it, so their seq orders them. */
    static UUID resourceId(QueueName queue) {
        return UUID.nameUUIDFromBytes(("job_queue|" + queue).getBytes(StandardCharsets.UTF_8));
    }

    private Jobs.QueueStatus status(ServerRequest req) {
        String name = queue(req).toString();
        return jobs.queues(org(req)).stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    private static QueueName queue(ServerRequest req) {
        String kind = req.path().pathParameters().get("kind");
        return new QueueName(org(req), QueueKind.fromWire(kind).orElseThrow(() -> ApiException.notFound(
                "queue_not_found", "no such queue kind (payments, notifications, scanning, reporting, integrations)")));
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }
}
