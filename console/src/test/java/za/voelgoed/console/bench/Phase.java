package za.voelgoed.console.bench;

import java.util.List;
import za.voelgoed.console.testing.BackendProcess;

/**
 * One measured window of the run (the idle reference, the load): its FX pulse gaps as the console's probe
 * answered them, the console's redraws per second from its ticks, and the CPU the console, the backend and
 * the whole machine used, in percent of one core.
 */
record Phase(String name, long startMicros, MachineTicks startTicks, long backendCpuNanos, BackendProcess backend) {

    /** The figures of a finished phase. */
    record Result(String name, double seconds, long gapCount, double gapP50, double gapP99, double gapP999,
                  double gapMax, double redrawsPerSecond, double maxRedrawsPerSecond, double readsPerSecond,
                  double consoleCpu, double backendCpu, double machineCpu, double stolenCpu) {
    }

    static Phase begin(String name, BackendProcess backend) {
        return new Phase(name, ConsoleBench.nowMicros(), MachineTicks.now(), cpuNanos(backend), backend);
    }

    /** Ends the phase with the probe's {@code GAPS} answer for it. */
    Result end(ConsoleChild.Line gaps, ConsoleChild console) {
        long endMicros = ConsoleBench.nowMicros();
        double seconds = (endMicros - startMicros) / 1e6;
        List<ConsoleChild.Line> ticks = console.lines("TICK").stream()
                .filter(t -> t.atMicros() >= startMicros && t.atMicros() <= endMicros).toList();
        double redraws = 0;
        double maxRedraws = 0;
        double reads = 0;
        double consoleCpu = 0;
        if (ticks.size() >= 2) {
            ConsoleChild.Line first = ticks.getFirst();
            ConsoleChild.Line last = ticks.getLast();
            double span = (last.atMicros() - first.atMicros()) / 1e6;
            redraws = (last.number(1) - first.number(1)) / span;
            reads = (last.number(2) - first.number(2)) / span;
            consoleCpu = 100.0 * (last.number(3) - first.number(3)) / 1e9 / span;
            for (int i = 1; i < ticks.size(); i++) {
                double dt = (ticks.get(i).atMicros() - ticks.get(i - 1).atMicros()) / 1e6;
                long delta = ticks.get(i).number(1) - ticks.get(i - 1).number(1);
                maxRedraws = Math.max(maxRedraws, delta / Math.max(dt, 0.5));
            }
        }
        MachineTicks ticksNow = MachineTicks.now();
        double machine = ticksNow.busyPercentSince(startTicks);
        double stolen = ticksNow.stolenPercentSince(startTicks);
        double backendCpu = 100.0 * (cpuNanos(backend) - backendCpuNanos) / 1e9 / seconds;
        return new Result(name, seconds, gaps.number(1), d(gaps, 2), d(gaps, 3), d(gaps, 4), d(gaps, 5), redraws,
                maxRedraws, reads, consoleCpu, backendCpu, machine, stolen);
    }

    private static double d(ConsoleChild.Line line, int i) {
        return Double.parseDouble(line.words().get(i));
    }

    private static long cpuNanos(BackendProcess backend) {
        return ProcessHandle.of(backend.pid()).flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos())
                .orElse(0L);
    }
}
