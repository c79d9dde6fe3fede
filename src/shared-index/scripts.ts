/**
 * The archive's Lua scripts. Redis runs a script whole, with nothing else in
 * between, and AOF logs its effects as one transaction: the archive's part
 * of an add or a removal (of a batch of documents) is all done or not at
 * all, under any number of writers, and the counts it changes (document
 * frequencies, reference shingles, live documents, references) are changed
 * by Redis itself, never read, changed and written back by a client. The
 * posting lists follow, a script per shard; until they are written the
 * documents are listed as pending (or removing), and a writer that dies in
 * between leaves them for the next connection to finish.
 *
 * Lists arrive as little-endian u32 strings, read with Redis's `struct`,
 * except the frequency counters of a removal: the last arguments, one each
 * ('#index', as BITFIELD takes it).
 * The fixed keys come first (see ArchiveKeys.fixed): 1 ids, 2 records,
 * 3 texts, 4 state, 5 frequency counters, 6 title shingles, 7 reference shingles,
 * 8 options (whose absence means the archive was dropped: a write then does nothing),
 * 9 pending, 10 removing. The posting lists live in shards of their own
 * (see keys.ts): their scripts touch one shard's lists each.
 */

const EACH_U32 = `
local function each_u32(s, f)
  for pos = 1, #s, 4 do f((struct.unpack('<I4', s, pos))) end
end
`;

/** Uncount a removed document: its counters, title shingles and reference shingles, by `delta`. */
const COUNT = `${EACH_U32}
local function count(first, titles, refs, delta)
  local args = {}
  local function flush()
    if #args > 0 then
      redis.call('BITFIELD', KEYS[5], 'OVERFLOW', 'SAT', unpack(args))
      args = {}
    end
  end
  local n = 0
  for i = first, #ARGV do
    args[n + 1] = 'INCRBY'
    args[n + 2] = 'u32'
    args[n + 3] = ARGV[i]
    args[n + 4] = delta
    n = n + 4
    if n >= 4000 then
      flush()
      n = 0
    end
  end
  flush()
  local function count_in(key, s)
    each_u32(s, function(h)
      if redis.call('HINCRBY', key, h, delta) <= 0 then redis.call('HDEL', key, h) end
    end)
  end
  count_in(KEYS[6], titles)
  count_in(KEYS[7], refs)
end
`;

/** Arguments of one document in {@link ADD_BATCH_SCRIPT}. */
export const ADD_BATCH_STRIDE = 8;

/**
 * Add a batch of documents to the archive's own keys, all or none: ids,
 * records, texts, counters, state; each document is also put in `pending`
 * until the writer has written its posting lists (POSTINGS_ADD_SCRIPT, one
 * per shard) and takes it out. KEYS: the fixed keys. ARGV: the number of
 * documents n; then for each, ADD_BATCH_STRIDE arguments: id, record, text
 * ('' when none), has text ('1'/'0'), anchor bits, title shingles, reference
 * shingles (u32 lists), reference ('1'/'0'); then the batch's frequency
 * counters as (counter, count) u32 pairs: the client adds up the counts of
 * one counter over the batch, which gives the counters one INCRBY per
 * document would give, with one BITFIELD operation per counter instead of
 * one per document (and Redis parses a few arguments, not tens of thousands).
 * Returns {0, d…} (the documents' numbers) when every document was added;
 * {1, k…} when the ids of documents k (1-based) are stored already: then
 * nothing was written, and the client sends the batch again without them;
 * {-2} when the archive was dropped.
 */
export const ADD_BATCH_SCRIPT = `${EACH_U32}if redis.call('EXISTS', KEYS[8]) == 0 then return {-2} end
local n = tonumber(ARGV[1])
local stride = ${ADD_BATCH_STRIDE}
local stored = {1}
for k = 1, n do
  if redis.call('HEXISTS', KEYS[1], ARGV[2 + (k - 1) * stride]) == 1 then stored[#stored + 1] = k end
end
if #stored > 1 then return stored end
local added = {0}
local bits = {}
local references = 0
for k = 1, n do
  local a = 2 + (k - 1) * stride
  local d = redis.call('HINCRBY', KEYS[4], 'next', 1) - 1
  redis.call('HSET', KEYS[1], ARGV[a], d)
  redis.call('HSET', KEYS[2], d, ARGV[a + 1])
  if ARGV[a + 3] == '1' then redis.call('HSET', KEYS[3], d, ARGV[a + 2]) end
  redis.call('SADD', KEYS[9], d)
  each_u32(ARGV[a + 5], function(h) redis.call('HINCRBY', KEYS[6], h, 1) end)
  each_u32(ARGV[a + 6], function(h) redis.call('HINCRBY', KEYS[7], h, 1) end)
  bits[ARGV[a + 4]] = (bits[ARGV[a + 4]] or 0) + 1
  if ARGV[a + 7] == '1' then references = references + 1 end
  added[#added + 1] = d
end
for b, count in pairs(bits) do redis.call('HINCRBY', KEYS[4], 'bits:' .. b, count) end
redis.call('HINCRBY', KEYS[4], 'live', n)
if references > 0 then redis.call('HINCRBY', KEYS[4], 'references', references) end
local counters = ARGV[2 + n * stride]
local args = {}
local m = 0
for pos = 1, #counters, 8 do
  local c, count = struct.unpack('<I4I4', counters, pos)
  args[m + 1] = 'INCRBY'
  args[m + 2] = 'u32'
  args[m + 3] = c * 32
  args[m + 4] = count
  m = m + 4
  if m >= 4000 then
    redis.call('BITFIELD', KEYS[5], 'OVERFLOW', 'SAT', unpack(args, 1, m))
    m = 0
  end
end
if m > 0 then redis.call('BITFIELD', KEYS[5], 'OVERFLOW', 'SAT', unpack(args, 1, m)) end
return added
`;

