package za.voelgoed.platform.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-second request counters held by this node only: what a limit falls back to while Redis does not
 * answer, so an outage of Redis turns a cluster-wide limit into a per-node one instead of no limit at all.
 */
final class LocalWindows {

    private static final int MAX_SUBJECTS = 100_000;

    private record Window(long second, AtomicLong count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Adds {@code cost} to the subject's count for this second and returns the new count. */
    long add(String subject, long second, long cost) {
        if (windows.size() > MAX_SUBJECTS) {
            forgetBefore(second);
        }
        Window window = windows.compute(subject, (key, old) ->
                old == null || old.second() != second ? new Window(second, new AtomicLong()) : old);
        return window.count().addAndGet(cost);
    }

    /** The subject's count in this second, without adding to it. */
    long count(String subject, long second) {
        Window window = windows.get(subject);
        return window == null || window.second() != second ? 0 : window.count().get();
    }

    private void forgetBefore(long second) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (it.next().second() < second) {
                it.remove();
            }
        }
    }
}
