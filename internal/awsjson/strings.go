package awsjson

import (
	"hash/maphash"
	"sync"
)

// Strings shares one copy of each short string that Decoders decode: the
// documents of an estate repeat the same names, images, options and
// environment over and over (the generated 10,000-service fleet decodes
// 13 MB of strings of at most maxShared bytes, of which 2.3 MB are
// distinct). It is safe for the Decoders of several goroutines at once;
// drop it when the decoding is done, and the strings live on in what was
// decoded.
type Strings struct {
	seed   maphash.Seed
	shards [64]stringShard
}

type stringShard struct {
	mu sync.Mutex
	m  map[string]string
}

// maxShared is the length of the longest string shared: longer ones (ARNs,
// commands, descriptions) are seldom repeated, and each distinct string
// costs its map entry while the decoding lasts.
const maxShared = 64

// NewStrings returns an empty Strings.
func NewStrings() *Strings { return &Strings{seed: maphash.MakeSeed()} }

// shared returns the one copy of the string b holds, making it with
// newString (which copies b) the first time.
func (s *Strings) shared(b []byte, newString func([]byte) string) string {
	sh := &s.shards[maphash.Bytes(s.seed, b)%uint64(len(s.shards))]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if str, ok := sh.m[string(b)]; ok { // no allocation: the compiler looks up b's bytes
		return str
	}
	if sh.m == nil {
		sh.m = map[string]string{}
	}
	str := newString(b)
	sh.m[str] = str
	return str
}
