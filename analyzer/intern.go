package analyzer

import (
	"hash/maphash"
	"slices"
	"sync"
)

// An audit of 10,000 generated services makes about 150,000 findings but
// only about 20,000 distinct messages, and fewer distinct paths and
// values: each finding kept its own copy of each, about 40 MB of the
// audit's 95 MB. The engine hands every finding's texts and path to one
// interner per audit, so findings that say the same thing share one copy;
// the copies a rule made are garbage at once, before the heap grows.

// interner keeps one copy of each distinct text and path of an audit's
// findings; it is safe for the concurrent checks of one audit.
type interner struct {
	seed   maphash.Seed
	shards [64]internShard
}

type internShard struct {
	mu    sync.Mutex
	texts map[string]string
	paths map[string]Path // by Path.String()
}

func newInterner() *interner { return &interner{seed: maphash.MakeSeed()} }

func (in *interner) shard(s string) *internShard {
	return &in.shards[maphash.String(in.seed, s)%uint64(len(in.shards))]
}

// text returns the one copy of s. A nil interner (a Subject built outside
// Audit) returns s.
func (in *interner) text(s string) string {
	if in == nil || s == "" {
		return s
	}
	sh := in.shard(s)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if c, ok := sh.texts[s]; ok {
		return c
	}
	if sh.texts == nil {
		sh.texts = map[string]string{}
	}
	sh.texts[s] = s
	return s
}

// path returns the one copy of p, whose text is str (p.String()). The
// copy's capacity is its length, so that appending to a shared path
// copies it rather than writing into another finding's.
func (in *interner) path(p Path, str string) Path {
	if in == nil || len(p) == 0 {
		return p
	}
	sh := in.shard(str)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if c, ok := sh.paths[str]; ok {
		return c
	}
	if sh.paths == nil {
		sh.paths = map[string]Path{}
	}
	c := slices.Clip(p)
	sh.paths[str] = c
	return c
}

// intern makes f share its texts and path with the audit's other findings.
// Its Path is Field written out (Flag makes every finding so), so the
// path is looked up by it.
func (in *interner) intern(f Finding) Finding {
	if in == nil {
		return f
	}
	f.Path = in.text(f.Path)
	f.Field = in.path(f.Field, f.Path)
	f.Value = in.text(f.Value)
	f.Message = in.text(f.Message)
	return f
}
