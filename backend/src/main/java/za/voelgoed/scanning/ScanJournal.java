package za.voelgoed.scanning;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.DataAccessException;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;

/**
 * Group commit of scans (ADR 0026): every scan request of the node (one scan or a batch) queues its prepared
 * scans here, and one writer thread records everything that queued while its last transaction ran in a single
 * transaction, request after request in queue order, so a busy gate costs one commit per group instead of one
 * per scan. The decision of each scan does not change ({@link Scans}); only who opens the transaction does.
 * A group that fails is taken back in Redis and recorded again one request per transaction, so one bad request
 * fails alone; a request alone that met a deadlock is answered again from the start, at most three times.
 */
final class ScanJournal implements AutoCloseable {

    /** One request's scans (of one organisation), decided in order and emitted under the request's actor. */
    record Entry(Actor actor, java.util.UUID orgId, List<Scans.Prepared> scans) {
    }

    /** Decides a group's entries in one transaction and returns their answers in order; throws if it failed. */
    @FunctionalInterface
    interface Recorder {
        List<List<Scans.Scanned>> record(List<Entry> group);
    }

    /**
     * What a committed group tells Redis and the meters (its entries and their answers, in order), once per group
     * rather than once per request; run by the writer before it answers the group's requests, so a request's next
     * scan and a stats read after its answer see it. Must not throw.
     */
    @FunctionalInterface
    interface AfterCommit {
        void committed(List<Entry> group, List<List<Scans.Scanned>> answers);
    }

    /** Takes back what an entry admitted in Redis in a transaction that failed. */
    @FunctionalInterface
    interface Undo {
        void undo(Entry entry, RuntimeException cause);
    }

    private static final System.Logger LOG = System.getLogger(ScanJournal.class.getName());
    /** A group stops growing at this many scans; a request bigger than that (a full batch) still goes alone. */
    static final int MAX_SCANS = 1_000;
    private static final long SLOW_MS = 50;
    private static final int DEADLOCK_TRIES = 3;

    /**
     * A queued entry. The writer takes it, or the waiting request gives it up once its wait ran out — whichever
     * comes first. An entry given up is never recorded (nothing of it reached Redis or PostgreSQL, so the device
     * may send it again with the same nonce); a request whose entry was taken waits for the real outcome.
     */
    private record Pending(Entry entry, CompletableFuture<List<Scans.Scanned>> done, AtomicInteger state) {
        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int ABANDONED = 2;

        Pending(Entry entry) {
            this(entry, new CompletableFuture<>(), new AtomicInteger(QUEUED));
        }

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        boolean abandon() {
            return state.compareAndSet(QUEUED, ABANDONED);
        }

        int size() {
            return entry.scans().size();
        }
    }

    private final Recorder recorder;
    private final AfterCommit afterCommit;
    private final Undo undo;
    private final ScanTelemetry telemetry;
    private final Duration wait;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    ScanJournal(Recorder recorder, AfterCommit afterCommit, Undo undo, ScanTelemetry telemetry, Duration wait,
                String name) {
        this.recorder = recorder;
        this.afterCommit = afterCommit;
        this.undo = undo;
        this.telemetry = telemetry;
        this.wait = wait;
        this.writer = Thread.ofPlatform().daemon().name("scan-journal-" + name).start(this::writeLoop);
    }

