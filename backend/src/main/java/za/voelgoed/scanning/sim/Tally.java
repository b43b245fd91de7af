package za.voelgoed.scanning.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the backend answered to the run's scans (counted as answers arrive, from every device) and what offline
 * devices decided on their own before uploading.
 */
final class Tally {

    /** The counts at one moment. */
    record Counts(long answered, long ok, Map<String, Long> rejected, Map<String, Long> local, long conflicts) {

        long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final LongAdder answered = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> local = new ConcurrentHashMap<>();

    /** One answer of the scan routes ({@code result}, and {@code conflict} once offline uploads report it). */
    void answer(JsonNode answer) {
        answered.increment();
        String result = answer.path("result").asText("missing");
        if (result.equals("ok")) {
            ok.increment();
        } else {
            rejected.computeIfAbsent(result, r -> new LongAdder()).increment();
        }
        if (answer.path("conflict").asBoolean(false)) {
            conflicts.increment();
        }
    }

    void local(OfflineCheck.Local decision) {
        local.computeIfAbsent(decision.wire(), r -> new LongAdder()).increment();
    }

    Counts counts() {
        return new Counts(answered.sum(), ok.sum(), sums(rejected), sums(local), conflicts.sum());
    }

    /** The line printed every second. */
    static String progress(double seconds, Counts now, Counts secondAgo) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%5.1fs] answered %d  ok %d", seconds,
                now.answered(), now.ok()));
        now.rejected().forEach((reason, n) -> line.append("  ").append(reason).append(' ').append(n));
        if (!now.local().isEmpty()) {
            line.append("  | offline queued ").append(now.local().values().stream().mapToLong(Long::longValue).sum());
        }
        line.append(String.format(Locale.ROOT, "  | %d scans/s", now.answered() - secondAgo.answered()));
        return line.toString();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
