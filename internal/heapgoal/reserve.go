package heapgoal

import "runtime/debug"

// Under the quarter-of-live rule the collector marks the whole model
// each time the heap grows by a quarter of what is live, so what a command
// goes on to hold costs collections as it grows: an audit of 100,000
// services grew the live heap from 397 to about 690 MB (its verdicts, its
// findings' records and texts, the lookups its rules share), five
// collections of 450–690 MB after loading, about a fifth of its CPU.
// That growth is coming whatever the collector does, and the heap's peak
// is set at its end (a quarter over the most that is live). Reserve lets
// the heap first grow to the loaded heap plus what the command says it
// will hold before collecting, so that part of the growth costs one
// collection instead of several; past that floor the quarter rule holds
// as before. A floor under the live heap the command reaches leaves the
// peak where it was.

// Reserve says the command will hold about bytes more than the live heap
// after loading until it ends: until the live heap is that large, the
// heap may grow to it before the collector runs. It does nothing when
// AfterLoad left the collector alone (a small heap, or the user's own GOGC
// or GOMEMLIMIT).
func Reserve(bytes uint64) {
	r := active.Load()
	if r == nil {
		return
	}
	r.mu.Lock()
	r.floor = r.loaded + bytes
	r.mu.Unlock()
	debug.SetGCPercent(r.afterCollection(liveHeap()))
}
