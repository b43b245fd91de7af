-- A hold became an order: its seats stay taken, its general-admission quantity moves from held to sold.
-- KEYS: ga hash, holds zset, the hold's hash, the show's sold counter. ARGV: hold id, tickets sold.
-- Returns 1, or 0 when Redis did not know the hold.
-- Only a hold in the zset counts (see release_hold.lua); one a load left out was counted by the load.
local known = redis.call('ZREM', KEYS[2], ARGV[1])
local code = redis.call('HGET', KEYS[3], 'ticket_type')
local quantity = tonumber(redis.call('HGET', KEYS[3], 'quantity') or '0')
if known == 0 then
    redis.call('DEL', KEYS[3])
    return 0
end
if code then
    redis.call('HINCRBY', KEYS[1], code .. ':held', -quantity)
    redis.call('HINCRBY', KEYS[1], code .. ':sold', quantity)
end
redis.call('DEL', KEYS[3])
-- a hold Redis no longer knows was loaded from PostgreSQL after the order committed: already counted
if known == 1 then
    redis.call('INCRBY', KEYS[4], ARGV[2])
end
return known
