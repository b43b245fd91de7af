-- Holds every listed seat or none. KEYS: taken bitmap, holds zset, the hold's hash, loaded marker.
-- ARGV: hold id, expiry (epoch ms), seat indexes... Returns {1} held, {0, taken...} refused,
-- {-1} when the event's state is not loaded (the caller rebuilds it from PostgreSQL and retries).
-- The keys it may create expire with the show: when its loaded marker does (load_event.lua).
if redis.call('EXISTS', KEYS[4]) == 0 then
    return {-1}
end
local taken = {}
for i = 3, #ARGV do
    if redis.call('GETBIT', KEYS[1], ARGV[i]) == 1 then
        taken[#taken + 1] = tonumber(ARGV[i])
    end
end
if #taken > 0 then
    table.insert(taken, 1, 0)
    return taken
end
for i = 3, #ARGV do
    redis.call('SETBIT', KEYS[1], ARGV[i], 1)
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], 'seats', table.concat(ARGV, ',', 3), 'quantity', #ARGV - 2)
local expireAt = redis.call('PEXPIRETIME', KEYS[4])
if expireAt > 0 then
    redis.call('PEXPIREAT', KEYS[2], expireAt)
    redis.call('PEXPIREAT', KEYS[3], expireAt)
end
return {1}
