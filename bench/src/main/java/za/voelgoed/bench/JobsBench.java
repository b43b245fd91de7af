package za.voelgoed.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenario {@code jobs}: no-op jobs per second, our job engine against db-scheduler, one after the other
 * in this JVM on the same database ({@code voelgoed_bench} on 127.0.0.1). Each run empties its engine's
 * table, enqueues every job before the engine starts (not timed), then times from the engine's start to
 * the last job's handler run, counted in the handler, and waits for the database to agree (all jobs
 * {@code completed}; db-scheduler's table empty). Both get the same concurrency, a HikariCP pool of the
 * same size and the same poll interval. {@code --warmup} rounds (default 1, of 10,000 jobs each) run both
 * engines unreported first: the first run in a JVM is also its JIT warm-up, and without one the engine that
 * goes first pays for it. {@code --rounds} repeats the measured pair.
 */
final class JobsBench {

    /** Jobs per enqueue call: one transaction (ours) or one JDBC batch (db-scheduler) each. */
    static final int CHUNK = 5_000;

    /** The goal this bench checks: our rate at least this multiple of db-scheduler's. */
    static final double GOAL_RATIO = 2.0;

    /** Jobs per engine in each warm-up round ({@code --warmup}, default 1 round). */
    static final int WARMUP_JOBS = 10_000;

    /** How often the database is asked whether it agrees, once the handlers counted every job. */
    private static final long CONFIRM_POLL_MS = 20;

    /** The options of a run, checked. */
    record Settings(int jobs, int orgs, int concurrency, int pool, int pollMs, double lowerFraction,
                    double upperFraction, int rounds, List<String> order, boolean analyze, int timeoutSeconds,
                    int warmup) {

        /** The same settings with another number of jobs (the warm-up runs a smaller batch). */
        Settings withJobs(int count) {
            return new Settings(count, orgs, concurrency, pool, pollMs, lowerFraction, upperFraction, rounds, order,
                    analyze, timeoutSeconds, warmup);
        }

        private static final Set<String> NAMES = Set.of("jobs", "orgs", "concurrency", "pool", "poll-ms",
                "lock-and-fetch", "rounds", "order", "analyze", "timeout-seconds", "warmup");
        private static final List<String> ENGINES = List.of(OurEngineRun.NAME, DbSchedulerRun.NAME);

        static Settings from(Map<String, String> options) {
            options.keySet().stream().filter(name -> !NAMES.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("unknown option --" + name + " for jobs");
            });
            int concurrency = atLeast(options, "concurrency", 50, 1);
            // every db-scheduler thread deletes its own row, so it wants a connection per thread; PostgreSQL's
            // default max_connections (100) caps the default
            int pool = atLeast(options, "pool", Math.min(concurrency, 64), 2);
            double[] fractions = fractions(options.getOrDefault("lock-and-fetch", "0.5,1.0"));
            List<String> order = Arrays.stream(options.getOrDefault("order", String.join(",", ENGINES)).split(","))
                    .map(String::trim).toList();
            if (order.isEmpty() || !ENGINES.containsAll(order) || Set.copyOf(order).size() != order.size()) {
                throw new IllegalArgumentException("--order takes " + String.join(" and/or ", ENGINES)
                        + ", comma-separated, each once; got '" + options.get("order") + "'");
            }
            String analyze = options.getOrDefault("analyze", "on");
            if (!analyze.equals("on") && !analyze.equals("off")) {
                throw new IllegalArgumentException("--analyze takes on or off, got '" + analyze + "'");
            }
            return new Settings(atLeast(options, "jobs", 50_000, 1), atLeast(options, "orgs", 10, 1), concurrency,
                    pool, atLeast(options, "poll-ms", 100, 10), fractions[0], fractions[1],
                    atLeast(options, "rounds", 1, 1), order, analyze.equals("on"),
                    atLeast(options, "timeout-seconds", 300, 1), atLeast(options, "warmup", 1, 0));
        }

        private static double[] fractions(String text) {
            String[] parts = text.split(",");
            try {
                double lower = Double.parseDouble(parts[0].trim());
                double upper = Double.parseDouble(parts[1].trim());
                if (parts.length == 2 && lower > 0 && upper >= lower) {
                    return new double[] {lower, upper};
                }
            } catch (RuntimeException e) {
                // reported below
            }
            throw new IllegalArgumentException("--lock-and-fetch takes LOWER,UPPER fractions of the threads with"
                    + " 0 < LOWER <= UPPER, e.g. 0.5,1.0; got '" + text + "'");
        }

