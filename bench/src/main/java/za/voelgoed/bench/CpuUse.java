package za.voelgoed.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU used over a window, in percent of one processor (200% = both of two cpus busy): the whole machine
 * (from {@code /proc/stat}; -1 where that file is missing) and this JVM (its process CPU time). What the
 * machine used beyond this JVM is PostgreSQL, Redis and anything else running — on a shared machine, a large
 * share there during a run means the figures were disturbed.
 */
record CpuUse(double machinePercent, double jvmPercent, double loadAverage, double stolenPercent) {

    /** A point in time to measure from. */
    record Mark(long wallNanos, long busyTicks, long totalTicks, long stolenTicks, long jvmCpuNanos) {
    }

    static Mark mark() {
        long[] ticks = machineTicks();
        return new Mark(System.nanoTime(), ticks[0], ticks[1], ticks[2], jvmCpuNanos());
    }

    static CpuUse since(Mark start) {
        Mark end = mark();
        int cpus = Runtime.getRuntime().availableProcessors();
        long total = end.totalTicks - start.totalTicks;
        double machine = start.totalTicks < 0 || total <= 0 ? -1
                : 100.0 * cpus * (end.busyTicks - start.busyTicks) / total;
        double stolen = start.totalTicks < 0 || total <= 0 ? -1
                : 100.0 * cpus * (end.stolenTicks - start.stolenTicks) / total;
        double jvm = 100.0 * (end.jvmCpuNanos - start.jvmCpuNanos) / Math.max(1, end.wallNanos - start.wallNanos);
        return new CpuUse(machine, jvm, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), stolen);
    }

    /** CPU beyond this JVM (PostgreSQL, Redis, other processes), or -1 when unknown. */
    double outsidePercent() {
        return machinePercent < 0 ? -1 : Math.max(0, machinePercent - jvmPercent);
    }

    String describe() {
        int cpus = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "machine %.0f%% of %d%% (stolen by the hypervisor %.0f%%), bench JVM %.0f%%,"
                + " outside it (PostgreSQL, Redis, others) %.0f%%; load average %.2f", machinePercent, 100 * cpus,
                stolenPercent, jvmPercent, outsidePercent(), loadAverage);
    }

    /**
     * {busy, total, stolen} jiffies of all cpus, or -1s where /proc/stat cannot be read. Stolen time (the
     * hypervisor ran another guest on these cores) counts as busy: this machine could not use it.
     */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = Long.parseLong(f[8]);
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait, steal};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1, -1};
        }
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
