// Package heapgoal tunes the garbage collector once the estate is loaded.
//
// Go's collector lets the heap grow to twice what was live at the end of
// the previous collection (GOGC=100) before it collects again. After
// loading, most of what is live is the fleet model, which stays until the
// command ends: at GOGC=100 a 740 MB model of 100,000 services lets the
// heap reach about 1.5 GB of which half is garbage waiting to be
// collected. Once loaded, the heap is therefore allowed to grow by a
// quarter of the live heap (at least MinHeadroom) instead of doubling: a
// collection then marks the model more often, which costs CPU in
// proportion to what the audit allocates, not to the estate. When the
// command later lets go of most of its heap, the heap may grow back to
// the highest goal that rule has set (ratchet), so the smaller live heap
// is not marked as often for nothing.
//
// A user's own GOGC or GOMEMLIMIT wins: with either set, nothing changes.
// https://go.dev/doc/gc-guide explains both settings.
package heapgoal

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

const (
	// Threshold is the live heap under which nothing changes: under
	// MinHeadroom, the default lets the heap grow by less than
	// MinHeadroom anyway. (It was 64 MiB, which left the model of 10,000
	// services alone once loading kept it under 64 MiB: its heap then
	// doubled as the audit grew it, and peaked higher than before.)
	Threshold = MinHeadroom
	// MinHeadroom is the least the heap may grow between collections.
	MinHeadroom = 32 << 20
	// Fraction is the headroom as a fraction of the live heap (1/Fraction).
	Fraction = 4
)

// AfterLoad collects the garbage that loading left and, when the live heap
// is large, lowers the collector's growth to a quarter of it. It returns
// the GC percent it set, or 0 when it left the setting alone.
func AfterLoad() int {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	runtime.GC()
	live := liveHeap()
	percent := Percent(live)
	if percent == 0 {
		return 0
	}
	debug.SetGCPercent(percent)
	r := &ratchet{base: percent, loaded: live}
	r.next(live)
	active.Store(r)
	r.watch()
	return percent
}

// Percent is the GC percent for a live heap of live bytes: the headroom
// (a quarter of live, at least MinHeadroom) as a percentage of live, or 0
// (leave the default) under Threshold.
func Percent(live uint64) int {
	if live < Threshold {
		return 0
	}
	headroom := max(live/Fraction, MinHeadroom)
	return int(min(100, max(1, 100*headroom/live)))
}

// liveHeap is the heap the last collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
