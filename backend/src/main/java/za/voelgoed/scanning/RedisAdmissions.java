package za.voelgoed.scanning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import za.voelgoed.platform.redis.LuaScript;
import za.voelgoed.platform.redis.Redis;

/**
 * The hot-path copy of a show's admissions: {@code scanning:{evt:<id>}:admitted}, a hash of ticket id to its
 * admission ({@code scan id|epoch ms|device|gate}), and {@code scanning:{evt:<id>}:loaded}, present once the
 * hash was loaded from PostgreSQL. Both carry the show's hash tag, as the seating keys do.
 */
final class RedisAdmissions {

    private static final LuaScript ADMIT = LuaScript.load("admit_ticket");
    private static final LuaScript LOAD = LuaScript.load("load_admissions");
    private static final LuaScript UNADMIT = LuaScript.load("unadmit_ticket");
    private static final int CHUNK = 2_000;
    private static final long TTL_SECONDS = 3 * 24 * 3600;

    /** One admission as Redis keeps it. */
    record Admission(UUID scanId, Instant at, UUID deviceId, String gate) {

        /** A ticket's admission, as PostgreSQL lists them for a rebuild. */
        record Keyed(UUID ticketId, Admission admission) {
        }

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

    /** What Redis said: not loaded yet, admitted now, or admitted before (with that admission). */
    record Outcome(boolean loaded, boolean admitted, Admission first) {
    }

    private final Redis redis;

    RedisAdmissions(Redis redis) {
        this.redis = redis;
    }

    Outcome admit(UUID eventId, UUID ticketId, Admission admission) {
        List<?> reply = (List<?>) ADMIT.run(redis.client(), List.of(admitted(eventId), loaded(eventId)),
                List.of(ticketId.toString(), admission.encode(), Long.toString(TTL_SECONDS)));
        long code = (Long) reply.get(0);
        if (code == -1) {
            return new Outcome(false, false, null);
        }
        return code == 1 ? new Outcome(true, true, null)
                : new Outcome(true, false, Admission.decode(text(reply.get(1))));
    }

    /** Takes back an admission whose transaction failed; one another scan made stays. */
    void undo(UUID eventId, UUID ticketId, Admission admission) {
        UNADMIT.run(redis.client(), List.of(admitted(eventId)), List.of(ticketId.toString(), admission.encode()));
    }

    /** Makes Redis say what PostgreSQL recorded (after PostgreSQL refused an admission Redis had made). */
    void correct(UUID eventId, UUID ticketId, Admission recorded) {
        redis.client().hset(admitted(eventId), ticketId.toString(), recorded.encode());
    }

    /** Loads every admission PostgreSQL has for the show, in chunks; the marker is set by the last one. */
    void load(UUID eventId, List<Admission.Keyed> admissions) {
        int from = 0;
        do {
            int to = Math.min(admissions.size(), from + CHUNK);
            String last = to == admissions.size() ? "1" : "0";
            List<String> args = new ArrayList<>(List.of(Long.toString(TTL_SECONDS), last));
            for (Admission.Keyed keyed : admissions.subList(from, to)) {
                args.add(keyed.ticketId().toString());
                args.add(keyed.admission().encode());
            }
            LOAD.run(redis.client(), List.of(admitted(eventId), loaded(eventId)), args);
            from = to;
        } while (from < admissions.size());
    }

    private String admitted(UUID eventId) {
        return redis.key("scanning:{evt:" + eventId + "}:admitted");
    }

    private String loaded(UUID eventId) {
        return redis.key("scanning:{evt:" + eventId + "}:loaded");
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : (String) value;
    }
}
