package awsjson

import (
	"hash/maphash"
	"sync"
)

// Strings shares one copy of each string that Decoders decode, up to
// maxShared bytes, and one *string pointing to it for the SDK's optional
// string fields: the documents of an estate repeat the same names,
// images, ARNs, options and environment over and over (the generated
// 20,000-service fleet decodes 1.06 million *string fields holding
// 166,000 distinct values). It is safe for the Decoders of several
// goroutines at once; drop it when the decoding is done, and the strings
// live on in what was decoded.
//
// A shared *string is shared between documents: nothing may write
// through a decoded *string (assign a new pointer to the field instead,
// as ptr.To and aws.String do). Nothing in this module does: the only
// writes through pointers to SDK values are the decoders' own, into
// values they have just allocated (see Decoder).
type Strings struct {
	seed   maphash.Seed
	shards [64]stringShard
}

type stringShard struct {
	mu sync.Mutex
	m  map[string]sharedString
}

// sharedString is the one copy of a string, and the one *string pointing
// to it once a pointer field has asked for it.
type sharedString struct {
	s string
	p *string
}

// maxShared is the length of the longest string shared: longer ones
// (commands, descriptions) are seldom repeated, and each distinct string
// costs its map entry while the decoding lasts.
const maxShared = maxBlockString

// NewStrings returns an empty Strings.
func NewStrings() *Strings { return &Strings{seed: maphash.MakeSeed()} }

// NewStringsFor returns an empty Strings with room for about distinct
// strings, so that its maps are not grown by rehashing what they hold
// (at 873,000 distinct strings, the load of 100,000 generated services,
// about a third of the time of their inserts).
func NewStringsFor(distinct int) *Strings {
	s := NewStrings()
	if perShard := distinct / len(s.shards); perShard > 0 {
		for i := range s.shards {
			s.shards[i].m = make(map[string]sharedString, perShard)
		}
	}
	return s
}

// shared returns the one copy of the string b holds, making it in dec's
// blocks (which copies b) the first time, and with ptr the one *string to
// it, likewise. h is maphash.Bytes(s.seed, b).
func (s *Strings) shared(dec *Decoder, b []byte, h uint64, ptr bool) sharedString {
	sh := &s.shards[h%uint64(len(s.shards))]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	e, ok := sh.m[string(b)] // no allocation: the compiler looks up b's bytes
	if ok && (e.p != nil || !ptr) {
		return e
	}
	if !ok {
		if sh.m == nil {
			sh.m = map[string]sharedString{}
		}
		e.s = dec.newString(b)
	}
	if ptr {
		e.p = dec.strings.next()
		*e.p = e.s
	}
	sh.m[e.s] = e
	return e
}
