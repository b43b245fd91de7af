package za.voelgoed.seating;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.params.ZAddParams;
import za.voelgoed.platform.redis.LuaScript;
import za.voelgoed.platform.redis.Redis;

/** The hot-path copy of a show's inventory in Redis: one Lua script per hold or release. */
final class RedisInventory {

    /** What a hold attempt in Redis came to. */
    sealed interface Outcome {
        record Held() implements Outcome {
        }

        record Taken(List<Integer> seatIndexes) implements Outcome {
        }

        record SoldOut(int remaining) implements Outcome {
        }

        record NotLoaded() implements Outcome {
        }

        record UnknownTicketType() implements Outcome {
        }
    }

    private static final LuaScript HOLD_SEATS = LuaScript.load("hold_seats");
    private static final LuaScript HOLD_GA = LuaScript.load("hold_ga");
    private static final LuaScript RELEASE = LuaScript.load("release_hold");
    private static final LuaScript LOAD = LuaScript.load("load_event");
    private static final LuaScript CONVERT = LuaScript.load("convert_hold");
    private static final LuaScript ENSURE = LuaScript.load("ensure_hold");
    private static final LuaScript RETURN_SOLD = LuaScript.load("return_sold");

    private final Redis redis;

    RedisInventory(Redis redis) {
        this.redis = redis;
    }

    Outcome holdSeats(UUID eventId, UUID holdId, long expiresAtMs, List<Integer> seatIndexes) {
        InventoryKeys keys = InventoryKeys.of(redis, eventId);
        List<String> args = new ArrayList<>(List.of(holdId.toString(), Long.toString(expiresAtMs)));
        seatIndexes.forEach(i -> args.add(Integer.toString(i)));
        List<?> reply = (List<?>) HOLD_SEATS.run(redis.client(),
                List.of(keys.taken(), keys.holds(), keys.hold(holdId), keys.loaded()), args);
        long code = (Long) reply.get(0);
        if (code == -1) {
            return new Outcome.NotLoaded();
        }
        if (code == 0) {
            return new Outcome.Taken(reply.subList(1, reply.size()).stream().map(v -> ((Long) v).intValue()).toList());
        }
        return new Outcome.Held();
    }

    Outcome holdGeneralAdmission(UUID eventId, UUID holdId, long expiresAtMs, String ticketType, int quantity) {
        InventoryKeys keys = InventoryKeys.of(redis, eventId);
        List<?> reply = (List<?>) HOLD_GA.run(redis.client(),
                List.of(keys.ga(), keys.holds(), keys.hold(holdId), keys.loaded()),
                List.of(holdId.toString(), Long.toString(expiresAtMs), ticketType, Integer.toString(quantity)));
        long code = (Long) reply.get(0);
        return switch ((int) code) {
            case -1 -> new Outcome.NotLoaded();
            case -2 -> new Outcome.UnknownTicketType();
            case 0 -> new Outcome.SoldOut(((Long) reply.get(1)).intValue());
            default -> new Outcome.Held();
        };
    }

    /** Gives the hold's seats or quantity back; false when Redis did not know the hold. */
    boolean release(UUID eventId, UUID holdId) {
        InventoryKeys keys = InventoryKeys.of(redis, eventId);
        Object reply = RELEASE.run(redis.client(), List.of(keys.taken(), keys.ga(), keys.holds(), keys.hold(holdId)),
                List.of(holdId.toString()));
        return Long.valueOf(1).equals(reply);
    }

    /** The hold became an order: general-admission held moves to sold; seats stay taken. */
    void convert(UUID eventId, UUID holdId, int tickets) {
        InventoryKeys keys = InventoryKeys.of(redis, eventId);
        CONVERT.run(redis.client(), List.of(keys.ga(), keys.holds(), keys.hold(holdId), keys.sold()),
                List.of(holdId.toString(), Integer.toString(tickets)));
    }

