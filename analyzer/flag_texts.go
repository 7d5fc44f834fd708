package analyzer

import (
	"hash/maphash"
	"sync"
	"unsafe"
)

// Most findings say what others said already: an audit of 10,000
// services makes about 150,000 messages but 20,000 distinct ones, and
// fewer distinct paths. Flag writes each message and path into a reused
// buffer and takes the string from flagTexts, so a text already seen is
// not allocated again (the 22 MB of messages an audit of 10,000 services
// made and dropped were one collection of its heap in four).
var flagTexts = newTextCache()

// textCache hands out one string per distinct text. It is safe for
// concurrent use and bounded: a shard that fills is emptied, so a
// long-running process keeps at most textCacheShards×textsPerShard texts.
type textCache struct {
	seed   maphash.Seed
	shards [textCacheShards]textShard
}

// textsPerShard bounds a shard. An audit of 100,000 generated services
// flags about 256,000 distinct texts: at 1,024 a shard (65,536 in all)
// the shards filled, were emptied and filled again with copies of texts
// the audit's interner already held (43 MB of strings and maps), where at
// 8,192 (524,288 in all) they hold them all. The strings are the ones
// the audit keeps for its findings; what the cache adds is its maps,
// about 40 bytes a text.
const (
	textCacheShards = 64
	textsPerShard   = 8192
)

type textShard struct {
	mu sync.Mutex
	m  map[string]string
	_  [64 - unsafe.Sizeof(sync.Mutex{}) - unsafe.Sizeof(map[string]string(nil))]byte // a shard per 64-byte cache line: the checks run on every core
}

func newTextCache() *textCache { return &textCache{seed: maphash.MakeSeed()} }

// text is b as a string: the same string as an earlier call's for the
// same bytes while the cache keeps it. b is not kept.
func (c *textCache) text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return c.hashed(b, maphash.Bytes(c.seed, b))
}

// hashed is text(b), h being maphash.Bytes(c.seed, b).
func (c *textCache) hashed(b []byte, h uint64) string {
	sh := &c.shards[h%textCacheShards]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if s, ok := sh.m[string(b)]; ok {
		return s
	}
	if sh.m == nil || len(sh.m) >= textsPerShard {
		sh.m = make(map[string]string, 64)
	}
	s := string(b)
	sh.m[s] = s
	return s
}

// flagScratch is what Flag reuses from one call to the next: the buffer
// it writes a message and a path into, and the texts it met last, in
// front of flagTexts. Most texts Flag makes are one it made shortly
// before (a rule's path, its message for the same value), and a hit here
// is a comparison, where flagTexts takes a lock and probes a map of
// hundreds of thousands of texts (its lookups were 2 % of an audit of
// 100,000 services). A slot holds a string flagTexts handed out, so a
// hit gives the text flagTexts gave for those bytes.
type flagScratch struct {
	buf    []byte
	recent [recentFlagTexts]string
}

// recentFlagTexts is the number of a flagScratch's slots (8 KiB).
const recentFlagTexts = 512

// text is flagTexts.text(b), from the slot of b's hash when it holds b.
func (sc *flagScratch) text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	h := maphash.Bytes(flagTexts.seed, b)
	e := &sc.recent[(h>>8)%recentFlagTexts] // flagTexts's shard is h's low bits
	if *e == string(b) {
		return *e
	}
	*e = flagTexts.hashed(b, h)
	return *e
}

// flagScratches are Flag's scratches: one per goroutine flagging at once.
var flagScratches = sync.Pool{New: func() any { return &flagScratch{buf: make([]byte, 0, 256)} }}
