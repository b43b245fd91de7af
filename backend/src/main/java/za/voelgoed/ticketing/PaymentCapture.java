package za.voelgoed.ticketing;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import za.voelgoed.payments.Authorization;
import za.voelgoed.payments.AuthorizationStatus;
import za.voelgoed.payments.PaymentProvider;
import za.voelgoed.platform.jobs.ArgsShape;
import za.voelgoed.platform.jobs.JobContext;
import za.voelgoed.platform.jobs.QueueKind;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.shared.event.EventTypes;
import za.voelgoed.shared.event.FieldType;

/**
 * Captures an authorised payment ({@code queue:org:{org}:payments}), reconciling with the provider first:
 * a capture that went through before a crash is found in the provider's status and only recorded. The
 * payment row stays locked across the call, so a refund waits for it, and a payment no longer
 * {@code authorized} (refunded meanwhile) is left alone. The capture and {@code payment.captured} are written in
 * one transaction.
 */
public final class PaymentCapture implements Worker {

    public static final String NAME = "payments.capture";

    private final Outbox outbox;
    private final PaymentProvider provider;

    public PaymentCapture(Outbox outbox, PaymentProvider provider) {
        this.outbox = outbox;
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
        outbox.transact(Actor.system(), tx -> {
            OrderStore.lockPayment(tx.sql(), paymentId).filter(PaymentCapture::isDue).ifPresent(p -> capture(tx, p));
            return null;
        });
    }

    private static boolean isDue(OrderStore.PaymentRow payment) {
        if (payment.status().equals("refunding")) {
            // the refund may still fail and give the payment back; try again later rather than
            // finish now and leave a paid order that is never captured
            throw new IllegalStateException("payment " + payment.id() + " is being refunded; capture later");
        }
        return payment.status().equals("authorized");
    }

    private void capture(Transaction tx, OrderStore.PaymentRow payment) {
        Authorization current = provider.status(payment.providerAuthId());
        Authorization captured = current.status() == AuthorizationStatus.CAPTURED ? current
                : provider.capture(payment.providerAuthId(), OptionalLong.empty(), "payment:" + payment.id() + ":capture");
        OrderStore.setPaymentStatus(tx.sql(), payment.id(), "captured", captured.capturedCents(), null);
        tx.emit(EventTypes.PAYMENT_CAPTURED_V1, payment.orgId(), payment.id(),
                PaymentEvents.captured(payment, captured.capturedCents(), "capture"));
    }
}
