package za.voelgoed.payments;

import za.voelgoed.wiring.Platform;
import za.voelgoed.wiring.Slice;
import za.voelgoed.wiring.Wiring;

/** The card processor's client, over HTTP to the configured provider; it serves nothing of its own. */
public final class PaymentsSlice implements Slice {

    private PaymentProvider provider;

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public void wire(Platform platform, Wiring wiring) {
        var settings = platform.config().paymentProvider();
        provider = new HttpPaymentProvider(new PaymentSettings(settings.url(), settings.connectTimeoutMs(),
                settings.requestTimeoutMs(), settings.maxAttempts()));
    }

    /** The provider, once this slice is wired. */
    public PaymentProvider provider() {
        return Wiring.built(provider, this);
    }
}
