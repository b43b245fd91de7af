package za.voelgoed.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.outbox.Actor;

/**
 * The scan journal's group commit with a recorder that stands in for the transaction: the first transaction is
 * held open until the requests under test have queued, so what becomes a group is decided by the test, not by
 * timing. Each request is named by its actor's label, and its answer carries that name back.
 */
@Timeout(30)
class ScanJournalTest {

    private final List<List<String>> groups = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> undone = new ConcurrentHashMap<>();
    private final List<int[]> observed = new CopyOnWriteArrayList<>();
    /** The requests each after-commit call saw, and whether any of their answers was already out then. */
    private final List<List<String>> afterCommits = new CopyOnWriteArrayList<>();
    private final List<Integer> answeredBeforeAfterCommit = new CopyOnWriteArrayList<>();
    private final AtomicInteger answersOut = new AtomicInteger();
    private volatile boolean afterCommitFails;
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private ScanJournal journal;

    @AfterEach
    void stop() {
        release.countDown();
        journal.close();
        requests.shutdownNow();
    }

    @Test
    void whatQueuedWhileATransactionRanIsRecordedInTheNextOneAndEachRequestGetsItsOwnAnswers() throws Exception {
        journal = journal(names -> null, Duration.ofSeconds(10));
        Future<String> first = submit("first");
        firstStarted.await();
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(submit("r" + i));
        }
        awaitQueued(5);
        release.countDown();