/**
 * Add members to posting lists of one shard. KEYS: the lists; ARGV: for
 * each, its new members (d × 32 + anchor bits) as a u32 list. Adding a
 * member twice changes nothing, so a repair may write what a writer wrote.
 */
export const POSTINGS_ADD_SCRIPT = `
for i = 1, #KEYS do
  local s = ARGV[i]
  local list = {}
  for pos = 1, #s, 4 do list[#list + 1] = (struct.unpack('<I4', s, pos)) end
  for from = 1, #list, 4000 do
    redis.call('SADD', KEYS[i], unpack(list, from, math.min(#list, from + 3999)))
  end
end
return #KEYS
`;

/** Take one member (ARGV[1]) out of posting lists of one shard (KEYS). */
export const POSTINGS_REMOVE_SCRIPT = `
for i = 1, #KEYS do redis.call('SREM', KEYS[i], ARGV[1]) end
return #KEYS
`;

/**
 * Remove one document from the archive's own keys, as read by the client:
 * its record moves to `removing` until the client has taken its member out
 * of its posting lists (POSTINGS_REMOVE_SCRIPT, one per shard). KEYS: the
 * fixed keys. ARGV: id, its document number as read, title shingles,
 * reference shingles, reference ('1'/'0'), anchor bits, then the frequency
 * counters (from its text; none when it has none). Returns 1 when removed,
 * 0 when the id is not stored, -1 when it now names another document (the
 * client reads again).
 */
export const REMOVE_SCRIPT = `${COUNT}
local d = redis.call('HGET', KEYS[1], ARGV[1])
if not d then return 0 end
if d ~= ARGV[2] then return -1 end
count(7, ARGV[3], ARGV[4], -1)
local record = redis.call('HGET', KEYS[2], d)
if record then redis.call('HSET', KEYS[10], d, record) end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], d)
redis.call('HDEL', KEYS[3], d)
local bits = 'bits:' .. ARGV[6]
if redis.call('HINCRBY', KEYS[4], bits, -1) <= 0 then redis.call('HDEL', KEYS[4], bits) end
redis.call('HINCRBY', KEYS[4], 'live', -1)
if ARGV[5] == '1' then redis.call('HINCRBY', KEYS[4], 'references', -1) end
return 1
`;

/**
 * The corpus statistics of one check's shingles, read in one call (the
 * arguments packed: a client spends more building thousands of small
 * arguments than Redis spends answering them). KEYS: state, frequency
 * counters, title shingles, reference shingles. ARGV: the shingles (u32
 * list), their two counters each (u32 list), the most anchor bits. Returns
 * the state's next, live, epoch and bits:0… fields; the counters, in order;
 * and per shingle its title count and reference count (false when none;
 * an empty list when no reference has any).
 */
export const STATISTICS_SCRIPT = `
local fields = {'next', 'live', 'epoch'}
for k = 0, tonumber(ARGV[3]) do fields[#fields + 1] = 'bits:' .. k end
local state = redis.call('HMGET', KEYS[1], unpack(fields))
local counts = {}
local got = 0
local args = {}
local n = 0
local function flush()
  if n == 0 then return end
  local values = redis.call('BITFIELD_RO', KEYS[2], unpack(args, 1, n))
  for i = 1, #values do counts[got + i] = values[i] end
  got = got + #values
  n = 0
end
local packed = ARGV[2]
for pos = 1, #packed, 4 do
  args[n + 1] = 'GET'
  args[n + 2] = 'u32'
  local a, b, c, d = string.byte(packed, pos, pos + 3)
  args[n + 3] = (a + b * 256 + c * 65536 + d * 16777216) * 32
  n = n + 3
  if n >= 6000 then flush() end
end
flush()
local shingles = {}
local m = 0
packed = ARGV[1]
for pos = 1, #packed, 4 do
  local a, b, c, d = string.byte(packed, pos, pos + 3)
  m = m + 1
  shingles[m] = a + b * 256 + c * 65536 + d * 16777216
end
local function counted(key)
  local out = {}
  if redis.call('EXISTS', key) == 0 then return out end
  for from = 1, m, 4000 do
    local values = redis.call('HMGET', key, unpack(shingles, from, math.min(m, from + 3999)))
    for i = 1, #values do out[from + i - 1] = values[i] end
  end
  return out
end
return {state, counts, counted(KEYS[3]), counted(KEYS[4])}
`;

/**
 * The postings of one check in one shard, read in one call. KEYS: band
 * buckets, peer anchor lists, reference anchor lists (as many as peer ones). ARGV: the
 * number of band keys, the anchor cap. Returns, per band key its members,
 * per peer anchor its members when at most the cap, else its length, and
 * per reference anchor its members.
 */
export const POSTINGS_SCRIPT = `
local bands = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local anchors = (#KEYS - bands) / 2
local out = {}
for i = 1, bands do out[i] = redis.call('SMEMBERS', KEYS[i]) end
for i = 1, anchors do
  local key = KEYS[bands + i]
  local n = redis.call('SCARD', key)
  if n > 0 and n <= cap then out[bands + i] = redis.call('SMEMBERS', key) else out[bands + i] = n end
end
for i = 1, anchors do out[bands + anchors + i] = redis.call('SMEMBERS', KEYS[bands + anchors + i]) end
return out
`;

/**
 * Create the archive or read what it was created with. KEYS: options,
 * state. ARGV: the options JSON, an epoch for a new archive. Returns the
 * stored options JSON.
 */
export const OPEN_SCRIPT = `
local stored = redis.call('GET', KEYS[1])
if stored then return stored end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'epoch', ARGV[2], 'next', 0, 'live', 0, 'references', 0)
return ARGV[1]
`;
