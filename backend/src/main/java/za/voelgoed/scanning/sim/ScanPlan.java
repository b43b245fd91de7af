package za.voelgoed.scanning.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scans of a run in the order devices take them: every code once, plus a share of codes scanned once more
 * later on (a holder trying again, a passed-back ticket), which the backend answers {@code already_redeemed}.
 * Devices take scans from one shared cursor, so each planned scan is made by exactly one device.
 */
final class ScanPlan {

    private final List<String> scans;
    private final AtomicInteger cursor = new AtomicInteger();

    private ScanPlan(List<String> scans) {
        this.scans = List.copyOf(scans);
    }

    /**
     * {@code codes} in their order, with {@code round(codes × repeatShare)} of them (chosen at random) scanned
     * again at a random later place.
     */
    static ScanPlan of(List<String> codes, double repeatShare, long seed) {
        if (repeatShare < 0 || repeatShare > 1) {
            throw new IllegalArgumentException("the repeat share must be between 0 and 1");
        }
        record Placed(double at, String code) {
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = codes.size();
        List<Placed> placed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            placed.add(new Placed(i, codes.get(i)));
        }
        List<Integer> indexes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indexes.add(i);
        }
        int repeats = (int) Math.round(n * repeatShare);
        for (int r = 0; r < repeats; r++) {
            // a partial Fisher-Yates shuffle: each code is repeated at most once
            int pick = r + random.nextInt(n - r);
            java.util.Collections.swap(indexes, r, pick);
            int first = indexes.get(r);
            // strictly after the first scan's place (places of first scans are whole numbers)
            placed.add(new Placed(first + 0.5 + random.nextDouble() * (n - first - 0.5), codes.get(first)));
        }
        placed.sort(Comparator.comparingDouble(Placed::at));
        return new ScanPlan(placed.stream().map(Placed::code).toList());
    }

    int size() {
        return scans.size();
    }

    /** The next scan for a device, or null when the plan is done. */
    String next() {
        int at = cursor.getAndIncrement();
        return at < scans.size() ? scans.get(at) : null;
    }

    /** Up to {@code count} next scans (fewer at the end, none when done). */
    List<String> next(int count) {
        int from = cursor.getAndAdd(count);
        if (from >= scans.size()) {
            return List.of();
        }
        return scans.subList(from, Math.min(scans.size(), from + count));
    }

    /** Every planned scan, in order (for tests). */
    List<String> all() {
        return scans;
    }
}