    /** Tickets sold for the show, as Redis counts them. */
    long sold(UUID eventId) {
        String value = redis.client().get(InventoryKeys.of(redis, eventId).sold());
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Refunded tickets go back on sale; a show not loaded is left alone (its next load reads the refund). */
    void returnSold(UUID eventId, String ticketType, int quantity, List<Integer> seatIndexes) {
        InventoryKeys keys = InventoryKeys.of(redis, eventId);
        List<String> args = new ArrayList<>(List.of(ticketType == null ? "" : ticketType, Integer.toString(quantity)));
        seatIndexes.forEach(i -> args.add(Integer.toString(i)));
        RETURN_SOLD.run(redis.client(), List.of(keys.taken(), keys.ga(), keys.sold(), keys.loaded()), args);
    }

    /** Puts a committed hold back if a load that ran while it was written left it out; true when it did. */
    boolean ensureHold(Hold hold, long expiresAtMs) {
        InventoryKeys keys = InventoryKeys.of(redis, hold.eventId());
        List<String> args = new ArrayList<>(List.of(hold.id().toString(), Long.toString(expiresAtMs),
                hold.ticketType() == null ? "" : hold.ticketType(), Integer.toString(hold.quantity())));
        hold.seatIndexes().forEach(i -> args.add(Integer.toString(i)));
        Object reply = ENSURE.run(redis.client(), List.of(keys.taken(), keys.ga(), keys.holds(), keys.hold(hold.id()),
                keys.loaded()), args);
        return Long.valueOf(1).equals(reply);
    }

    /** Moves a hold's expiry (extension); only a hold Redis still has. */
    void reschedule(UUID eventId, UUID holdId, long expiresAtMs) {
        redis.client().zadd(InventoryKeys.of(redis, eventId).holds(), expiresAtMs, holdId.toString(),
                ZAddParams.zAddParams().xx());
    }

    /** Replaces the show's Redis state by {@code state} in one atomic step; its keys expire at {@code expireAtMs}. */
    void load(UUID eventId, InventoryState state, long expireAtMs) {
        InventoryKeys keys = InventoryKeys.of(redis, eventId);
        List<byte[]> keyList = new ArrayList<>(List.of(bytes(keys.taken()), bytes(keys.ga()), bytes(keys.holds()),
                bytes(keys.loaded()), bytes(keys.sold())));
        List<byte[]> args = new ArrayList<>();
        args.add(toRedisBitmap(state.taken(), state.seatCount()));
        args.add(bytes(Long.toString(state.sold())));
        args.add(bytes(Long.toString(expireAtMs)));
        args.add(bytes(Integer.toString(state.ticketTypes().size() * 3)));
        state.ticketTypes().forEach(t -> {
            add(args, t.code() + ":capacity", t.capacity());
            add(args, t.code() + ":held", t.held());
            add(args, t.code() + ":sold", t.sold());
        });
        for (InventoryState.ActiveHold hold : state.holds()) {
            keyList.add(bytes(keys.hold(hold.id())));
            args.add(bytes(hold.id().toString()));
            args.add(bytes(Long.toString(hold.expiresAtMs())));
            args.add(bytes(String.join(",", hold.seatIndexes().stream().map(String::valueOf).toList())));
            args.add(bytes(hold.ticketType() == null ? "" : hold.ticketType()));
            args.add(bytes(Integer.toString(hold.quantity())));
        }
        LOAD.runBinary(redis.client(), keyList, args);
    }

    boolean isLoaded(UUID eventId) {
        return redis.client().exists(InventoryKeys.of(redis, eventId).loaded());
    }

    /** Which seats Redis says are not free. */
    BitSet taken(UUID eventId, int seatCount) {
        return takenIfAny(eventId, seatCount).orElseGet(() -> new BitSet(seatCount));
    }

    /** The taken seats; empty when Redis has no bitmap (nothing taken, or the show is not loaded). */
    java.util.Optional<BitSet> takenIfAny(UUID eventId, int seatCount) {
        byte[] raw = redis.client().get(bytes(InventoryKeys.of(redis, eventId).taken()));
        return java.util.Optional.ofNullable(raw).map(r -> fromRedisBitmap(r, seatCount));
    }

    /** {@code code -> {capacity, held, sold}} as Redis counts them. */
    Map<String, Map<String, Integer>> generalAdmission(UUID eventId) {
        Map<String, Map<String, Integer>> result = new HashMap<>();
        redis.client().hgetAll(InventoryKeys.of(redis, eventId).ga()).forEach((field, value) -> {
            int colon = field.lastIndexOf(':');
            result.computeIfAbsent(field.substring(0, colon), k -> new HashMap<>())
                    .put(field.substring(colon + 1), Integer.parseInt(value));
        });
        return result;
    }

    List<UUID> holdsExpiredBy(UUID eventId, long nowMs) {
        return redis.client().zrangeByScore(InventoryKeys.of(redis, eventId).holds(), 0, nowMs).stream()
                .map(UUID::fromString).toList();
    }

    /** Redis numbers bits from the most significant bit of the first byte. */
    static byte[] toRedisBitmap(BitSet bits, int size) {
        byte[] out = new byte[(size + 7) / 8];
        for (int i = bits.nextSetBit(0); i >= 0 && i < size; i = bits.nextSetBit(i + 1)) {
            out[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return out;
    }

    static BitSet fromRedisBitmap(byte[] raw, int size) {
        BitSet bits = new BitSet(size);
        for (int i = 0; i < Math.min(size, raw.length * 8); i++) {
            if ((raw[i / 8] & (0x80 >>> (i % 8))) != 0) {
                bits.set(i);
            }
        }
        return bits;
    }

    private static void add(List<byte[]> args, String field, int value) {
        args.add(bytes(field));
        args.add(bytes(Integer.toString(value)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
