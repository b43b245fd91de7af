-- Replaces an event's Redis state with what PostgreSQL says, in one step. KEYS: taken bitmap, ga hash,
-- holds zset, loaded marker, sold counter, then one hash key per active hold. ARGV: the bitmap bytes, the
-- tickets sold, when the show's keys expire (epoch ms), the number of ga fields n, n field/value pairs, then
-- per hold: id, expiry ms, seats (comma list), ticket type, quantity.
-- Every key gets the expiry; the loaded marker carries it for the scripts that create keys later
-- (an emptied zset is deleted by Redis and made again by the next ZADD, without one).
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[5], ARGV[2])
local n = tonumber(ARGV[4])
local at = 5
for _ = 1, n do
    redis.call('HSET', KEYS[2], ARGV[at], ARGV[at + 1])
    at = at + 2
end
for k = 6, #KEYS do
    redis.call('DEL', KEYS[k])
    redis.call('ZADD', KEYS[3], ARGV[at + 1], ARGV[at])
    if ARGV[at + 2] ~= '' then
        redis.call('HSET', KEYS[k], 'seats', ARGV[at + 2], 'quantity', ARGV[at + 4])
    else
        redis.call('HSET', KEYS[k], 'ticket_type', ARGV[at + 3], 'quantity', ARGV[at + 4])
    end
    at = at + 5
end
redis.call('SET', KEYS[4], '1')
for k = 1, #KEYS do
    redis.call('PEXPIREAT', KEYS[k], ARGV[3])
end
return 1
