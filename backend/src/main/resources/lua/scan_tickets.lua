-- Decides scans of one show in Redis, in order (ADR 0022, 0024; one round trip for a journal group, ADR 0026,
-- 0027; a single scan is a group of one). KEYS: the show's admitted hash, presence hash, counts hash (present once
-- the show was loaded from PostgreSQL). ARGV: seconds the keys live, then per scan: ticket id, 'entry' or 'exit',
-- '1' if the show allows re-entry, the admission a first entry makes (scan id|epoch ms|device|gate).
-- A ticket's state: 0 never admitted, 1 admitted, then one more per exit or re-entry (odd inside, even left).
-- Returns {-1} before the show was loaded (nothing decided), else per scan: {1} admitted now (written, counted
-- inside); {0, state, first admission} an entry refused; {2, state, first admission} an exit or re-entry
-- PostgreSQL must confirm (nothing written here: only committed moves are, by apply_presence); {3, state} an exit
-- of a ticket not inside.
if redis.call('EXISTS', KEYS[3]) == 0 then
    return {-1}
end
local function scan(ticket, way, reentry, admission)
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
    if way == 'exit' then
        if inside then
            return {2, state, first}
        end
        return {3, state}
    end
    if state == 0 then
        redis.call('HSET', KEYS[1], ticket, admission)
        redis.call('HINCRBY', KEYS[3], 'in', 1)
        return {1}
    end
    if not inside and reentry == '1' then
        return {2, state, first}
    end
    return {0, state, first}
end
local replies = {}
for i = 2, #ARGV, 4 do
    replies[#replies + 1] = scan(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3])
end
for i = 1, 3 do
    redis.call('EXPIRE', KEYS[i], ARGV[1])
end
return replies
