package za.voelgoed.platform.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Settings for the rest of the current transaction ({@code SET LOCAL}), all in one round trip.
 *
 * <p>{@link #withCustomPlans} is for the group-commit writers. A pooled connection keeps its prepared statements,
 * and after five runs PostgreSQL may keep one generic plan for a statement for good. A plan made while a table
 * was nearly empty is a sequential scan, and it stays one while the table grows by a thousand rows a second:
 * only an ANALYZE replans it, and autovacuum may be off, behind, or starved during a flash sale. The writers'
 * statements look up a batch's rows by key in tables that grow all day (holds, tickets, scans), so each run is
 * planned for the table as it is now; planning costs well under a millisecond per batch.
 */
public final class LocalSettings {

    private LocalSettings() {
    }

    /** {@code settings} plus planning every statement for the data as it is now. */
    public static Map<String, String> withCustomPlans(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("plan_cache_mode", "force_custom_plan");
        return Map.copyOf(all);
    }

    /** Applies each setting until the transaction ends; outside a transaction PostgreSQL ignores them. */
    public static void apply(DSLContext sql, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        List<String> calls = new ArrayList<>(settings.size());
        List<Object> args = new ArrayList<>(settings.size() * 2);
        settings.forEach((name, value) -> {
            calls.add("set_config(?, ?, true)");
            args.add(name);
            args.add(value);
        });
        Jdbc.query(sql, "select " + String.join(", ", calls), r -> null, args.toArray());
    }
}
