package za.voelgoed.platform.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The five kinds of tenant queue of the seed (section 7): every organisation has one queue of each. */
public enum QueueKind {
    PAYMENTS, NOTIFICATIONS, SCANNING, REPORTING, INTEGRATIONS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QueueKind> fromWire(String text) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(text)).findFirst();
    }
}
