package analyzer

import (
	"hash/maphash"
	"slices"
	"sync"
)

// An audit of 10,000 generated services makes about 150,000 findings but
// only about 20,000 distinct messages, and fewer distinct paths and
// values. The engine hands every finding's texts and path to one interner
// per audit, which gives each distinct one a number; a finding is kept as
// those numbers (see Findings), so findings that say the same thing share
// one copy, and the copies a rule made are garbage at once.

// interner numbers the distinct texts and paths of an audit's findings; it
// is safe for the concurrent checks of one audit. A number is a handle:
// its shard in the low bits, its place in the shard plus one above them
// (0 is the empty text and the empty path). Once the
// checks are done, tables lays the shards end to end and gives each
// handle's place in them.
type interner struct {
	seed   maphash.Seed
	shards [internShards]internShard
}

const (
	internShardBits = 6
	internShards    = 1 << internShardBits
)

type internShard struct {
	mu        sync.Mutex
	textIndex map[string]uint32
	texts     []string
	pathIndex map[string]uint32 // by Path.String()
	paths     []Path
}

func newInterner() *interner { return &interner{seed: maphash.MakeSeed()} }

// textsPerSubject is about how many distinct texts an audit's findings
// hold a subject (task definition or service): 25,981 for the 16,700
// subjects of the generated 10,000-service fleet, 256,401 for 167,000 at
// 100,000. Distinct paths are a few dozen whatever the estate.
const textsPerSubject = 3 / 2.0

// newInternerFor is an interner whose shards have room for the texts of
// an audit of subjects subjects: grown from empty, a shard's map rehashed
// its entries again and again (a third of the interner's time inserting
// at 100,000 services).
func newInternerFor(subjects int) *interner {
	in := newInterner()
	perShard := int(float64(subjects)*textsPerSubject) / internShards
	if perShard == 0 {
		return in
	}
	for i := range in.shards {
		in.shards[i].textIndex = make(map[string]uint32, perShard)
		in.shards[i].texts = make([]string, 0, perShard)
	}
	return in
}

func (in *interner) shardOf(s string) (*internShard, uint32) {
	i := maphash.String(in.seed, s) % internShards
	return &in.shards[i], uint32(i)
}

// text returns the handle of s; the empty text's is 0 (see tables).
func (in *interner) text(s string) uint32 {
	if s == "" {
		return 0
	}
	sh, i := in.shardOf(s)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if h, ok := sh.textIndex[s]; ok {
		return h
	}
	if sh.textIndex == nil {
		sh.textIndex = map[string]uint32{}
	}
	h := uint32(len(sh.texts)+1)<<internShardBits | i
	sh.textIndex[s] = h
	sh.texts = append(sh.texts, s)
	return h
}

// path returns the handle of p, whose text is str, kept as the first path
// written str (p.String()); the empty path's is 0. The copy's capacity is
// its length, so that appending to a shared path copies it rather than
// writing into another finding's.
func (in *interner) path(p Path, str string) uint32 {
	if len(p) == 0 && str == "" {
		return 0
	}
	sh, i := in.shardOf(str)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if h, ok := sh.pathIndex[str]; ok {
		return h
	}
	if sh.pathIndex == nil {
		sh.pathIndex = map[string]uint32{}
	}
	h := uint32(len(sh.paths)+1)<<internShardBits | i
	sh.pathIndex[str] = h
	sh.paths = append(sh.paths, slices.Clip(p))
	return h
}

// tables lays the shards end to end: texts[0] is "" and paths[0] is the
// empty path, and remap turns a handle into its place there. The interner
// is spent afterwards.
func (in *interner) tables() (texts []string, pathTexts []string, paths []Path, remapText, remapPath func(uint32) uint32) {
	var textAt, pathAt [internShards]uint32
	nt, np := 1, 1
	for i := range in.shards {
		textAt[i], pathAt[i] = uint32(nt), uint32(np)
		nt += len(in.shards[i].texts)
		np += len(in.shards[i].paths)
	}
	texts = make([]string, 1, nt)
	pathTexts = make([]string, 1, np)
	paths = make([]Path, 1, np)
	for i := range in.shards {
		sh := &in.shards[i]
		texts = append(texts, sh.texts...)
		paths = append(paths, sh.paths...)
		// The index gives each path's text; lay it beside the path.
		pathTexts = pathTexts[:len(paths)]
		for str, h := range sh.pathIndex {
			pathTexts[pathAt[i]+h>>internShardBits-1] = str
		}
		*sh = internShard{}
	}
	remap := func(at *[internShards]uint32) func(uint32) uint32 {
		return func(h uint32) uint32 {
			if h == 0 {
				return 0
			}
			return at[h&(internShards-1)] + h>>internShardBits - 1
		}
	}
	return texts, pathTexts, paths, remap(&textAt), remap(&pathAt)
}
