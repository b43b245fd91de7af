package za.voelgoed.ticketing;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
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
import za.voelgoed.shared.event.FieldType;

/**
 * Compares an organisation's payments with the provider's ledger ({@code payments.reconcile} on
 * {@code queue:org:{org}:payments}): captures the provider made that we did not record are recorded, and
 * authorisations without an order (the order's transaction failed and so did the void) are voided once
 * they are older than a grace period. Differences that need a person (refunded or voided at the provider
 * but not here) are logged as {@code payment_mismatch}.
 */
public final class PaymentReconciliation implements Worker {

    public static final String NAME = "payments.reconcile";
    private static final Duration ORPHAN_GRACE = Duration.ofMinutes(5);
    private static final int PAGE = 200;

    private static final System.Logger LOG = System.getLogger(PaymentReconciliation.class.getName());

    private final DSLContext dsl;
    private final PaymentProvider provider;

    public PaymentReconciliation(DSLContext dsl, PaymentProvider provider) {
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
                    fixed += reconcile(auth, UUID.fromString(auth.reference().substring(prefix.length())), grace) ? 1 : 0;
                }
            }
            after = page.hasMore() ? page.nextAfter() : null;
        } while (after != null);
        LOG.log(Level.INFO, "payments_reconciled org=" + job.organizationId() + " seen=" + seen + " fixed=" + fixed);
    }

    private boolean reconcile(Authorization auth, UUID orderId, Duration grace) {
        return dsl.transactionResult(cfg -> {
            var payment = OrderStore.lockPaymentOfOrder(cfg.dsl(), orgOf(auth), orderId);
            if (payment.isEmpty()) {
                boolean orphan = auth.status() == AuthorizationStatus.AUTHORIZED
                        && auth.createdAt().isBefore(Instant.now().minus(grace));
                if (orphan) {
                    provider.voidAuthorization(auth.id(), "reconcile:" + auth.id() + ":void");
                    LOG.log(Level.WARNING, "payment_orphan_voided authorization=" + auth.id() + " order=" + orderId);
                }
                return orphan;
            }
            OrderStore.PaymentRow ours = payment.get();
            if (auth.status() == AuthorizationStatus.CAPTURED && ours.status().equals("authorized")) {
                OrderStore.setPaymentStatus(cfg.dsl(), ours.id(), "captured", auth.capturedCents(), null);
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

    private static UUID orgOf(Authorization auth) {
        String reference = auth.reference();
        return UUID.fromString(reference.substring("org:".length(), "org:".length() + 36));
    }
}
