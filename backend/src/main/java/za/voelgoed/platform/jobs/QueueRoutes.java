package za.voelgoed.platform.jobs;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Requests;

/** An organisation's job queues under {@code /api/orgs/{orgId}/queues}: counts, pause and resume. */
public final class QueueRoutes implements HttpService {

    private final Jobs jobs;

    public QueueRoutes(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> res.send(Map.of("items", jobs.queues(org(req)))));
        rules.post("/{kind}/pause", (req, res) -> {
            jobs.pause(queue(req));
            res.send(status(req));
        });
        rules.post("/{kind}/resume", (req, res) -> {
            jobs.resume(queue(req));
            res.send(status(req));
        });
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
