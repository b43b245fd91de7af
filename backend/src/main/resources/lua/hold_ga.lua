-- Holds a quantity of a general-admission ticket type if held + sold stays within capacity.
-- KEYS: ga hash, holds zset, the hold's hash, loaded marker. ARGV: hold id, expiry (epoch ms), code,
-- quantity. Returns {1} held, {0, remaining} refused, {-1} not loaded, {-2} no such ticket type.
-- The keys it may create expire with the show: when its loaded marker does (load_event.lua).
if redis.call('EXISTS', KEYS[4]) == 0 then
    return {-1}
end
local capacity = tonumber(redis.call('HGET', KEYS[1], ARGV[3] .. ':capacity'))
if not capacity then
    return {-2}
end
local held = tonumber(redis.call('HGET', KEYS[1], ARGV[3] .. ':held') or '0')
local sold = tonumber(redis.call('HGET', KEYS[1], ARGV[3] .. ':sold') or '0')
local quantity = tonumber(ARGV[4])
if held + sold + quantity > capacity then
    return {0, capacity - held - sold}
end
redis.call('HINCRBY', KEYS[1], ARGV[3] .. ':held', quantity)
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], 'ticket_type', ARGV[3], 'quantity', quantity)
local expireAt = redis.call('PEXPIRETIME', KEYS[4])
if expireAt > 0 then
    redis.call('PEXPIREAT', KEYS[2], expireAt)
    redis.call('PEXPIREAT', KEYS[3], expireAt)
end
return {1}
