package za.voelgoed.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The codes one stage of the scans bench scans: its own tickets, each handed out once as a first scan, mixed with
 * re-scans of codes already handed out ({@code rescanShare} of the scans, and all of them once every ticket of the
 * stage was handed out), which the backend answers {@code already_redeemed}.
 */
final class ScanSupply {

    private final List<String> fresh;
    private final double rescanShare;
    private final AtomicInteger cursor = new AtomicInteger();

    ScanSupply(List<String> fresh, double rescanShare) {
        if (fresh.isEmpty()) {
            throw new IllegalArgumentException("a stage needs at least one ticket");
        }
        this.fresh = List.copyOf(fresh);
        this.rescanShare = rescanShare;
    }

    /** The next code a client scans. */
    String next(SplittableRandom random) {
        int handedOut = Math.min(cursor.get(), fresh.size());
        if (handedOut > 0 && (handedOut == fresh.size() || random.nextDouble() < rescanShare)) {
            return fresh.get(random.nextInt(handedOut));
        }
        int at = cursor.getAndIncrement();
        return at < fresh.size() ? fresh.get(at) : fresh.get(random.nextInt(fresh.size()));
    }
}
