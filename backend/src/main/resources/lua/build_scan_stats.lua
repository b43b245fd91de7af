-- Builds a show's scan stats from PostgreSQL's counts (ADR 0023), unless another node built them first.
-- KEYS: the stats hash, then the window's minute hashes. ARGV: seconds the stats hash lives, seconds a minute
-- hash lives, then triplets: key index (1 = stats hash), field, value. Returns 1 if built.
if redis.call('HEXISTS', KEYS[1], 'built') == 1 then
    return 0
end
redis.call('DEL', unpack(KEYS))
for i = 3, #ARGV, 3 do
    redis.call('HSET', KEYS[tonumber(ARGV[i])], ARGV[i + 1], ARGV[i + 2])
end
redis.call('HSET', KEYS[1], 'built', '1')
redis.call('EXPIRE', KEYS[1], ARGV[1])
for i = 2, #KEYS do
    if redis.call('EXISTS', KEYS[i]) == 1 then
        redis.call('EXPIRE', KEYS[i], ARGV[2])
    end
end
return 1
