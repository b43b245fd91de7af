-- Reads a show's scan stats in one call (ADR 0023). KEYS: the stats hash, then the window's minute hashes.
-- Returns one flat field/value list per key, in KEYS' order.
local out = {}
for i, key in ipairs(KEYS) do
    out[i] = redis.call('HGETALL', key)
end
return out
