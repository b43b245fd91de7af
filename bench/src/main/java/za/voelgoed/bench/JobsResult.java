package za.voelgoed.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.ToDoubleFunction;
import za.voelgoed.shared.json.Json;

/**
 * One engine's run in the jobs bench.
 * <ul>
 *   <li>seconds: engine start → the last expected handler run; jobs/s = jobs / seconds;</li>
 *   <li>settled: engine start → the database showing every job done (what a crash right then would keep);</li>
 *   <li>runs: handler runs counted, more than jobs only when a job ran twice;</li>
 *   <li>cpu: machine and bench-JVM CPU over start → settled ({@link CpuUse}); the machine figure includes
 *       PostgreSQL, which does much of either engine's work.</li>
 * </ul>
 */
record JobsResult(String engine, int round, int jobs, double enqueueSeconds, double seconds, double settledSeconds,
                  long runs, CpuUse cpu) {

    double rate() {
        return jobs / seconds;
    }

    double settledRate() {
        return jobs / settledSeconds;
    }

    /** The human-readable block of this run, then its {@code RESULT {json}} line. */
    void print(JobsBench.Settings s, String commandLine) {
        System.out.println("=== jobs bench: " + engine + ", round " + round + " ===");
        line("settings  %s", describe(engine, s));
        line("machine   java %s, %d available processors; args: %s", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), commandLine);
        line("enqueue   %d jobs over %d orgs in %.2f s, before the start (not timed)", jobs, s.orgs(),
                enqueueSeconds);
        line("ran       %d jobs in %.3f s = %.0f jobs/s (start -> last handler run); handler runs %d%s", jobs,
                seconds, rate(), runs, runs > jobs ? " (" + (runs - jobs) + " jobs ran twice)" : "");
        line("settled   database shows all done after %.3f s = %.0f jobs/s", settledSeconds, settledRate());
        line("cpu       start -> settled: %s", cpu.describe());
        System.out.println("RESULT " + Json.write(json(s, commandLine)));
    }

    /** The settings as they apply to one engine. */
    static String describe(String engine, JobsBench.Settings s) {
        String common = String.format(Locale.ROOT, "concurrency %d, pool %d, poll interval %d ms, analyze after"
                + " enqueue %s", s.concurrency(), s.pool(), s.pollMs(), s.analyze() ? "on" : "off");
        if (engine.equals(DbSchedulerRun.NAME)) {
            return String.format(Locale.ROOT, "db-scheduler %s: threads = %s, pollUsingLockAndFetch(%s, %s),"
                    + " one-time task, scheduleBatch in chunks of %d", dbSchedulerVersion(), common,
                    s.lowerFraction(), s.upperFraction(), JobsBench.CHUNK);
        }
        return String.format(Locale.ROOT, "our engine: reporting kind only (other kinds 0), %s, enqueueAll in"
                + " chunks of %d", common, JobsBench.CHUNK);
    }

    /** From the pom.properties Maven packs into its jar (its manifest names no version). */
    static String dbSchedulerVersion() {
        try (InputStream in = Scheduler.class.getResourceAsStream(
                "/META-INF/maven/com.github.kagkarlsson/db-scheduler/pom.properties")) {
            Properties pom = new Properties();
            if (in != null) {
                pom.load(in);
            }
            return pom.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    private ObjectNode json(JobsBench.Settings s, String commandLine) {
        ObjectNode json = Json.object().put("bench", "jobs").put("engine", engine).put("round", round)
                .put("jobs", jobs).put("orgs", s.orgs()).put("concurrency", s.concurrency()).put("pool", s.pool())
                .put("poll_ms", s.pollMs()).put("analyze", s.analyze()).put("enqueue_s", rounded(enqueueSeconds, 3))
                .put("seconds", rounded(seconds, 3)).put("jobs_per_s", rounded(rate(), 0))
                .put("settled_s", rounded(settledSeconds, 3)).put("settled_jobs_per_s", rounded(settledRate(), 0))
                .put("runs", runs).put("cpu_machine_pct", rounded(cpu.machinePercent(), 0))
                .put("cpu_stolen_pct", rounded(cpu.stolenPercent(), 0))
                .put("cpu_jvm_pct", rounded(cpu.jvmPercent(), 0))
                .put("cpu_outside_jvm_pct", rounded(cpu.outsidePercent(), 0));
        if (engine.equals(DbSchedulerRun.NAME)) {
            json.put("db_scheduler", dbSchedulerVersion()).put("lock_and_fetch_lower", s.lowerFraction())
                    .put("lock_and_fetch_upper", s.upperFraction());
        }
        return json.put("jvm", Runtime.version().toString())
                .put("cpus", Runtime.getRuntime().availableProcessors()).put("args", commandLine);
    }

    /** Every run side by side, the ratio of the rates per round and overall, and the verdict on the goal. */
    static void printTable(List<JobsResult> results, JobsBench.Settings s, String postgres, String commandLine) {
        System.out.println();
        System.out.println("=== jobs bench: summary ===");
        line("machine   java %s, %d available processors; %s", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), postgres);
        line("args      %s", commandLine);
        s.order().forEach(engine -> line("settings  %s", describe(engine, s)));
        System.out.println("round | engine       |   jobs | seconds |  jobs/s | settled s | settled/s | jvm cpu%"
                + " | machine cpu%");
        for (JobsResult r : results) {
            line("%5d | %-12s | %6d | %7.3f | %7.0f | %9.3f | %9.0f | %8.0f | %12.0f", r.round, r.engine, r.jobs,
                    r.seconds, r.rate(), r.settledSeconds, r.settledRate(), r.cpu.jvmPercent(),
                    r.cpu.machinePercent());
        }
        if (!s.order().containsAll(List.of(OurEngineRun.NAME, DbSchedulerRun.NAME))) {
            return;
        }
        for (int round = 1; round <= s.rounds(); round++) {
            JobsResult ours = find(results, OurEngineRun.NAME, round);
            JobsResult theirs = find(results, DbSchedulerRun.NAME, round);
            line("ratio     round %d: ours/db-scheduler %.2fx (jobs/s), %.2fx (settled)", round,
                    ours.rate() / theirs.rate(), ours.settledRate() / theirs.settledRate());
        }
        line("goal: our jobs/s at least %.0fx db-scheduler's, over all rounds: %s; %s", JobsBench.GOAL_RATIO,
                verdict("start -> last handler run", results, JobsResult::seconds),
                verdict("start -> settled in the database", results, JobsResult::settledSeconds));
    }

    private static String verdict(String measure, List<JobsResult> results, ToDoubleFunction<JobsResult> seconds) {
        double ours = overall(results, OurEngineRun.NAME, seconds);
        double theirs = overall(results, DbSchedulerRun.NAME, seconds);
        return String.format(Locale.ROOT, "%s %s (%.2fx: %.0f vs %.0f jobs/s)", measure,
                ours / theirs >= JobsBench.GOAL_RATIO ? "MET" : "MISSED", ours / theirs, ours, theirs);
    }

    private static JobsResult find(List<JobsResult> results, String engine, int round) {
        return results.stream().filter(r -> r.engine.equals(engine) && r.round == round).findFirst().orElseThrow();
    }

    /** All of an engine's jobs over all its seconds, as {@code seconds} takes them. */
    private static double overall(List<JobsResult> results, String engine, ToDoubleFunction<JobsResult> seconds) {
        List<JobsResult> mine = results.stream().filter(r -> r.engine.equals(engine)).toList();
        return mine.stream().mapToLong(JobsResult::jobs).sum() / mine.stream().mapToDouble(seconds).sum();
    }

    private static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static BigDecimal rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
