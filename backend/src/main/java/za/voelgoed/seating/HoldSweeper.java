package za.voelgoed.seating;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import za.voelgoed.platform.outbox.Actor;

/**
 * Expires holds whose time is up. Each show's holds zset says which are due; PostgreSQL's active holds
 * past their time (a few seconds of grace) catch any the zset lost. Every node sweeps; ending a hold
 * locks its row and checks it is still active, so two sweepers never expire one hold twice.
 */
final class HoldSweeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HoldSweeper.class.getName());
    private static final int GRACE_SECONDS = 5;

    private final DSLContext dsl;
    private final RedisInventory redis;
    private final Holds holds;
    private final long intervalMs;
    private volatile boolean running = true;
    private final Thread thread;

    HoldSweeper(DSLContext dsl, RedisInventory redis, Holds holds, long intervalMs, String nodeId) {
        this.dsl = dsl;
        this.redis = redis;
        this.holds = holds;
        this.intervalMs = intervalMs;
        this.thread = Thread.ofPlatform().daemon().name("hold-sweeper-" + nodeId).start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "hold_sweep_failed error=\"" + e.getMessage() + "\"");
            }
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One pass; returns how many holds it expired. */
    int sweep() {
        int expired = 0;
        long now = System.currentTimeMillis();
        for (var row : dsl.fetch("select distinct event_id, organization_id from holds where status = 'active'")) {
            UUID eventId = row.get(0, UUID.class);
            UUID orgId = row.get(1, UUID.class);
            for (UUID holdId : redis.holdsExpiredBy(eventId, now)) {
                expired += expire(orgId, holdId) ? 1 : 0;
            }
        }
        List<Hold> overdue = dsl.fetch("""
                select id, organization_id from holds where status = 'active'
                and expires_at < now() - make_interval(secs => ?) limit 500""", GRACE_SECONDS)
                .map(r -> new Hold(r.get(0, UUID.class), r.get(1, UUID.class), null, null, 1, List.of(), Hold.ACTIVE,
                        null, null));
        for (Hold hold : overdue) {
            expired += expire(hold.organizationId(), hold.id()) ? 1 : 0;
        }
        return expired;
    }

    private boolean expire(UUID orgId, UUID holdId) {
        boolean expired = holds.expireIfDue(Actor.system(), orgId, holdId);
        if (expired) {
            LOG.log(Level.DEBUG, "hold_expired hold=" + holdId);
        }
        return expired;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
