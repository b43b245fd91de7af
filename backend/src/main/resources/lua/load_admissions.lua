-- Loads a show's admissions from PostgreSQL. KEYS: admitted hash, loaded marker. ARGV: seconds the keys live,
-- '1' on the last chunk (sets the marker), then ticket id / admission pairs. HSETNX keeps what Redis already
-- has: a chunk never replaces an admission made meanwhile.
for i = 3, #ARGV, 2 do
    redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
end
if ARGV[2] == '1' then
    redis.call('SET', KEYS[2], '1', 'EX', ARGV[1])
    if redis.call('EXISTS', KEYS[1]) == 1 then
        redis.call('EXPIRE', KEYS[1], ARGV[1])
    end
end
return 1
