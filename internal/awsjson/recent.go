package awsjson

import "hash/maphash"

// recentStrings is a Decoder's own cache in front of its Strings: the
// last string (and *string) met in each of its slots, chosen by the
// string's hash. Most strings a load decodes repeat one met shortly
// before (a region, a launch type, a log driver, an account's ARNs); a
// hit here is one hash and one comparison, where Strings takes a lock,
// hashes again for its map and probes it (9–14 % of an audit's CPU before
// this cache). A slot holds what Strings handed out, so a hit returns
// the same string and the same *string as Strings would: the cache
// changes no decoded value, only the time it takes.
type recentStrings [recentSlots]sharedString

// recentSlots is the cache's size: 96 KiB a Decoder, and a Decoder per
// loading worker.
const recentSlots = 4096

// sharedString returns the one copy of the string b holds and, with ptr,
// the one *string to it: from dec's cache, else from dec.Strings, which
// the cache then remembers.
func (dec *Decoder) sharedString(b []byte, ptr bool) sharedString {
	s := dec.Strings
	h := maphash.Bytes(s.seed, b)
	if dec.recent == nil {
		dec.recent = new(recentStrings)
	}
	// The shard is h's low bits: the slot takes others, so that the
	// strings of one shard spread over the cache.
	e := &dec.recent[(h>>8)%recentSlots]
	if e.s == string(b) && (e.p != nil || !ptr) {
		return *e
	}
	*e = s.shared(dec, b, h, ptr)
	return *e
}
