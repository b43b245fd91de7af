package za.voelgoed.bench;

/**
 * The end of a bench run's time budget ({@code --timeout-seconds}). The waits check it and fail the run
 * cleanly; {@link #enforce} is the backstop for a step that never returns (a stuck statement), so the
 * process always stops by itself.
 */
record Deadline(long atNanos, int seconds) {

    /** After this much past the deadline the process exits even if the run has not unwound. */
    private static final long BACKSTOP_MILLIS = 20_000;

    static Deadline inSeconds(int seconds) {
        return new Deadline(System.nanoTime() + seconds * 1_000_000_000L, seconds);
    }

    long remainingMillis() {
        return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000);
    }

    /** Throws when the deadline has passed; {@code doing} names the step for the message. */
    void check(String doing) {
        if (System.nanoTime() - atNanos >= 0) {
            throw expired(doing);
        }
    }

    IllegalStateException expired(String doing) {
        return new IllegalStateException("timed out after --timeout-seconds " + seconds + " while " + doing);
    }

    /** A daemon that ends the process with status 1 when the run is still going well past the deadline. */
    void enforce() {
        Thread.ofPlatform().daemon().name("bench-deadline").start(() -> {
            try {
                Thread.sleep(remainingMillis() + BACKSTOP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("bench: failed: still running " + BACKSTOP_MILLIS / 1000 + " s after --timeout-seconds "
                    + seconds + "; exiting");
            System.exit(1);
        });
    }
}
