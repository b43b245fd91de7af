package za.voelgoed.seating;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import za.voelgoed.seating.model.Seat;
import za.voelgoed.seating.model.SeatMap;

/**
 * Seat maps (immutable once a show is created, so cached per node) and the loading of a show's Redis
 * state from PostgreSQL: at start for current shows, on first use for the others, after FLUSHALL, on
 * demand, and after a drift was found. Each load gives the show's keys their expiry ({@link InventoryExpiry}).
 */
public final class Inventories {

    private static final System.Logger LOG = System.getLogger(Inventories.class.getName());

    private final DSLContext dsl;
    private final RedisInventory redis;
    private final InventoryExpiry expiry;
    private final Map<UUID, java.util.Optional<SeatMap>> seatMaps = new ConcurrentHashMap<>();
    private final Map<UUID, SaleSettings> saleSettings = new ConcurrentHashMap<>();
    private final Map<UUID, Object> loadLocks = new ConcurrentHashMap<>();
    /** Loads done per show, so that requests which found Redis stale at the same time share one load. */
    private final Map<UUID, Long> loads = new ConcurrentHashMap<>();

    Inventories(DSLContext dsl, RedisInventory redis, InventoryExpiry expiry) {
        this.dsl = dsl;
        this.redis = redis;
        this.expiry = expiry;
    }

    /** The show's sale settings (fixed when the show is created, so cached per node). */
    SaleSettings settings(UUID eventId) {
        return cached(saleSettings, eventId, id -> InventoryStore.settings(dsl, id).orElse(SaleSettings.DEFAULT));
    }

    /** The show's seat map; empty for general-admission-only shows. */
    java.util.Optional<SeatMap> seatMap(UUID eventId) {
        return seatMap(dsl, eventId);
    }

    /**
     * The seat map, loaded through {@code via} if it is not cached: inside a transaction, pass the
     * transaction's context, so the load does not take a second pooled connection while holding one.
     * "No seating" is cached too: a general-admission show would otherwise cost a query per hold.
     */
    java.util.Optional<SeatMap> seatMap(DSLContext via, UUID eventId) {
        return cached(seatMaps, eventId, id -> InventoryStore.layout(via, id).map(SeatMap::of));
    }

    /**
     * A value fixed at the show's creation, loaded once per node. Loaded outside the map: computeIfAbsent
     * would hold a bin lock across a database round trip; two racing loads agree, and the first one stays.
     */
    private static <V> V cached(Map<UUID, V> cache, UUID eventId, java.util.function.Function<UUID, V> load) {
        V cached = cache.get(eventId);
        if (cached != null) {
            return cached;
        }
        V loaded = load.apply(eventId);
        V raced = cache.putIfAbsent(eventId, loaded);
        return raced != null ? raced : loaded;
    }

    /**
     * Loads the show's Redis state from PostgreSQL. Holds that commit while this runs may be missed by
     * Redis; PostgreSQL's seat claims and the ticket-type check still refuse any oversell, and the refusal
     * triggers another load.
     */
    public void rebuild(UUID eventId) {
        synchronized (loadLocks.computeIfAbsent(eventId, k -> new Object())) {
            loads.merge(eventId, 1L, Long::sum);
            InventoryState state = InventoryStore.state(dsl, eventId);
            Instant expiresAt = keysExpireAt(eventId);
            redis.load(eventId, state, expiresAt.toEpochMilli());
            LOG.log(Level.INFO, "inventory_loaded event=" + eventId + " seats=" + state.seatCount() + " taken="
                    + state.taken().cardinality() + " holds=" + state.holds().size() + " expires_at=" + expiresAt);
        }
    }

    private Instant keysExpireAt(UUID eventId) {
        var times = InventoryStore.showTimes(dsl, eventId);
        return expiry.keysExpireAt(times.map(InventoryStore.ShowTimes::startsAt).orElse(null),
                times.map(InventoryStore.ShowTimes::endsAt).orElse(null), Instant.now());
    }

    /**
     * What a node loads when it starts: the shows on sale or still to come. The others (over, or cancelled)
     * load on first use, like any show after a FLUSHALL; their keys had expired or will.
     */
    int loadCurrent() {
        List<UUID> current = InventoryStore.currentShows(dsl, expiry.defaultLength());
        current.forEach(this::rebuild);
        LOG.log(Level.INFO, "inventory_loaded_current shows=" + current.size() + " on_first_use="
                + (InventoryStore.showsWithSale(dsl) - current.size()));
        return current.size();
    }

    /**
     * Reloads after PostgreSQL refused what Redis allowed, unless another load started after
     * {@code seenLoads} (read when the refusal came): a burst of refusals costs one load, not one each.
     */
    void reloadAfterRefusal(UUID eventId, long seenLoads) {
        synchronized (loadLocks.computeIfAbsent(eventId, k -> new Object())) {
            if (loads.getOrDefault(eventId, 0L) == seenLoads) {
                rebuild(eventId);
            }
        }
    }

    long loadsOf(UUID eventId) {
        return loads.getOrDefault(eventId, 0L);
    }

    /**
     * Loads the show unless it is loaded. Checked again under the lock: after a FLUSHALL (or once its keys
     * expired) every request finds the show missing, and one load serves them all instead of one load each.
     */
    void ensureLoaded(UUID orgId, UUID eventId) {
        if (redis.isLoaded(eventId)) {
            return;
        }
        synchronized (loadLocks.computeIfAbsent(eventId, k -> new Object())) {
            if (!redis.isLoaded(eventId)) {
                rebuild(eventId);
            }
        }
    }
}
