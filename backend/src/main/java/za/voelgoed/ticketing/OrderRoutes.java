package za.voelgoed.ticketing;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.auth.AccessFilter;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Idempotent;
import za.voelgoed.platform.http.IdempotencyKeys;
import za.voelgoed.platform.http.Requests;
import za.voelgoed.platform.http.Validation;
import za.voelgoed.platform.outbox.Actor;

/**
 * Under {@code /api/orgs/{orgId}}: {@code POST /orders} (checkout), {@code GET /orders/{id}},
 * {@code POST /orders/{id}/refund} and {@code POST|GET /coupons} ({@link TicketKeyRoutes} has the keys
 * ticket codes verify with). Creating POSTs honour {@code Idempotency-Key}.
 */
public final class OrderRoutes implements HttpService {

    private final Orders orders;
    private final Coupons coupons;
    private final IdempotencyKeys keys;

    public OrderRoutes(Orders orders, Coupons coupons, IdempotencyKeys keys) {
        this.orders = orders;
        this.coupons = coupons;
        this.keys = keys;
    }

    /** Body of the refund route. */
    public record RefundRequest(String reason) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/orders", (req, res) -> {
            String body = Requests.text(req);
            // a retry after the first checkout died between its commit and its answer gets that order
            Idempotent.respond(keys, req, res, org(req), body, Status.CREATED_201, outcome ->
                    orders.checkout(actor(req), org(req), Requests.parse(body, CheckoutRequest.class), outcome),
                    orderId -> orders.find(org(req), orderId).orElseThrow());
        });
        rules.get("/orders/{orderId}", (req, res) -> res.send(orders.find(org(req), Requests.uuidParam(req, "orderId"))
                .orElseThrow(() -> ApiException.notFound("order_not_found", "no such order"))));
        rules.post("/orders/{orderId}/refund", (req, res) -> {
            String body = Requests.text(req);
            Idempotent.respond(keys, req, res, org(req), body, Status.OK_200, () -> {
                RefundRequest refund = body.isBlank() ? new RefundRequest(null) : Requests.parse(body, RefundRequest.class);
                if (refund.reason() != null) {
                    new Validation().text(refund.reason(), "reason", 1, 500).orThrow();
                }
                return orders.refund(actor(req), org(req), Requests.uuidParam(req, "orderId"), refund.reason());
            });
        });
        rules.post("/coupons", (req, res) -> {
            String body = Requests.text(req);
            Idempotent.respond(keys, req, res, org(req), body, Status.CREATED_201, () ->
                    coupons.create(org(req), Requests.parse(body, Coupons.NewCoupon.class)));
        });
        rules.get("/coupons", (req, res) -> res.send(Map.of("items", coupons.list(org(req)))));
        rules.post("/payments/reconcile", (req, res) -> res.status(Status.ACCEPTED_202)
                .send(Map.of("job_id", orders.reconcileLater(org(req)))));
    }

    private static Actor actor(ServerRequest req) {
        return AccessFilter.principal(req).actor(req.remotePeer().host());
    }

    private static UUID org(ServerRequest req) {
        return Requests.uuidParam(req, "orgId");
    }
}
