package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// Results come out in index order, each once, whatever the cores.
func TestOrderedEmitsInOrder(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		var calls atomic.Int32
		next := 0
		Ordered(n, func(i int) int { calls.Add(1); return i * i }, func(i, v int) bool {
			if i != next || v != i*i {
				t.Fatalf("n=%d: emitted (%d, %d), want (%d, %d)", n, i, v, next, next*next)
			}
			next++
			return true
		})
		if next != n || int(calls.Load()) != n {
			t.Errorf("n=%d: %d emitted, %d calls", n, next, calls.Load())
		}
	}
}

// Results wait for emit in a bounded window: never more started than
// emitted plus the window.
func TestOrderedBoundsWaitingResults(t *testing.T) {
	var started, emitted atomic.Int32
	window := int32(4 * runtime.GOMAXPROCS(0))
	Ordered(500, func(i int) int {
		if s := started.Add(1); s-emitted.Load() > window {
			t.Errorf("%d started, %d emitted", s, emitted.Load())
		}
		return i
	}, func(int, int) bool { emitted.Add(1); return true })
}

// emit returning false stops the emits; Ordered still returns.
func TestOrderedStops(t *testing.T) {
	got := 0
	Ordered(1000, func(i int) int { return i }, func(i, _ int) bool { got++; return i < 9 })
	if got != 10 {
		t.Errorf("%d emitted, want 10", got)
	}
}
