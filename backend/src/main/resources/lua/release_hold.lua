-- Gives a hold's seats or quantity back. KEYS: taken bitmap, ga hash, holds zset, the hold's hash.
-- ARGV: hold id. Returns 1 when released, 0 when the hold was not (or no longer) in Redis.
-- Only a hold in the zset counts: a load rebuilds the zset from active holds only, while a hash of a hold
-- ended meanwhile may linger; releasing it again would free seats someone else holds now.
if redis.call('ZREM', KEYS[3], ARGV[1]) == 0 then
    redis.call('DEL', KEYS[4])
    return 0
end
local seats = redis.call('HGET', KEYS[4], 'seats')
local code = redis.call('HGET', KEYS[4], 'ticket_type')
local quantity = tonumber(redis.call('HGET', KEYS[4], 'quantity') or '0')
if seats and seats ~= '' then
    for index in string.gmatch(seats, '[^,]+') do
        redis.call('SETBIT', KEYS[1], index, 0)
    end
end
if code then
    redis.call('HINCRBY', KEYS[2], code .. ':held', -quantity)
end
redis.call('DEL', KEYS[4])
return 1
