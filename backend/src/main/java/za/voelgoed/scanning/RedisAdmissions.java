package za.voelgoed.scanning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import za.voelgoed.platform.redis.LuaScript;
import za.voelgoed.platform.redis.Redis;

/**
 * The hot-path copy of a show's admissions and presence, under the show's hash tag as the seating keys are:
 * {@code scanning:{evt:<id>}:admitted}, a hash of ticket id to its first admission ({@code scan id|epoch ms|device
 * |gate}); {@code scanning:{evt:<id>}:presence}, ticket id to its state once it moved past its admission (ADR 0024);
 * and {@code scanning:{evt:<id>}:inside}, the counts {@code in} and {@code out}, present once the show was loaded
 * from PostgreSQL (it is the marker).
 */
final class RedisAdmissions {

    private static final LuaScript SCAN_ALL = LuaScript.load("scan_tickets");
    private static final LuaScript APPLY = LuaScript.load("apply_presence");
    private static final LuaScript UNADMIT = LuaScript.load("unadmit_ticket");
    private static final int CHUNK = 2_000;
    private static final long TTL_SECONDS = 3 * 24 * 3600;

    /** One admission as Redis keeps it. */
    record Admission(UUID scanId, Instant at, UUID deviceId, String gate) {

        String encode() {
            return scanId + "|" + at.toEpochMilli() + "|" + (deviceId == null ? "" : deviceId) + "|" + gate;
        }

        static Admission decode(String text) {
            String[] parts = text.split("\\|", 4);
            return new Admission(UUID.fromString(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
                    parts[2].isEmpty() ? null : UUID.fromString(parts[2]), parts[3]);
        }

        ScanAnswer.FirstAdmission view() {
            return new ScanAnswer.FirstAdmission(at.atOffset(ZoneOffset.UTC), gate, deviceId);
        }
    }

    /** A ticket's state PostgreSQL committed, with its admission when known (null otherwise). */
    record Committed(UUID ticketId, Admission admission, int state) {
    }

    /** What Redis said of a scan. */
    sealed interface Verdict {
        /** The show's admissions are not in Redis: load them and ask again. */
        record NotLoaded() implements Verdict {
        }

        /** The first admission, written in Redis now (to be undone if its transaction fails). */
        record Admitted() implements Verdict {
        }

        /** Refused in Redis: {@code step} is ALREADY_REDEEMED or NOT_INSIDE; {@code first} may be unknown. */
        record Refused(Presence.Step step, int state, Optional<Admission> first) implements Verdict {
        }

        /** An exit or a re-entry from {@code state}, which PostgreSQL must confirm; Redis wrote nothing. */
        record Move(int state, Optional<Admission> first) implements Verdict {
        }
    }

    /** How many of a show's admitted tickets are inside, and how many left (and did not come back). */
    record Counts(long inside, long exited) {
    }

    private final Redis redis;

    RedisAdmissions(Redis redis) {
        this.redis = redis;
    }

    /** One scan of a show to decide in Redis. */
    record Ask(UUID ticketId, Direction way, boolean reentryAllowed, Admission admission) {
    }

    /** One scan decided in Redis: the rules live once, in {@code scan_tickets.lua}. */
    Verdict scan(UUID eventId, UUID ticketId, Direction way, boolean reentryAllowed, Admission admission) {
        return scanAll(eventId, List.of(new Ask(ticketId, way, reentryAllowed, admission)))
                .map(List::getFirst).orElseGet(Verdict.NotLoaded::new);
    }

    /**
     * Many scans of one show decided in order in one call, as {@link #scan} one after the other would; empty
     * (nothing decided) while the show is not loaded.
     */
    Optional<List<Verdict>> scanAll(UUID eventId, List<Ask> asks) {
        List<String> args = new ArrayList<>(1 + asks.size() * 4);
        args.add(Long.toString(TTL_SECONDS));
        for (Ask a : asks) {
            args.addAll(List.of(a.ticketId().toString(), a.way().wire(), a.reentryAllowed() ? "1" : "0",
                    a.admission().encode()));
        }
        List<?> replies = (List<?>) SCAN_ALL.run(redis.client(), keys(eventId), args);
        if (!replies.isEmpty() && replies.getFirst() instanceof Long code && code == -1) {
            return Optional.empty();
        }
        return Optional.of(replies.stream().map(r -> verdict((List<?>) r)).toList());
    }

    private static Verdict verdict(List<?> reply) {
        long code = (Long) reply.get(0);
        if (code == -1) {
            return new Verdict.NotLoaded();
        }
        if (code == 1) {
            return new Verdict.Admitted();
        }
        int state = ((Long) reply.get(1)).intValue();
        Optional<Admission> first = reply.size() > 2 && !text(reply.get(2)).isEmpty()
                ? Optional.of(Admission.decode(text(reply.get(2)))) : Optional.empty();
        return switch ((int) code) {
            case 2 -> new Verdict.Move(state, first);
            case 3 -> new Verdict.Refused(Presence.Step.NOT_INSIDE, state, first);
            default -> new Verdict.Refused(Presence.Step.ALREADY_REDEEMED, state, first);
        };
    }

    /** Takes back an admission whose transaction failed; one another scan made stays. */
    void undo(UUID eventId, UUID ticketId, Admission admission) {
        UNADMIT.run(redis.client(), keys(eventId), List.of(ticketId.toString(), admission.encode()));
    }

    /** Makes Redis say what PostgreSQL recorded (after PostgreSQL refused an admission Redis had made). */
    void correct(UUID eventId, UUID ticketId, Admission recorded, int state) {
        redis.client().hset(keys(eventId).getFirst(), ticketId.toString(), recorded.encode());
        apply(eventId, List.of(new Committed(ticketId, null, state)));
    }

    /** Writes committed states (after a scan's transaction): idempotent, in any order. */
    void apply(UUID eventId, List<Committed> committed) {
        run(eventId, committed, false);
    }

    /** Loads every admission and state PostgreSQL has for the show, in chunks; the last one marks it loaded. */
    void load(UUID eventId, List<Committed> admissions) {
        int from = 0;
        do {
            int to = Math.min(admissions.size(), from + CHUNK);
            run(eventId, admissions.subList(from, to), to == admissions.size());
            from = to;
        } while (from < admissions.size());
    }

    /** The show's counts, or empty while the show is not loaded. */
    Optional<Counts> counts(UUID eventId) {
        List<String> values = redis.client().hmget(keys(eventId).get(2), "in", "out");
        if (values.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new Counts(Long.parseLong(values.get(0)),
                values.get(1) == null ? 0 : Long.parseLong(values.get(1))));
    }

    private void run(UUID eventId, List<Committed> committed, boolean last) {
        List<String> args = new ArrayList<>(2 + committed.size() * 3);
        args.add(Long.toString(TTL_SECONDS));
        args.add(last ? "1" : "0");
        for (Committed c : committed) {
            args.add(c.ticketId().toString());
            args.add(c.admission() == null ? "" : c.admission().encode());
            args.add(Integer.toString(c.state()));
        }
        APPLY.run(redis.client(), keys(eventId), args);
    }

    private List<String> keys(UUID eventId) {
        String show = "scanning:{evt:" + eventId + "}:";
        return List.of(redis.key(show + "admitted"), redis.key(show + "presence"), redis.key(show + "inside"));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : (String) value;
    }
}
