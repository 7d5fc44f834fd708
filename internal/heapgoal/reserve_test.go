package heapgoal

import (
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"testing"
)

// Under a floor the goal is the floor (400 MiB loaded, 260 MiB reserved:
// 660 MiB); once the live heap passes it, the quarter rule again; the
// percent stays between the base and MaxPercent.
func TestReservedFloorThenTheQuarterRule(t *testing.T) {
	r := &ratchet{base: 25, loaded: 400 * mib, floor: 660 * mib}
	for _, c := range []struct {
		live uint64
		want int
	}{
		{400 * mib, 65},  // 660 = 400 × 1.65
		{550 * mib, 25},  // 660 is only 20 % over 550: the base's 25 % is more
		{500 * mib, 32},  // 660 = 500 × 1.32
		{700 * mib, 25},  // past the floor
		{200 * mib, 100}, // a fall: the floor would be 230 %, at most MaxPercent
	} {
		if got := r.afterCollection(c.live); got != c.want {
			t.Errorf("%d MiB live: %d%%, want %d", c.live/mib, got, c.want)
		}
	}
	// Without a floor, afterCollection is next.
	plain, same := &ratchet{base: 25}, &ratchet{base: 25}
	rng := rand.New(rand.NewPCG(8, 12))
	for range 1000 {
		live := 1 + rng.Uint64N(2<<30)
		if a, b := plain.afterCollection(live), same.next(live); a != b {
			t.Fatalf("%d live: %d%% with no floor, next gives %d%%", live, a, b)
		}
	}
}

// The goal with a floor is never above the floor or the ratchet's own
// goal, whichever is higher: Reserve adds nothing past what it was told.
func TestReservedFloorBoundsTheGoal(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 27))
	for range 10000 {
		floor := 1 + rng.Uint64N(2<<30)
		r, own := &ratchet{base: 25, floor: floor}, &ratchet{base: 25}
		live := 1 + rng.Uint64N(2<<30)
		p, q := r.afterCollection(live), own.next(live)
		g, ownGoal := live+live*uint64(p)/100, live+live*uint64(q)/100
		if g > max(floor, ownGoal) || p < q {
			t.Fatalf("floor %d, %d live: goal %d (%d%%), the ratchet's own %d (%d%%)", floor, live, g, p, ownGoal, q)
		}
	}
}

// In a process: after AfterLoad with about 136 MiB live, Reserve of 100
// MiB sets the goal to about 236 MiB at once; without AfterLoad's setting
// (a user's GOGC), Reserve changes nothing.
func TestReserveRaisesTheGoalAfterLoad(t *testing.T) {
	unsetCollectorEnv(t)
	kept := hold(136)
	if base := AfterLoad(); base == 0 {
		t.Fatal("AfterLoad left the collector alone with 136 MiB live")
	}
	before := goal()
	Reserve(100 * mib)
	after, want := goal(), liveHeap()+100*mib
	if after < want-want/20 || after > want+want/20 {
		t.Errorf("goal %d MiB after Reserve (%d MiB before), want about %d MiB", after/mib, before/mib, want/mib)
	}
	runtime.KeepAlive(kept)

	active.Store(nil)
	debug.SetGCPercent(100)
	Reserve(100 * mib)
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("Reserve with no AfterLoad setting changed the percent to %d", p)
	}
}
