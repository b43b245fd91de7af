package za.voelgoed.seating;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jooq.exception.DataAccessException;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.platform.outbox.Outbox;

/**
 * Group commit of hold changes: requests that Redis granted (new holds) and holds being ended (released,
 * expired) queue here, and one writer per node records everything that queued while its last transaction
 * ran in a single PostgreSQL transaction — a few set-based statements for the whole batch instead of a
 * transaction and half a dozen round trips per request. The per-hold rules do not change: PostgreSQL
 * still refuses a seat claimed twice, a ticket type over capacity and a show not on sale, per hold. A
 * batch that fails as a whole is retried one change per transaction, so one bad change fails alone.
 */
final class HoldJournal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HoldJournal.class.getName());
    private static final int MAX_BATCH = 256;
    private static final long SLOW_MS = 50;
    private static final long BUSY_PAUSE_NANOS = 2_000_000;
    /** Longer than the batch's lock timeout plus a retry of its changes one by one, in the worst case. */
    private static final long WAIT_SECONDS = 20;

    /** What a request asks the journal to record. */
    sealed interface Change permits Create, End {
    }

    /** A hold Redis granted; {@code event} is its {@code seat.hold_created} payload. */
    record Create(Actor actor, Hold hold, ObjectNode event) implements Change {
    }

    /** Ends an active hold as {@code status}; with {@code onlyIfDue}, only once its time is up. */
    record End(Actor actor, UUID orgId, UUID holdId, String status, boolean onlyIfDue) implements Change {
    }

    /** What became of a change once its batch committed. */
    sealed interface Result permits Recorded, Refused, Ended, NotEnded, Busy {
    }

    record Recorded() implements Result {
    }

    /** PostgreSQL refused a new hold: {@code code} is the API's problem code. */
    record Refused(String code, String detail) implements Result {
    }

    record Ended(Hold hold) implements Result {
    }

    /** The hold was not active (or not yet due), so nothing changed. */
    record NotEnded() implements Result {
    }

    /** The hold's row was locked by another transaction (a checkout): the end is tried again in a later batch. */
    record Busy() implements Result {
    }

    /**
     * A queued change. The writer takes it, or the waiting request gives it up after its wait ran out —
     * whichever comes first: a change given up is never written, and a request whose change was taken
     * waits for the real outcome, so Redis is only undone for what PostgreSQL will never record.
     */
    private record Pending(Change change, CompletableFuture<Result> done, AtomicInteger state) {
        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int ABANDONED = 2;

        Pending(Change change) {
            this(change, new CompletableFuture<>(), new AtomicInteger(QUEUED));
        }

        /** The writer's side: true unless the request gave the change up (a change put back stays taken). */
        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN) || state.get() == TAKEN;
        }

        /** The request's side: true if the writer never took the change, which now never will be written. */
        boolean abandon() {
            return state.compareAndSet(QUEUED, ABANDONED);
        }
    }

    private final Outbox outbox;
    private final HoldBatch batch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    HoldJournal(Outbox outbox, HoldBatch batch, String name) {
        this.outbox = outbox;
        this.batch = batch;
        this.writer = Thread.ofPlatform().daemon().name("hold-journal-" + name).start(this::writeLoop);
    }

    /** Queues the change and waits for the commit of its batch. */
    Result record(Change change) {
        if (!running) {
            throw new IllegalStateException("the hold journal is closed");
        }
        Pending pending = new Pending(change);
        queue.add(pending);
        try {
            try {
                return pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (pending.abandon()) {
                    LOG.log(Level.WARNING, "hold_journal_wait_timed_out change=" + change + " queued=" + queue.size());
                    throw new IllegalStateException("recording the hold took longer than " + WAIT_SECONDS + " s", e);
                }
                // the writer has it: its transaction is bounded by the statement and lock timeouts
                return pending.done().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the hold journal", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void writeLoop() {
        List<Pending> pending = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> drained = new ArrayList<>(List.of(first));
                queue.drainTo(drained, MAX_BATCH - 1);
                // a change whose request already gave up is never written
                drained.stream().filter(Pending::take).forEach(pending::add);
                if (!pending.isEmpty()) {
                    write(pending);
                }
            } catch (InterruptedException e) {
                // only close() may stop the writer: requests wait on it
                if (!running) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                // a batch that escaped write() must not leave its requests waiting, nor stop the writer
                pending.forEach(p -> p.done().completeExceptionally(e));
                LOG.log(Level.ERROR, "hold_journal_failed error=\"" + e + "\"");
            } finally {
                pending.clear();
            }
        }
        failAll(new IllegalStateException("the hold journal stopped"));
    }

    private void write(List<Pending> pending) {
        List<Change> changes = pending.stream().map(Pending::change).toList();
        Map<Change, Result> results;
        long started = System.nanoTime();
        try {
            results = outbox.transact(Actor.system(), tx -> batch.apply(tx, changes));
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms >= SLOW_MS) {
                LOG.log(Level.INFO, "hold_journal_slow changes=" + changes.size() + " ms=" + ms);
            }
        } catch (RuntimeException e) {
            if (pending.size() > 1 && isWorthRetryingSingly(e)) {
                LOG.log(Level.INFO, "hold_journal_batch_retried_singly changes=" + pending.size() + " error=\"" + e + "\"");
                pending.forEach(p -> write(new ArrayList<>(List.of(p))));
                return;
            }
            if (pending.size() > 1) {
                LOG.log(Level.WARNING, "hold_journal_batch_failed changes=" + pending.size() + " error=\"" + e + "\"");
            }
            pending.forEach(p -> refusalOf(p.change(), e).ifPresentOrElse(p.done()::complete,
                    () -> p.done().completeExceptionally(e)));
            return;
        }
        boolean allBusy = true;
        for (Pending p : pending) {
            Result result = results.get(p.change());
            if (result instanceof Busy) {
                // back in the queue, already claimed: its request keeps waiting for the real outcome
                queue.add(p);
                continue;
            }
            allBusy = false;
            if (result == null) {
                p.done().completeExceptionally(new IllegalStateException("the hold journal gave no result for " + p.change()));
            } else {
                p.done().complete(result);
            }
        }
        if (allBusy) {
            // only ends of holds a checkout has locked: give the checkout a moment rather than spin
            LockSupport.parkNanos(BUSY_PAUSE_NANOS);
        }
    }

    /**
     * Worth trying each change alone: a constraint (class 23) or a deadlock/serialisation failure (class 40)
     * belongs to one change, and so may an error outside SQL. Timeouts and lost connections (classes 08, 53,
     * 55, 57) would only repeat once per change.
     */
    private static boolean isWorthRetryingSingly(RuntimeException e) {
        if (!(e instanceof DataAccessException dae)) {
            return true;
        }
        String state = dae.sqlState();
        return state != null && (state.startsWith("23") || state.startsWith("40"));
    }

    /** A seat claimed twice (23505) or a ticket type over capacity (23514) refuses a new hold. */
    private static java.util.Optional<Result> refusalOf(Change change, RuntimeException e) {
        if (change instanceof Create create && e instanceof DataAccessException dae
                && ("23505".equals(dae.sqlState()) || "23514".equals(dae.sqlState()))) {
            return java.util.Optional.of(HoldBatch.refusedAsTaken(create.hold()));
        }
        return java.util.Optional.empty();
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
        failAll(new IllegalStateException("the hold journal is closed"));
    }
}
