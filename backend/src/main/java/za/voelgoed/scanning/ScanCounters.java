package za.voelgoed.scanning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.jooq.DSLContext;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.redis.LuaScript;
import za.voelgoed.platform.redis.Redis;

/**
 * A show's scan counters in Redis (ADR 0023): {@code scanning:{evt:<id>}:stats}, the totals with a {@code built}
 * marker, and {@code scanning:{evt:<id>}:stats:m:<epoch minute>}, one hash per minute. Counted after a scan's
 * transaction committed, once per scan (never for a resent nonce). Counters that are missing (never built,
 * expired, FLUSHALL) are built from PostgreSQL's {@code scans} before the stats are answered; the admitted count
 * is always PostgreSQL's; inside and exited are the show's presence counts in Redis (ADR 0024), loaded from
 * PostgreSQL when missing.
 */
final class ScanCounters {

    /** A decided scan to count. */
    record Counted(UUID eventId, String gate, UUID deviceId, ScanResult result) {
    }

    private static final System.Logger LOG = System.getLogger(ScanCounters.class.getName());
    private static final LuaScript COUNT = LuaScript.load("count_scans");
    private static final LuaScript BUILD = LuaScript.load("build_scan_stats");
    private static final LuaScript READ = LuaScript.load("read_scan_stats");
    private static final long TOTALS_TTL_SECONDS = 2 * 24 * 3600;
    private static final long MINUTE_TTL_SECONDS = 2 * 3600;

    private final Redis redis;
    private final DSLContext dsl;
    private final BiPredicate<UUID, UUID> showOfOrg;
    private final Clock clock;
    private final ScanPresence presence;

    ScanCounters(Redis redis, DSLContext dsl, BiPredicate<UUID, UUID> showOfOrg, Clock clock, ScanPresence presence) {
        this.redis = redis;
        this.dsl = dsl;
        this.showOfOrg = showOfOrg;
        this.clock = clock;
        this.presence = presence;
    }

    /** Counts committed scans, one call per show; a Redis that fails is logged (the stats rebuild later). */
    void count(List<Counted> scans) {
        if (scans.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long minute = ScanStats.minuteOf(now);
        Map<UUID, List<String>> byShow = new LinkedHashMap<>();
        for (Counted c : scans) {
            List<String> args = byShow.computeIfAbsent(c.eventId(), e -> new ArrayList<>(List.of(
                    Long.toString(TOTALS_TTL_SECONDS), Long.toString(MINUTE_TTL_SECONDS),
                    Long.toString(now.toEpochMilli()))));
            args.add(c.result().wire());
            args.add(c.gate());
            args.add(c.deviceId() == null ? "" : c.deviceId().toString());
        }
        byShow.forEach((event, args) -> {
            try {
                COUNT.run(redis.client(), List.of(totalsKey(event), minuteKey(event, minute)), args);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "scan_stats_not_counted event=" + event + " error=\"" + e + "\"");
            }
        });
    }

    /** The show's stats now; 404 for a show not of the organisation. */
    ScanStats.Snapshot snapshot(UUID orgId, UUID eventId) {
        if (!showOfOrg.test(orgId, eventId)) {
            throw ApiException.notFound("event_not_found", "no such event");
        }
        Instant now = clock.instant();
        List<Long> window = ScanStats.window(now);
        List<String> keys = new ArrayList<>(window.size() + 1);
        keys.add(totalsKey(eventId));
        window.forEach(m -> keys.add(minuteKey(eventId, m)));
        List<Map<String, String>> read = read(keys);
        if (!read.getFirst().containsKey("built")) {
            build(eventId, keys, window, now);
            read = read(keys);
        }
        Map<Long, Map<String, String>> minutes = new HashMap<>();
        for (int i = 0; i < window.size(); i++) {
            minutes.put(window.get(i), read.get(i + 1));
        }
        long admitted = dsl.fetchOne("select count(*) from admissions where event_id = ?", eventId)
                .get(0, Long.class);
        RedisAdmissions.Counts people = presence.counts(eventId);
        return ScanStats.snapshot(eventId, now, new ScanStats.Headcount(admitted, people.inside(), people.exited()),
                read.getFirst(), minutes);
    }

    /** Builds the counters from PostgreSQL: totals from all the show's scans, minutes from the window's. */
    private void build(UUID eventId, List<String> keys, List<Long> window, Instant now) {
        List<ScanStats.Row> rows = dsl.fetch("""
                select s.gate, sc.device_id, sc.result, count(*) as n, max(sc.recorded_at) as last
                from scans sc join scanning_sessions s on s.id = sc.session_id
                where sc.event_id = ? and sc.result <> 'pending'
                group by s.gate, sc.device_id, sc.result""", eventId)
                .map(r -> new ScanStats.Row(r.get("gate", String.class), r.get("device_id", UUID.class),
                        r.get("result", String.class), r.get("n", Long.class),
                        r.get("last", OffsetDateTime.class).toInstant()));
        long first = window.getFirst();
        List<ScanStats.MinuteRow> minuteRows = dsl.fetch("""
                select floor(extract(epoch from sc.recorded_at) / 60)::bigint as minute, s.gate, sc.result,
                       count(*) as n
                from scans sc join scanning_sessions s on s.id = sc.session_id
                where sc.event_id = ? and sc.result <> 'pending' and sc.recorded_at >= ?::timestamptz
                group by 1, s.gate, sc.result""", eventId,
                        Instant.ofEpochMilli(first * 60_000L).atOffset(java.time.ZoneOffset.UTC))
                .map(r -> new ScanStats.MinuteRow(r.get("minute", Long.class), r.get("gate", String.class),
                        r.get("result", String.class), r.get("n", Long.class)));
        List<String> args = new ArrayList<>(List.of(Long.toString(TOTALS_TTL_SECONDS),
                Long.toString(MINUTE_TTL_SECONDS)));
        ScanStats.totalsOf(rows).forEach((field, value) -> args.addAll(List.of("1", field, value)));
        ScanStats.minutesOf(minuteRows).forEach((minute, fields) -> {
            int index = window.indexOf(minute);
            if (index >= 0) {
                fields.forEach((field, value) -> args.addAll(List.of(Integer.toString(index + 2), field, value)));
            }
        });
        Object built = BUILD.run(redis.client(), keys, args);
        LOG.log(System.Logger.Level.INFO, "scan_stats_built event=" + eventId + " groups=" + rows.size()
                + " built=" + built + " at=" + now);
    }

    private List<Map<String, String>> read(List<String> keys) {
        List<?> reply = (List<?>) READ.run(redis.client(), keys, List.of());
        List<Map<String, String>> out = new ArrayList<>(reply.size());
        for (Object hash : reply) {
            List<?> flat = (List<?>) hash;
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.put(text(flat.get(i)), text(flat.get(i + 1)));
            }
            out.add(fields);
        }
        return out;
    }

    private String totalsKey(UUID eventId) {
        return redis.key("scanning:{evt:" + eventId + "}:stats");
    }

    private String minuteKey(UUID eventId, long minute) {
        return redis.key("scanning:{evt:" + eventId + "}:stats:m:" + minute);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
