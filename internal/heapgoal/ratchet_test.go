package heapgoal

import (
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

const mib = 1 << 20

// While the live heap grows, the ratchet keeps the base percent: the heap
// grows by a quarter of it, as before.
func TestRatchetKeepsTheBaseWhileTheHeapGrows(t *testing.T) {
	r := &ratchet{base: 25}
	for _, live := range []uint64{400 * mib, 450 * mib, 600 * mib, 680 * mib} {
		if got := r.next(live); got != 25 {
			t.Errorf("next(%d MiB) = %d, want the base 25", live/mib, got)
		}
	}
}

// Once most of the live heap is let go (to half the highest goal or
// less), the heap may grow back to the highest goal already set less an
// eighth (850 MiB for 680 MiB live, less 106.25), at most doubling; a
// smaller fall keeps the base.
func TestRatchetUsesTheHeightAlreadyReached(t *testing.T) {
	r := &ratchet{base: 25}
	r.next(680 * mib) // goal 850 MiB, target 743.75 MiB
	if got := r.next(500 * mib); got != 25 {
		t.Errorf("500 MiB live under an 850 MiB goal: %d%%, want the base 25 (not fallen to half)", got)
	}
	if got := r.next(400 * mib); got != 85 {
		t.Errorf("400 MiB live under a 743.75 MiB target: %d%%, want 85", got)
	}
	if got := r.next(250 * mib); got != MaxPercent {
		t.Errorf("250 MiB live under a 743.75 MiB target: %d%%, want the most, %d", got, MaxPercent)
	}
	if got := r.next(0); got != 25 {
		t.Errorf("nothing live: %d%%, want the base", got)
	}
}

// Whatever the live heap does, the goal the ratchet sets is never above
// the highest goal the base percent has set so far, and never below the
// base percent's own goal: the peak does not rise, and no collection comes
// sooner than before.
func TestRatchetNeverRaisesThePeak(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 26))
	for _, base := range []int{25, 32, 66, 100} {
		r := &ratchet{base: base}
		var highest uint64
		for range 10000 {
			live := 1 + rng.Uint64N(2<<30)
			p := r.next(live)
			baseGoal := live + live*uint64(base)/100
			highest = max(highest, baseGoal)
			g := live + live*uint64(p)/100
			if g > max(baseGoal, highest-highest/Margin) {
				t.Fatalf("base %d%%, %d live: goal %d above the highest so far %d less its margin", base, live, g, highest)
			}
			if live > highest/Fall && p != base {
				t.Fatalf("base %d%%, %d live over 1/%d of the highest goal %d: %d%%, want the base", base, live, Fall, highest, p)
			}
			if p < base || p > MaxPercent {
				t.Fatalf("base %d%%, %d live: %d%%, outside [%d, %d]", base, live, p, base, MaxPercent)
			}
		}
	}
}

// In a process: after AfterLoad with about 136 MiB live, letting go of
// 96 MiB of it raises the collector's percent from the base (25) after the
// next collections, so the goal is well above what 25 % of 40 MiB gives.
func TestRatchetFollowsCollections(t *testing.T) {
	unsetCollectorEnv(t)
	kept := hold(40)
	dropped := hold(96)
	base := AfterLoad()
	if base < 25 || base > 34 {
		t.Fatalf("AfterLoad with about 136 MiB live set %d%%, want 25 to 34", base)
	}
	runtime.KeepAlive(dropped)
	dropped = nil
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		live := liveHeap()
		if g := goal(); g > live+live*6/10 {
			runtime.KeepAlive(kept)
			return
		}
	}
	t.Errorf("the goal stayed at %d MiB for %d MiB live: the ratchet did not follow the collections", goal()/mib, liveHeap()/mib)
	runtime.KeepAlive(kept)
}

func hold(n int) [][]byte {
	held := make([][]byte, n)
	for i := range held {
		held[i] = make([]byte, mib)
	}
	return held
}

// goal is the heap size at which the next collection starts.
func goal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
