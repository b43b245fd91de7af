-- Writes states PostgreSQL committed into a show's Redis copy (ADR 0024): after a scan's transaction, and when a
-- show is loaded. KEYS: the show's admitted hash, presence hash, counts hash. ARGV: seconds the keys live, '1' on
-- the last chunk of a load, then triplets: ticket id, its admission ('' if not known), its state. An admission
-- already there is kept; a state is only ever raised (states grow with each move), so writes in any order, twice,
-- or racing a load end the same. While the show is loaded (counts present) every change is counted; the last
-- chunk of a load into a show not loaded counts the whole copy and marks the show loaded.
local loaded = redis.call('EXISTS', KEYS[3]) == 1

local function state_of(ticket)
    local moved = redis.call('HGET', KEYS[2], ticket)
    if moved then
        return tonumber(moved)
    end
    if redis.call('HEXISTS', KEYS[1], ticket) == 1 then
        return 1
    end
    return 0
end

local function place(state)
    if state % 2 == 1 then
        return 1, 0
    elseif state >= 2 then
        return 0, 1
    end
    return 0, 0
end

for i = 3, #ARGV, 3 do
    local ticket, admission, state = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
    local before = state_of(ticket)
    if admission ~= '' then
        redis.call('HSETNX', KEYS[1], ticket, admission)
    end
    if state >= 2 and state > before then
        redis.call('HSET', KEYS[2], ticket, state)
    end
    if loaded then
        local in0, out0 = place(before)
        local in1, out1 = place(state_of(ticket))
        if in1 ~= in0 then
            redis.call('HINCRBY', KEYS[3], 'in', in1 - in0)
        end
        if out1 ~= out0 then
            redis.call('HINCRBY', KEYS[3], 'out', out1 - out0)
        end
    end
end

if ARGV[2] == '1' and not loaded then
    local inside, left = 0, 0
    local moved = {}
    local states = redis.call('HGETALL', KEYS[2])
    for i = 1, #states, 2 do
        moved[states[i]] = true
        local state = tonumber(states[i + 1])
        if state % 2 == 1 then
            inside = inside + 1
        else
            left = left + 1
        end
    end
    for _, ticket in ipairs(redis.call('HKEYS', KEYS[1])) do
        if not moved[ticket] then
            inside = inside + 1
        end
    end
    redis.call('HSET', KEYS[3], 'in', inside, 'out', left)
end
for i = 1, 3 do
    if redis.call('EXISTS', KEYS[i]) == 1 then
        redis.call('EXPIRE', KEYS[i], ARGV[1])
    end
end
return 1
