-- Counts decided scans of one show (ADR 0023). KEYS: the show's stats hash, the current minute's hash.
-- ARGV: seconds the stats hash lives, seconds the minute hash lives, epoch ms now, then per scan: result,
-- gate, device ('' for a person). Counts nothing before the stats were built from PostgreSQL (the stats route
-- builds them); returns 1 if counted.
if redis.call('HEXISTS', KEYS[1], 'built') == 0 then
    return 0
end
local now = ARGV[3]
for i = 4, #ARGV, 3 do
    local result, gate, device = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    local kind = 'r'
    if result == 'ok' then
        kind = 'a'
    end
    redis.call('HINCRBY', KEYS[1], kind, 1)
    if kind == 'r' then
        redis.call('HINCRBY', KEYS[1], 'r|' .. result, 1)
    end
    redis.call('HINCRBY', KEYS[1], 'g|' .. gate .. '|' .. kind, 1)
    redis.call('HSET', KEYS[1], 'g|' .. gate .. '|last', now)
    redis.call('HINCRBY', KEYS[2], kind, 1)
    redis.call('HINCRBY', KEYS[2], 'g|' .. gate .. '|' .. kind, 1)
    if device ~= '' then
        redis.call('HINCRBY', KEYS[1], 'd|' .. device .. '|' .. kind, 1)
        redis.call('HSET', KEYS[1], 'd|' .. device .. '|last', now, 'd|' .. device .. '|gate', gate)
    end
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1
