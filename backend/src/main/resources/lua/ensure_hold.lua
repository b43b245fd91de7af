-- After a hold committed in PostgreSQL: if the show was loaded from PostgreSQL while the hold was being
-- written, the load did not see it and Redis lost it; put it back. KEYS: taken bitmap, ga hash, holds zset,
-- the hold's hash, loaded marker. ARGV: hold id, expiry ms, ticket type ('' for seats), quantity, seat
-- indexes... Returns 1 when put back, 0 when Redis still had it, -1 when the show is not loaded at all,
-- 2 when Redis meanwhile gave the room to holds PostgreSQL will refuse (their refusal reloads the show).
-- The keys it may create expire with the show: when its loaded marker does (load_event.lua).
if redis.call('EXISTS', KEYS[5]) == 0 then
    return -1
end
if redis.call('EXISTS', KEYS[4]) == 1 then
    return 0
end
if ARGV[3] ~= '' then
    local capacity = tonumber(redis.call('HGET', KEYS[2], ARGV[3] .. ':capacity') or '0')
    local used = tonumber(redis.call('HGET', KEYS[2], ARGV[3] .. ':held') or '0')
            + tonumber(redis.call('HGET', KEYS[2], ARGV[3] .. ':sold') or '0')
    if used + tonumber(ARGV[4]) > capacity then
        return 2
    end
    redis.call('HINCRBY', KEYS[2], ARGV[3] .. ':held', tonumber(ARGV[4]))
    redis.call('HSET', KEYS[4], 'ticket_type', ARGV[3], 'quantity', ARGV[4])
else
    for i = 5, #ARGV do
        if redis.call('GETBIT', KEYS[1], ARGV[i]) == 1 then
            return 2
        end
    end
    for i = 5, #ARGV do
        redis.call('SETBIT', KEYS[1], ARGV[i], 1)
    end
    redis.call('HSET', KEYS[4], 'seats', table.concat(ARGV, ',', 5), 'quantity', ARGV[4])
end
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
local expireAt = redis.call('PEXPIRETIME', KEYS[5])
if expireAt > 0 then
    redis.call('PEXPIREAT', KEYS[3], expireAt)
    redis.call('PEXPIREAT', KEYS[4], expireAt)
end
return 1