        private static int atLeast(Map<String, String> options, String name, int fallback, int minimum) {
            int value = BenchMain.intOption(options, name, fallback);
            if (value < minimum) {
                throw new IllegalArgumentException("--" + name + " must be " + minimum + " or more, got " + value);
            }
            return value;
        }
    }

    /** Starts an engine. */
    @FunctionalInterface
    interface Start {
        void run() throws Exception;
    }

    private JobsBench() {
    }

    static void run(Settings settings, String commandLine) throws Exception {
        Deadline deadline = Deadline.inSeconds(settings.timeoutSeconds());
        deadline.enforce();
        BenchEnv env = new BenchEnv();
        String postgres = postgresFacts();
        for (int w = 1; w <= settings.warmup(); w++) {
            Settings small = settings.withJobs(Math.min(settings.jobs(), WARMUP_JOBS));
            for (String engine : settings.order()) {
                // not reported: the first runs in a JVM compile the JDBC driver, the pool and both engines
                System.out.println("--- jobs bench: warm-up " + w + " of " + settings.warmup() + ", " + engine + " ---");
                if (engine.equals(OurEngineRun.NAME)) {
                    OurEngineRun.run(small, env, 0, deadline);
                } else {
                    DbSchedulerRun.run(small, 0, deadline);
                }
            }
        }
        List<JobsResult> results = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (String engine : settings.order()) {
                System.out.println();
                System.out.println("--- jobs bench: " + engine + ", round " + round + " of " + settings.rounds()
                        + ": enqueueing " + settings.jobs() + " jobs ---");
                JobsResult result = engine.equals(OurEngineRun.NAME)
                        ? OurEngineRun.run(settings, env, round, deadline)
                        : DbSchedulerRun.run(settings, round, deadline);
                result.print(settings, commandLine);
                results.add(result);
            }
        }
        JobsResult.printTable(results, settings, postgres, commandLine);
    }

    /**
     * The timed part, the same for both engines: start, wait for the handlers to have run every job, then
     * poll {@code remainingSql} (jobs the database does not show as done yet; cheap, from partial indexes or
     * a shrinking table) until it says 0 — ours writes completions in batches after the handler returns,
     * db-scheduler deletes the row after it, so that is when the work is durable — and check with
     * {@code doneSql} that the database counts every job as done. CPU is taken over start → settled, all the
     * work either engine did for the jobs.
     */
    static JobsResult measure(String engine, int round, Settings s, Deadline deadline, Completions done,
                              double enqueueSeconds, Start start, String remainingSql, String doneSql)
            throws Exception {
        System.out.println("--- jobs bench: " + engine + ", round " + round + ": starting the engine ---");
        CpuUse.Mark mark = CpuUse.mark();
        long started = System.nanoTime();
        start.run();
        if (!done.await(deadline)) {
            throw deadline.expired(engine + " had run " + done.runs() + " of " + s.jobs() + " jobs");
        }
        double seconds = (done.lastNanos() - started) / 1e9;
        try (Connection c = connect(); Statement st = c.createStatement()) {
            long remaining = count(st, remainingSql);
            while (remaining > 0) {
                deadline.check("waiting for the database to show all of " + engine + "'s jobs done (" + remaining
                        + " left)");
                Thread.sleep(CONFIRM_POLL_MS);
                remaining = count(st, remainingSql);
            }
            double settledSeconds = (System.nanoTime() - started) / 1e9;
            CpuUse cpu = CpuUse.since(mark);
            long counted = count(st, doneSql);
            if (counted != s.jobs()) {
                throw new IllegalStateException(engine + ": the database counts " + counted + " of " + s.jobs()
                        + " jobs done (" + doneSql + ")");
            }
            return new JobsResult(engine, round, s.jobs(), enqueueSeconds, seconds, settledSeconds, done.runs(), cpu);
        }
    }

    /**
     * After the enqueue and before the clock starts: a checkpoint, so neither engine meets the enqueue's
     * dirty pages inside its timed window, and, with {@code --analyze on} (the default), fresh planner
     * statistics: what autovacuum's analyze gives a table that has just filled up (all jobs waiting), here
     * at a fixed moment instead of at a random one inside the timed window.
     */
    static void settle(Settings s, String table) {
        if (s.analyze()) {
            sql("analyze " + table);
        }
        sql("checkpoint");
    }

    /** Runs statements on a connection of their own (not from an engine's pool). */
    static void sql(String... statements) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bench SQL failed: " + e.getMessage(), e);
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(BenchEnv.DB_URL, "postgres", "");
    }

    /** The server's version and the settings that move these figures most. */
    private static String postgresFacts() {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("select current_setting('server_version'),"
                     + " current_setting('shared_buffers'), current_setting('synchronous_commit'),"
                     + " current_setting('fsync'), current_setting('max_connections')")) {
            r.next();
            return "PostgreSQL " + r.getString(1) + " on 127.0.0.1, shared_buffers " + r.getString(2)
                    + ", synchronous_commit " + r.getString(3) + ", fsync " + r.getString(4) + ", max_connections "
                    + r.getString(5);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL settings: " + e.getMessage(), e);
        }
    }
}
