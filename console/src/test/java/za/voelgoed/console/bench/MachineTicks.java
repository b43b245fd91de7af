package za.voelgoed.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, from /proc/stat: busy, total and stolen jiffies of all cpus (-1s when it cannot
 * be read). Stolen time (the hypervisor gave the cores to another guest) counts as busy: this machine could not
 * use it.
 */
record MachineTicks(long busy, long total, long stolen) {

    static MachineTicks now() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                busy += (i == 4 || i == 5) ? 0 : v; // idle and iowait
            }
            return new MachineTicks(busy, total, Long.parseLong(f[8]));
        } catch (IOException | RuntimeException e) {
            return new MachineTicks(-1, -1, -1);
        }
    }

    /** The busy CPU since {@code from}, in % of one core (of 100 × cores), or -1 when unknown. */
    double busyPercentSince(MachineTicks from) {
        return percentOfOneCore(from, busy - from.busy);
    }

    /** The stolen CPU since {@code from}, in % of one core, or -1 when unknown. */
    double stolenPercentSince(MachineTicks from) {
        return percentOfOneCore(from, stolen - from.stolen);
    }

    private double percentOfOneCore(MachineTicks from, long ticks) {
        long elapsed = total - from.total;
        if (from.total < 0 || total < 0 || elapsed <= 0) {
            return -1;
        }
        return 100.0 * Runtime.getRuntime().availableProcessors() * ticks / elapsed;
    }
}
