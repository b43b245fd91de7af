package za.voelgoed.ticketing;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.payments.Authorization;
import za.voelgoed.payments.AuthorizationStatus;
import za.voelgoed.payments.PaymentProvider;
import za.voelgoed.platform.jobs.ArgsShape;
import za.voelgoed.platform.jobs.JobContext;
import za.voelgoed.platform.jobs.QueueKind;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.shared.event.FieldType;

/**
 * Captures an authorised payment ({@code queue:org:{org}:payments}), reconciling with the provider first:
 * a capture that went through before a crash is found in the provider's status and only recorded. The
 * payment row stays locked across the call, so a refund waits for it, and a payment no longer
 * {@code authorized} (refunded meanwhile) is left alone.
 */
public final class PaymentCapture implements Worker {

    public static final String NAME = "payments.capture";

    private final DSLContext dsl;
    private final PaymentProvider provider;

    public PaymentCapture(DSLContext dsl, PaymentProvider provider) {
        this.dsl = dsl;
        this.provider = provider;
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
        return ArgsShape.builder().required("payment_id", FieldType.UUID).build();
    }

    @Override
    public String eventType() {
        return "payment.authorized";
    }

    @Override
    public int maxAttempts() {
        return 10;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void perform(JobContext job) {
        UUID paymentId = UUID.fromString(job.args().path("payment_id").asText());
        dsl.transaction(cfg -> OrderStore.lockPayment(cfg.dsl(), paymentId)
                .filter(p -> {
                    if (p.status().equals("refunding")) {
                        // the refund may still fail and give the payment back; try again later rather than
                        // finish now and leave a paid order that is never captured
                        throw new IllegalStateException("payment " + p.id() + " is being refunded; capture later");
                    }
                    return p.status().equals("authorized");
                })
                .ifPresent(p -> {
                    Authorization current = provider.status(p.providerAuthId());
                    Authorization captured = current.status() == AuthorizationStatus.CAPTURED ? current
                            : provider.capture(p.providerAuthId(), OptionalLong.empty(), "payment:" + p.id() + ":capture");
                    OrderStore.setPaymentStatus(cfg.dsl(), p.id(), "captured", captured.capturedCents(), null);
                }));
    }
}
