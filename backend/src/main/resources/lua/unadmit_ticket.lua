-- Takes back an admission Redis made whose transaction failed. KEYS: the show's admitted hash, presence hash,
-- counts hash. ARGV: ticket id, the admission; only that admission is removed, never one another scan made, and
-- the ticket stops being counted inside (never below zero).
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then
    return 0
end
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 and tonumber(redis.call('HGET', KEYS[3], 'in') or '0') > 0 then
    redis.call('HINCRBY', KEYS[3], 'in', -1)
end
return 1
