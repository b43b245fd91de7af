-- Decides a scan of a ticket in Redis (ADR 0022, 0024). KEYS: the show's admitted hash, presence hash, counts hash
-- (present once the show was loaded from PostgreSQL). ARGV: ticket id, 'entry' or 'exit', '1' if the show allows
-- re-entry, the admission a first entry makes (scan id|epoch ms|device|gate), seconds the keys live.
-- A ticket's state: 0 never admitted, 1 admitted, then one more per exit or re-entry (odd inside, even left).
-- Returns {-1} before the show was loaded; {1} admitted now (written, counted inside); {0, state, first admission}
-- an entry refused; {2, state, first admission} an exit or re-entry PostgreSQL must confirm (nothing written here:
-- only committed moves are, by apply_presence); {3, state} an exit of a ticket not inside.
if redis.call('EXISTS', KEYS[3]) == 0 then
    return {-1}
end
local ticket = ARGV[1]
local first = redis.call('HGET', KEYS[1], ticket)
local moved = redis.call('HGET', KEYS[2], ticket)
local state = 0
if moved then
    state = tonumber(moved)
elseif first then
    state = 1
end
if not first then
    first = ''
end
local inside = state % 2 == 1
if ARGV[2] == 'exit' then
    if inside then
        return {2, state, first}
    end
    return {3, state}
end
if state == 0 then
    redis.call('HSET', KEYS[1], ticket, ARGV[4])
    redis.call('HINCRBY', KEYS[3], 'in', 1)
    for i = 1, 3 do
        redis.call('EXPIRE', KEYS[i], ARGV[5])
    end
    return {1}
end
if not inside and ARGV[3] == '1' then
    return {2, state, first}
end
return {0, state, first}
