-- Takes a socket place for a token within its organisation, or refuses.
-- KEYS[1] the organisation's sockets (zset), KEYS[2] the token's sockets (zset); both share the org's hash tag.
-- ARGV: now ms, expired-before ms, connection id, token limit (0 = none), org limit (0 = none), key ttl ms.
-- Returns 0 when taken, 1 when the token is full, 2 when the organisation is full.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
local tokenLimit = tonumber(ARGV[4])
local orgLimit = tonumber(ARGV[5])
if tokenLimit > 0 and redis.call('ZCARD', KEYS[2]) >= tokenLimit then return 1 end
if orgLimit > 0 and redis.call('ZCARD', KEYS[1]) >= orgLimit then return 2 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
return 0
