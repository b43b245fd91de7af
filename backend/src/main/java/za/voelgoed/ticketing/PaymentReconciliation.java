package za.voelgoed.ticketing;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.payments.Authorization;
import za.voelgoed.payments.AuthorizationStatus;
import za.voelgoed.payments.LedgerPage;
import za.voelgoed.payments.PaymentProvider;
import za.voelgoed.platform.jobs.ArgsShape;
import za.voelgoed.platform.jobs.JobContext;
import za.voelgoed.platform.jobs.QueueKind;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.event.FieldType;

/**
 * Compares an organisation's payments with the provider's ledger ({@code payments.reconcile} on
 * {@code queue:org:{org}:payments}). Captures the provider made that we did not record are recorded
 * ({@code payment.captured}, source {@code reconciliation}). An authorisation without an order is voided only
 * when its checkout attempt says no checkout can still record it ({@link CheckoutAttempts#claimAbandoned}),
 * never on its age; the void is recorded with {@code payment.reconciled} ({@code orphan_voided}). Only an
 * authorisation with no attempt at all (made before attempts were recorded) is judged by age, against
 * {@code orphan_grace_seconds}. Differences that need a person (refunded or voided at the provider but not
 * here) are logged as {@code payment_mismatch}.
 */
public final class PaymentReconciliation implements Worker {

    public static final String NAME = "payments.reconcile";
    private static final Duration ORPHAN_GRACE = Duration.ofMinutes(5);
    private static final int PAGE = 200;

    private static final System.Logger LOG = System.getLogger(PaymentReconciliation.class.getName());

    private final Outbox outbox;
    private final DSLContext dsl;
    private final PaymentProvider provider;

    public PaymentReconciliation(Outbox outbox, DSLContext dsl, PaymentProvider provider) {
        this.outbox = outbox;
        this.dsl = dsl;
        this.provider = provider;
    }

    /** The reference an authorisation carries, so the ledger can be read per organisation. */
    static String reference(UUID orgId, UUID orderId) {
        return "org:" + orgId + ":order:" + orderId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public QueueKind queue() {
        return QueueKind.PAYMENTS;
    }

    @Override
    public ArgsShape args() {
        return ArgsShape.builder().optional("since", FieldType.TIMESTAMP).optional("orphan_grace_seconds",
                FieldType.INTEGER).build();
    }

    @Override
    public String eventType() {
        return "payment.authorized";
    }

    @Override
    public void perform(JobContext job) {
        Instant since = job.args().has("since") ? java.time.OffsetDateTime.parse(job.args().path("since").asText())
                .toInstant() : Instant.now().minus(Duration.ofDays(1));
        Duration grace = job.args().has("orphan_grace_seconds")
                ? Duration.ofSeconds(job.args().path("orphan_grace_seconds").asLong()) : ORPHAN_GRACE;
        String prefix = "org:" + job.organizationId() + ":order:";
        String after = null;
        int seen = 0;
        int fixed = 0;
        do {
            LedgerPage page = provider.ledger(since, after, PAGE);
            for (Authorization auth : page.authorizations()) {
                if (auth.reference() != null && auth.reference().startsWith(prefix)) {
                    seen++;
                    UUID orderId = UUID.fromString(auth.reference().substring(prefix.length()));
                    fixed += reconcile(auth, job.organizationId(), orderId, grace) ? 1 : 0;
                }
            }
            after = page.hasMore() ? page.nextAfter() : null;
        } while (after != null);
        LOG.log(Level.INFO, "payments_reconciled org=" + job.organizationId() + " seen=" + seen + " fixed=" + fixed);
    }

    private boolean reconcile(Authorization auth, UUID orgId, UUID orderId, Duration grace) {
        boolean paid = dsl.fetchOptional("select 1 from payments where organization_id = ? and order_id = ?", orgId,
                orderId).isPresent();
        return paid ? recordCapture(auth, orgId, orderId) : voidIfOrphan(auth, orgId, orderId, grace);
    }

    private boolean recordCapture(Authorization auth, UUID orgId, UUID orderId) {
        return outbox.transact(Actor.system(), tx -> {
            OrderStore.PaymentRow ours = OrderStore.lockPaymentOfOrder(tx.sql(), orgId, orderId).orElseThrow();
            if (auth.status() == AuthorizationStatus.CAPTURED && ours.status().equals("authorized")) {
                OrderStore.setPaymentStatus(tx.sql(), ours.id(), "captured", auth.capturedCents(), null);
                tx.emit(EventTypes.PAYMENT_CAPTURED_V1, orgId, ours.id(),
                        PaymentEvents.captured(ours, auth.capturedCents(), "reconciliation"));
                return true;
            }
            boolean providerEnded = auth.status() == AuthorizationStatus.REFUNDED || auth.status() == AuthorizationStatus.VOIDED;
            if (providerEnded && !ours.status().startsWith("refund")) {
                LOG.log(Level.WARNING, "payment_mismatch payment=" + ours.id() + " ours=" + ours.status()
                        + " provider=" + auth.status());
            }
            return false;
        });
    }

    /**
     * An authorisation without a payment. With an attempt: voided once the attempt is claimed as abandoned (a
     * live checkout keeps it), and a void that went through before a crash is recorded. Without one: voided
     * once older than the grace.
     */
    private boolean voidIfOrphan(Authorization auth, UUID orgId, UUID orderId, Duration grace) {
        Optional<CheckoutAttempts.Attempt> attempt = CheckoutAttempts.find(dsl, orderId);
        if (attempt.isEmpty()) {
            boolean old = auth.status() == AuthorizationStatus.AUTHORIZED
                    && auth.createdAt().isBefore(Instant.now().minus(grace));
            return old && voidOrphan(auth, orgId, orderId, attempt);
        }
        String state = attempt.get().state();
        if (auth.status() == AuthorizationStatus.VOIDED && state.equals("abandoned")) {
            // voided before a crash kept it from being recorded: record it now
            return recordVoided(auth, orgId, orderId, attempt);
        }
        boolean claimable = state.equals("abandoned") || (state.equals("authorizing") && !attempt.get().leaseLive());
        return auth.status() == AuthorizationStatus.AUTHORIZED && claimable
                && CheckoutAttempts.claimAbandoned(dsl, orderId) && voidOrphan(auth, orgId, orderId, attempt);
    }

    private boolean voidOrphan(Authorization auth, UUID orgId, UUID orderId,
                               Optional<CheckoutAttempts.Attempt> attempt) {
        provider.voidAuthorization(auth.id(), "reconcile:" + auth.id() + ":void");
        LOG.log(Level.WARNING, "payment_orphan_voided authorization=" + auth.id() + " order=" + orderId);
        return recordVoided(auth, orgId, orderId, attempt);
    }

    /** The attempt (if there is one) becomes voided, with the event that tells it, in one transaction. */
    private boolean recordVoided(Authorization auth, UUID orgId, UUID orderId,
                                 Optional<CheckoutAttempts.Attempt> attempt) {
        return outbox.transact(Actor.system(), tx -> {
            if (attempt.isPresent() && !CheckoutAttempts.markVoided(tx.sql(), orderId)) {
                return false;
            }
            UUID eventId = attempt.map(CheckoutAttempts.Attempt::eventId).orElse(null);
            tx.emit(EventTypes.PAYMENT_RECONCILED_V1, orgId, orderId,
                    PaymentEvents.orphanVoided(orderId, auth.amountCents(), auth.currency(), eventId));
            return true;
        });
    }
}
