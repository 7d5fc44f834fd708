package analyzer

import (
	"slices"
	"sync"
	"unsafe"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
)

// Every finding's path is built by at, and an audit has few distinct
// ones (52 at 100,000 generated services, against 1.3 million findings):
// a path made afresh for each finding was 78 MB of garbage at 100,000
// services, most of it dropped as soon as the finding was recorded (the
// audit's interner keeps one path per text). at therefore builds the
// steps in a reused buffer and hands out the path it made last for the
// same steps, from a small table per goroutine building paths (a
// pathScratch, pooled like Flag's). A path handed out is never written
// again, and its capacity is its length, so appending to it copies it:
// findings may share it as the interner's do already.

// pathScratch is what at reuses from one call to the next.
type pathScratch struct {
	steps  []fieldpath.Step
	recent [recentPathSlots]Path
}

// recentPathSlots is the size of a pathScratch's table (12 KiB): the
// distinct paths of one subject's rules, with room for their indices.
const recentPathSlots = 512

var pathScratches = sync.Pool{New: func() any { return &pathScratch{steps: make([]fieldpath.Step, 0, 16)} }}

// path is a path with steps' steps: the one in steps' slot when it holds
// the same steps, else a copy of steps kept there. steps is not kept.
func (sc *pathScratch) path(steps []fieldpath.Step) Path {
	e := &sc.recent[slotOfSteps(steps)]
	if !slices.Equal(*e, steps) {
		*e = slices.Clip(slices.Clone(Path(steps)))
	}
	return *e
}

// slotOfSteps picks a slot by the steps' keys (where their bytes are:
// keys are mostly the rules' constants) and indices. Equal steps whose
// keys lie elsewhere may take another slot: a miss, never a wrong path,
// since path compares the steps.
func slotOfSteps(steps []fieldpath.Step) uint32 {
	k := uint64(len(steps))
	for i := range steps {
		st := &steps[i]
		k = k*0x100000001B3 ^ uint64(uintptr(unsafe.Pointer(unsafe.StringData(st.Key)))) ^ uint64(len(st.Key))<<48
		k = k*0x100000001B3 ^ uint64(st.Index)
		if st.IsIndex {
			k ^= 1 << 63
		}
	}
	return uint32((k * 0x9E3779B97F4A7C15) >> 55) // the top 9 bits: recentPathSlots
}
