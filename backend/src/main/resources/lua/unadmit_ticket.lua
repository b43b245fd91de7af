-- Takes back an admission Redis made whose transaction failed. KEYS: admitted hash. ARGV: ticket id, the
-- admission; only that admission is removed, never one another scan made.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
    return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0
