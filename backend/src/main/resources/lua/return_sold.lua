-- Refunded tickets go back on sale. KEYS: taken bitmap, ga hash, the show's sold counter, loaded marker.
-- ARGV: ticket type ('' for seats), quantity, then seat indexes. Returns 0 and changes nothing when the
-- show is not loaded: its next load reads the refund from PostgreSQL, and keys made here would hold a
-- partial state without the show's expiry.
if redis.call('EXISTS', KEYS[4]) == 0 then
    return 0
end
for i = 3, #ARGV do
    redis.call('SETBIT', KEYS[1], ARGV[i], 0)
end
if ARGV[1] ~= '' then
    redis.call('HINCRBY', KEYS[2], ARGV[1] .. ':sold', -tonumber(ARGV[2]))
end
redis.call('DECRBY', KEYS[3], ARGV[2])
return 1
