package analyzer

import "unsafe"

// recentHandles is a check worker's cache in front of an audit's
// interner: the handle of the text (or path) last met in each slot. Most
// of a finding's texts are strings many findings share already (a rule's
// ID is a constant, a message and a path come from flagTexts, a value or
// container name from the loaded model's shared strings), so the slot is
// chosen by where the string's bytes are: a hit costs no hash of the
// bytes and no lock, where the interner takes both. A hit still compares
// the text (at once when the bytes are the same), so the cache holds
// only what the interner would answer: it changes no handle.
type recentHandles struct {
	in    *interner // whose handles these are; another audit's empties the cache
	texts [recentHandleSlots]recentHandle
	paths [recentHandleSlots]recentHandle // by the path's text
}

type recentHandle struct {
	s string
	h uint32
}

// recentHandleSlots is the size of each of the two tables (24 KiB each).
const recentHandleSlots = 1024

// forInterner readies c, if any, for in's handles.
func (c *recentHandles) forInterner(in *interner) {
	if c != nil && c.in != in {
		*c = recentHandles{in: in}
	}
}

// slotOf picks s's slot by the address and length of its bytes.
func slotOf(s string) uint32 {
	k := uint64(uintptr(unsafe.Pointer(unsafe.StringData(s)))) + uint64(len(s))
	return uint32((k * 0x9E3779B97F4A7C15) >> 54) // the top 10 bits: recentHandleSlots
}

// text is in.text(s), in being the interner c was readied for.
func (c *recentHandles) text(in *interner, s string) uint32 {
	if c == nil || s == "" {
		return in.text(s)
	}
	e := &c.texts[slotOf(s)]
	if e.s == s {
		return e.h
	}
	*e = recentHandle{s, in.text(s)}
	return e.h
}

// path is in.path(p, str), in being the interner c was readied for.
func (c *recentHandles) path(in *interner, p Path, str string) uint32 {
	if c == nil || str == "" {
		return in.path(p, str)
	}
	e := &c.paths[slotOf(str)]
	if e.s == str {
		return e.h
	}
	*e = recentHandle{str, in.path(p, str)}
	return e.h
}