    /** Queues the request's scans and waits for the commit of their group; their answers in order. */
    List<Scans.Scanned> record(Entry entry) {
        if (!running) {
            throw unavailable("the node is stopping");
        }
        Pending pending = new Pending(entry);
        queue.add(pending);
        try {
            try {
                return pending.done().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (pending.abandon()) {
                    LOG.log(Level.WARNING, "scan_journal_wait_timed_out scans=" + entry.scans().size()
                            + " queued=" + queue.size());
                    throw unavailable("the scans were not recorded within " + wait.toSeconds() + " s");
                }
                // the writer has it: its transaction is bounded by the lock and statement timeouts
                return pending.done().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the scan journal", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Entries waiting for the writer (for tests that wait until requests have queued). */
    int queued() {
        return queue.size();
    }

    private static ApiException unavailable(String why) {
        return ApiException.of(503, "scan_not_recorded", "Service unavailable",
                why + "; nothing was recorded, send the scans again with the same nonces");
    }

    private void writeLoop() {
        while (running || !queue.isEmpty()) {
            List<Pending> group = List.of();
            try {
                group = nextGroup();
                if (!group.isEmpty()) {
                    write(group);
                }
            } catch (InterruptedException e) {
                // only close() may stop the writer: requests wait on it
                if (!running) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                // a group that escaped write() must not leave its requests waiting, nor stop the writer
                group.forEach(p -> p.done().completeExceptionally(e));
                LOG.log(Level.ERROR, "scan_journal_failed error=\"" + e + "\"");
            }
        }
        failAll(unavailable("the node is stopping"));
    }

    /** What queued, in order, up to {@link #MAX_SCANS} scans; entries whose requests gave up are left out. */
    private List<Pending> nextGroup() throws InterruptedException {
        Pending next = queue.poll(200, TimeUnit.MILLISECONDS);
        List<Pending> group = new ArrayList<>();
        int scans = 0;
        while (next != null) {
            if (next.take()) {
                group.add(next);
                scans += next.size();
            }
            Pending head = queue.peek();
            // the writer is the queue's only taker, so the head it saw is the head it polls
            next = head != null && scans + head.size() <= MAX_SCANS ? queue.poll() : null;
        }
        return group;
    }

    private void write(List<Pending> group) {
        if (group.size() == 1) {
            writeAlone(group.getFirst());
            return;
        }
        long started = System.nanoTime();
        List<List<Scans.Scanned>> answers;
        try {
            answers = recorder.record(group.stream().map(Pending::entry).toList());
        } catch (RuntimeException e) {
            group.forEach(p -> undo.undo(p.entry(), e));
            if (isWorthRetryingSingly(e)) {
                LOG.log(Level.INFO, "scan_journal_group_retried_singly requests=" + group.size()
                        + " error=\"" + e + "\"");
                group.forEach(this::writeAlone);
            } else {
                LOG.log(Level.WARNING, "scan_journal_group_failed requests=" + group.size() + " error=\"" + e + "\"");
                group.forEach(p -> p.done().completeExceptionally(e));
            }
            return;
        }
        committed(group, answers, started);
    }

    private void writeAlone(Pending pending) {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            List<List<Scans.Scanned>> answers;
            try {
                answers = recorder.record(List.of(pending.entry()));
            } catch (RuntimeException e) {
                undo.undo(pending.entry(), e);
                // two transactions that met on rows a rebuild left out: the loser answers again, from the start
                if (attempt < DEADLOCK_TRIES && isDeadlock(e)) {
                    continue;
                }
                pending.done().completeExceptionally(e);
                return;
            }
            committed(List.of(pending), answers, started);
            return;
        }
    }

    private void committed(List<Pending> group, List<List<Scans.Scanned>> answers, long started) {
        if (answers.size() != group.size()) {
            throw new IllegalStateException("a group of " + group.size() + " got " + answers.size() + " answers");
        }
        try {
            afterCommit.committed(group.stream().map(Pending::entry).toList(), answers);
        } catch (RuntimeException e) {
            // committed is committed: what Redis missed is caught up by its next load or scan
            LOG.log(Level.WARNING, "scan_journal_after_commit_failed error=\"" + e + "\"");
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(answers.get(i));
        }
        int scans = group.stream().mapToInt(Pending::size).sum();
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms >= SLOW_MS) {
            LOG.log(Level.INFO, "scan_journal_slow requests=" + group.size() + " scans=" + scans + " ms=" + ms);
        }
        try {
            telemetry.grouped(group.size(), scans);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scan_journal_telemetry_failed error=\"" + e + "\"");
        }
    }

    /**
     * Worth recording each request alone: a constraint (class 23) or a deadlock/serialisation failure (class 40)
     * belongs to one request, and so may an error outside SQL. Timeouts and lost connections (classes 08, 53, 55,
     * 57) would only repeat once per request.
     */
    private static boolean isWorthRetryingSingly(RuntimeException e) {
        if (!(e instanceof DataAccessException dae)) {
            return true;
        }
        String state = dae.sqlState();
        return state != null && (state.startsWith("23") || state.startsWith("40"));
    }

    private static boolean isDeadlock(RuntimeException e) {
        return e instanceof DataAccessException dae && "40P01".equals(dae.sqlState());
    }

    private void failAll(RuntimeException why) {
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(why);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(unavailable("the node is stopping"));
    }
}
