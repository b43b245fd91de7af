package za.voelgoed.platform.outbox;

/**
 * When the dispatcher may vacuum {@code outbox_pending} again. A vacuum that leaves the dead rows behind
 * (an old transaction or a replication slot still sees them) would free nothing if repeated at every check,
 * so the wait after one doubles, from twice the check interval up to {@code max}; a vacuum that freed them
 * ends the back-off. Only the vacuum thread uses it.
 */
final class VacuumBackoff {

    private final long firstWaitMs;
    private final long maxWaitMs;
    private long waitMs;
    private long dueAt;

    VacuumBackoff(long checkIntervalMs, long maxWaitMs) {
        this.firstWaitMs = 2 * checkIntervalMs;
        this.maxWaitMs = maxWaitMs;
    }

    boolean due(long nowMs) {
        return nowMs >= dueAt;
    }

    /** Records a vacuum's outcome; returns how long the next one must wait (0: as soon as needed). */
    long vacuumed(long nowMs, boolean freed) {
        waitMs = freed ? 0 : Math.min(Math.max(2 * waitMs, firstWaitMs), maxWaitMs);
        dueAt = nowMs + waitMs;
        return waitMs;
    }
}
