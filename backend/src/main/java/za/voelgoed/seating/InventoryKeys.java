package za.voelgoed.seating;

import java.util.UUID;
import za.voelgoed.platform.redis.Redis;

/**
 * Redis keys of one show. Every key carries the hash tag {@code {evt:<id>}}, so the Lua scripts that
 * touch several of them run on one Redis Cluster slot:
 * <ul>
 *   <li>{@code seating:{evt:<id>}:taken} — bitmap, bit {@code seat_index} set when the seat is not free;</li>
 *   <li>{@code ticketing:{evt:<id>}:ga} — hash {@code <code>:capacity|held|sold} per ticket type;</li>
 *   <li>{@code seating:{evt:<id>}:holds} — zset of hold ids scored by expiry (epoch ms);</li>
 *   <li>{@code seating:{evt:<id>}:hold:<hold_id>} — what one hold holds;</li>
 *   <li>{@code ticketing:{evt:<id>}:sold} — tickets sold for the show (seats and general admission);</li>
 *   <li>{@code seating:{evt:<id>}:loaded} — present once the state was loaded from PostgreSQL.</li>
 * </ul>
 */
record InventoryKeys(String taken, String ga, String holds, String loaded, String sold, String holdPrefix) {

    static InventoryKeys of(Redis redis, UUID eventId) {
        String tag = "{evt:" + eventId + "}";
        return new InventoryKeys(redis.key("seating:" + tag + ":taken"), redis.key("ticketing:" + tag + ":ga"),
                redis.key("seating:" + tag + ":holds"), redis.key("seating:" + tag + ":loaded"),
                redis.key("ticketing:" + tag + ":sold"), redis.key("seating:" + tag + ":hold:"));
    }

    String hold(UUID holdId) {
        return holdPrefix + holdId;
    }
}
