package heapgoal

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

const (
	// MaxPercent is the most ratchet lets the heap grow between
	// collections: Go's default.
	MaxPercent = 100
	// Margin keeps the goal an eighth under the highest goal set so far
	// (1/Margin): the heap overshoots its goal while a collection marks
	// (by 14 MB at 850 MB, cost of 100,000 services, `GODEBUG=gctrace=1`),
	// and a heap that reached the old goal often would raise the peak by
	// that much.
	Margin = 8
	// Fall is how far the live heap must fall under the highest goal
	// (to 1/Fall of it) before ratchet acts: only a command that has let
	// go of most of its heap, not the ebb and flow of one step's garbage,
	// which would let the heap reach the margin more often near the peak.
	Fall = 2
)

// ratchet lets the heap grow back to the highest goal the quarter-of-live
// rule has already set, once what was live has been let go.
//
// A fixed percent makes the collector mark the live heap once for every
// quarter of it allocated: when a command lets go of most of its heap
// (cost lets go of the fleet model once priced, about 400 MB at 100,000
// services, and of the audit's findings once it has the verdicts), the
// smaller live heap is marked as often for what is allocated, and the
// heap stays far below the height it has already reached. The
// collections after a fall then cost CPU in proportion to the estate
// without lowering the peak; at 100,000 services they were 23 of the 35
// collections after loading (`GODEBUG=gctrace=1`). After every collection
// that finds the live heap fallen to half the highest goal or less (Fall),
// ratchet sets the percent that lets the heap grow back to nearly that
// height (less 1/Margin), at least the base percent and at most
// MaxPercent. The goal is never higher than the quarter-of-live rule
// would have set at some collection since loading, so the peak does not
// rise.
type ratchet struct {
	mu      sync.Mutex
	base    int    // the percent AfterLoad set
	highest uint64 // the highest goal the base percent has set since loading
	loaded  uint64 // the live heap after loading
	floor   uint64 // the goal Reserve allows until the heap holds more (0: none)
}

// afterCollection is the percent for the collection after one that found
// live bytes live: next's, raised to reach the floor while live is under it.
func (r *ratchet) afterCollection(live uint64) int {
	p := r.next(live)
	r.mu.Lock()
	defer r.mu.Unlock()
	if live == 0 || r.floor <= live {
		return p
	}
	return min(MaxPercent, max(p, int(100*(r.floor-live)/live)))
}

// next records a collection that found live bytes live and returns the
// percent for the next one.
func (r *ratchet) next(live uint64) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if live == 0 {
		return r.base
	}
	r.highest = max(r.highest, live+live*uint64(r.base)/100)
	if live > r.highest/Fall {
		return r.base
	}
	target := r.highest - r.highest/Margin
	p := 100 * (target - live) / live
	return int(min(MaxPercent, max(uint64(r.base), p)))
}

// active is the ratchet that sets the collector; AfterLoad replaces it,
// and one that is no longer active stops.
var active atomic.Pointer[ratchet]

// watch calls r.next after every collection, through a finalizer that
// arms itself again: the runtime offers no other callback on a
// collection's end. It runs on the finalizer goroutine, soon after the
// collection's sweep reaches the sentinel.
func (r *ratchet) watch() {
	s := &sentinel{r: r}
	runtime.SetFinalizer(s, func(s *sentinel) {
		if active.Load() != s.r {
			return
		}
		debug.SetGCPercent(s.r.afterCollection(liveHeap()))
		s.r.watch()
	})
}

// sentinel is the object whose collection marks a collection's end; it
// holds a pointer so that the tiny allocator, which may keep an object
// alive with its neighbours, does not take it.
type sentinel struct{ r *ratchet }
