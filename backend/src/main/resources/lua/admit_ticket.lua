-- Admits a ticket once per show. KEYS: the show's admitted hash, its loaded marker. ARGV: ticket id, the
-- admission (scan id|epoch ms|device|gate), seconds the keys live.
-- Returns {-1} before the show's admissions were loaded from PostgreSQL, {0, first admission} for a
-- ticket already admitted, {1} for the admission just made.
if redis.call('EXISTS', KEYS[2]) == 0 then
    return {-1}
end
local first = redis.call('HGET', KEYS[1], ARGV[1])
if first then
    return {0, first}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return {1}
