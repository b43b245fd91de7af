package za.voelgoed.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * db-scheduler (com.github.kagkarlsson, the version in bench/pom.xml) set up as its README recommends
 * for PostgreSQL at high rates: its {@code scheduled_tasks} table, a one-time task, {@code threads} equal
 * to our concurrency and the {@code lock-and-fetch} polling strategy (one {@code UPDATE … FOR UPDATE SKIP
 * LOCKED … RETURNING} per batch). A finished one-time execution is deleted, so an empty table is the
 * database's word that every job ran. The pool is a HikariCP pool of the same size as ours.
 */
final class DbSchedulerRun {

    static final String NAME = "db-scheduler";
    private static final String TASK = "bench-noop";

    /**
     * Its PostgreSQL schema as published in the project (db-scheduler/src/test/resources/postgresql_tables.sql,
     * tag v16.7.1), written out here: the library does not create its table.
     */
    private static final String[] SCHEMA = {
        """
        create table if not exists scheduled_tasks (
          task_name text not null,
          task_instance text not null,
          task_data bytea,
          execution_time timestamp with time zone not null,
          picked boolean not null,
          picked_by text,
          last_success timestamp with time zone,
          last_failure timestamp with time zone,
          consecutive_failures int,
          last_heartbeat timestamp with time zone,
          version bigint not null,
          priority smallint,
          primary key (task_name, task_instance)
        )""",
        "create index if not exists execution_time_idx on scheduled_tasks (execution_time)",
        "create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat)",
        "create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)",
    };

    private DbSchedulerRun() {
    }

    static JobsResult run(JobsBench.Settings s, int round, Deadline deadline) throws Exception {
        JobsBench.sql(SCHEMA);
        JobsBench.sql("truncate scheduled_tasks");
        Completions done = new Completions(s.jobs());
        OneTimeTask<Void> task = Tasks.oneTime(TASK).execute((instance, context) -> done.ran());
        try (HikariDataSource pool = pool(s)) {
            Scheduler scheduler = Scheduler.create(pool, task)
                    .threads(s.concurrency())
                    .pollUsingLockAndFetch(s.lowerFraction(), s.upperFraction())
                    .pollingInterval(Duration.ofMillis(s.pollMs()))
                    .schedulerName(new SchedulerName.Fixed("bench-jobs"))
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    .build();
            double enqueueSeconds = schedule(scheduler, task, s, deadline);
            JobsBench.settle(s, "scheduled_tasks");
            try {
                return JobsBench.measure(NAME, round, s, deadline, done, enqueueSeconds, scheduler::start,
                        "select count(*) from scheduled_tasks",
                        "select " + s.jobs() + " - count(*) from scheduled_tasks");
            } finally {
                scheduler.stop();
            }
        }
    }

    private static HikariDataSource pool(JobsBench.Settings s) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(BenchEnv.DB_URL);
        hikari.setUsername("postgres");
        hikari.setPassword("");
        hikari.setMaximumPoolSize(s.pool());
        hikari.setPoolName("bench-db-scheduler");
        hikari.setConnectionTimeout(5_000);
        return new HikariDataSource(hikari);
    }

    /**
     * Its batch API ({@code scheduleBatch}, one JDBC batch per chunk), due now, before the scheduler starts.
     * It has no tenants; the organisation is only written into the instance id, as a caller would.
     */
    private static double schedule(Scheduler scheduler, OneTimeTask<Void> task, JobsBench.Settings s,
                                   Deadline deadline) {
        long start = System.nanoTime();
        Instant now = Instant.now();
        List<TaskInstance<?>> chunk = new ArrayList<>(JobsBench.CHUNK);
        for (int i = 0; i < s.jobs(); i++) {
            chunk.add(task.instance("org-" + (i % s.orgs()) + "/job-" + i));
            if (chunk.size() == JobsBench.CHUNK || i == s.jobs() - 1) {
                deadline.check("scheduling for " + NAME);
                scheduler.scheduleBatch(chunk, now);
                chunk.clear();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
