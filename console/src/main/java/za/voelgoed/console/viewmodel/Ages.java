package za.voelgoed.console.viewmodel;

import java.time.Duration;
import java.time.Instant;

/** How old data is, said the way a person reads a status bar: "just now", "12 s ago", "3 min ago". */
public final class Ages {

    private Ages() {
    }

    public static String since(Instant then, Instant now) {
        if (then == null) {
            return "no data yet";
        }
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 2) {
            return "just now";
        }
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 7_200) {
            return seconds / 60 + " min ago";
        }
        return seconds / 3_600 + " h ago";
    }

    /** How old data is, always with a number: "0 s old", "45 s old", "3 min old", "2 h old". */
    public static String old(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 120) {
            return seconds + " s old";
        }
        return seconds < 7_200 ? seconds / 60 + " min old" : seconds / 3_600 + " h old";
    }
}