        assertThat(first.get()).isEqualTo("first");
        for (int i = 0; i < 5; i++) {
            assertThat(queued.get(i).get()).isEqualTo("r" + i);
        }
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4");
        assertThat(observed).extracting(o -> o[0]).containsExactly(1, 5);
        assertThat(undone).isEmpty();
    }

    @Test
    void theAfterCommitWorkRunsOncePerGroupBeforeItsRequestsAreAnsweredAndItsFailureFailsNoRequest()
            throws Exception {
        journal = journal(names -> null, Duration.ofSeconds(10));
        afterCommitFails = true;
        Future<String> first = submit("first");
        firstStarted.await();
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(submit("r" + i));
        }
        awaitQueued(4);
        release.countDown();

        assertThat(first.get()).isEqualTo("first");
        for (int i = 0; i < 4; i++) {
            assertThat(queued.get(i).get()).isEqualTo("r" + i);
        }
        assertThat(afterCommits).hasSize(2);
        assertThat(afterCommits.get(0)).containsExactly("first");
        assertThat(afterCommits.get(1)).containsExactlyInAnyOrder("r0", "r1", "r2", "r3");
        // none of a group's requests had its answer yet (only "first", of the group before, may have had)
        assertThat(answeredBeforeAfterCommit.get(0)).isZero();
        assertThat(answeredBeforeAfterCommit.get(1)).isLessThanOrEqualTo(1);
    }

    @Test
    void aGroupThatFailsIsTakenBackAndRecordedOneRequestPerTransactionSoTheBadRequestFailsAlone() throws Exception {
        journal = journal(names -> names.contains("bad") ? new IllegalArgumentException("bad scan") : null,
                Duration.ofSeconds(10));
        Future<String> first = submit("first");
        firstStarted.await();
        Future<String> good = submit("good");
        awaitQueued(1);
        Future<String> bad = submit("bad");
        awaitQueued(2);
        Future<String> alsoGood = submit("also-good");
        awaitQueued(3);
        release.countDown();

        assertThat(first.get()).isEqualTo("first");
        assertThat(good.get()).isEqualTo("good");
        assertThat(alsoGood.get()).isEqualTo("also-good");
        assertThatThrownBy(bad::get).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("bad scan");
        assertThat(groups).containsExactly(List.of("first"), List.of("good", "bad", "also-good"), List.of("good"),
                List.of("bad"), List.of("also-good"));
        // the failed group's Redis admissions are all taken back, and the bad request's once more
        assertThat(Map.copyOf(undone)).containsOnlyKeys("good", "bad", "also-good");
        assertThat(undone.get("good").get()).isEqualTo(1);
        assertThat(undone.get("bad").get()).isEqualTo(2);
        assertThat(observed).extracting(o -> o[0]).containsExactly(1, 1, 1);
    }

    @Test
    void aRequestAloneThatMeetsADeadlockIsAnsweredAgainAtMostThreeTimes() throws Exception {
        AtomicInteger deadlocks = new AtomicInteger(2);
        journal = journal(names -> names.contains("unlucky") && deadlocks.getAndDecrement() > 0 ? deadlock()
                : names.contains("doomed") ? deadlock() : null, Duration.ofSeconds(10));
        release.countDown();

        assertThat(submit("unlucky").get()).isEqualTo("unlucky");
        assertThat(undone.get("unlucky").get()).isEqualTo(2);
        Future<String> doomed = submit("doomed");
        assertThatThrownBy(doomed::get).hasCauseInstanceOf(DataAccessException.class);
        assertThat(groups.stream().filter(g -> g.equals(List.of("doomed")))).hasSize(3);
        assertThat(undone.get("doomed").get()).isEqualTo(3);
    }

    @Test
    void aGroupThatTimedOutFailsItsRequestsWithoutRepeatingTheWaitForEach() throws Exception {
        journal = journal(names -> names.size() > 1 ? new DataAccessException("canceling statement",
                new SQLException("canceling statement due to lock timeout", "55P03")) : null, Duration.ofSeconds(10));
        Future<String> first = submit("first");
        firstStarted.await();
        Future<String> a = submit("a");
        Future<String> b = submit("b");
        awaitQueued(2);
        release.countDown();

        assertThat(first.get()).isEqualTo("first");
        assertThatThrownBy(a::get).hasCauseInstanceOf(DataAccessException.class);
        assertThatThrownBy(b::get).hasCauseInstanceOf(DataAccessException.class);
        assertThat(groups).hasSize(2);
        assertThat(undone.keySet()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aRequestThatWaitedTooLongGivesItsScansUpAndTheyAreNeverRecorded() throws Exception {
        journal = journal(names -> null, Duration.ofMillis(100));
        Future<String> first = submit("first");
        firstStarted.await();
        Future<String> late = submit("late");

        assertThatThrownBy(late::get).cause().isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.problem().code()).isEqualTo("scan_not_recorded");
        });
        release.countDown();
        assertThat(first.get()).isEqualTo("first");
        assertThat(submit("next").get()).isEqualTo("next");
        assertThat(groups).containsExactly(List.of("first"), List.of("next"));
    }

    private ScanJournal journal(Function<List<String>, RuntimeException> failure, Duration wait) {
        ScanJournal.Recorder recorder = group -> {
            List<String> names = group.stream().map(e -> e.actor().label()).toList();
            groups.add(names);
            if (groups.size() == 1) {
                firstStarted.countDown();
                await(release);
            }
            RuntimeException failed = failure.apply(names);
            if (failed != null) {
                throw failed;
            }
            return names.stream().map(n -> List.of(new Scans.Scanned(new ScanAnswer(n, null, null, null),
                    ScanResult.OK, false))).toList();
        };
        ScanJournal.Undo undo = (entry, cause) -> undone.computeIfAbsent(entry.actor().label(),
                n -> new AtomicInteger()).incrementAndGet();
        ScanTelemetry telemetry = new ScanTelemetry() {
            @Override
            public void scanned(UUID organizationId, ScanResult result) {
            }

            @Override
            public void grouped(int requests, int scans) {
                observed.add(new int[] {requests, scans});
            }
        };
        ScanJournal.AfterCommit afterCommit = (group, answers) -> {
            answeredBeforeAfterCommit.add(answersOut.get());
            afterCommits.add(group.stream().map(e -> e.actor().label()).toList());
            if (afterCommitFails) {
                throw new IllegalStateException("redis is down");
            }
        };
        return new ScanJournal(recorder, afterCommit, undo, telemetry, wait, "test");
    }

    /** A request named {@code name}: its answer's result is its name. */
    private Future<String> submit(String name) {
        ScanJournal.Entry entry = new ScanJournal.Entry(new Actor(null, null, name), UUID.randomUUID(), List.of());
        return requests.submit(() -> {
            String result = journal.record(entry).getFirst().answer().result();
            answersOut.incrementAndGet();
            return result;
        });
    }

    private void awaitQueued(int count) throws InterruptedException {
        while (journal.queued() < count) {
            Thread.sleep(1);
        }
    }

    private static DataAccessException deadlock() {
        return new DataAccessException("deadlock detected", new SQLException("deadlock detected", "40P01"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
