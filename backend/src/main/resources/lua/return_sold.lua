-- Refunded tickets go back on sale. KEYS: taken bitmap, ga hash, the show's sold counter. ARGV: ticket
-- type ('' for seats), quantity, then seat indexes.
for i = 3, #ARGV do
    redis.call('SETBIT', KEYS[1], ARGV[i], 0)
end
if ARGV[1] ~= '' then
    redis.call('HINCRBY', KEYS[2], ARGV[1] .. ':sold', -tonumber(ARGV[2]))
end
redis.call('DECRBY', KEYS[3], ARGV[2])
return 1
