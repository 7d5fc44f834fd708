package heapgoal

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 0},
		{Threshold - 1, 0}, // small estates keep the default
		{Threshold, 100},   // 32 MiB of headroom on 32 MiB: the default
		{64 << 20, 50},     // 32 MiB of headroom on 64 MiB
		{48 << 20, 66},     // and on 48 MiB
		{128 << 20, 25},    // a quarter from here on
		{4 << 30, 25},      // however large
		{100 << 20, 32},    // 32 MiB on 100 MiB
		{MinHeadroom * Fraction, 25},
	} {
		if got := Percent(c.live); got != c.want {
			t.Errorf("Percent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// A user's GOGC (or GOMEMLIMIT) is theirs: AfterLoad leaves the collector
// alone.
func TestUserSettingWins(t *testing.T) {
	t.Setenv("GOGC", "100")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	if got := AfterLoad(); got != 0 {
		t.Errorf("AfterLoad with GOGC set changed the collector to %d%%", got)
	}
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "1GiB")
	if got := AfterLoad(); got != 0 {
		t.Errorf("AfterLoad with GOMEMLIMIT set changed the collector to %d%%", got)
	}
}

// A process whose live heap is under the threshold (this test's) keeps
// the default.
func TestSmallHeapKeepsTheDefault(t *testing.T) {
	unsetCollectorEnv(t)
	if got := AfterLoad(); got != 0 {
		t.Errorf("AfterLoad on a small heap set %d%%", got)
	}
}

// With a large live heap (here 96 MiB held across the call) the collector
// is set from what the collection after loading found live.
func TestLargeHeapLowersTheGrowth(t *testing.T) {
	unsetCollectorEnv(t)
	held := make([][]byte, 96)
	for i := range held {
		held[i] = make([]byte, 1<<20)
	}
	got := AfterLoad()
	runtime.KeepAlive(held)
	if got < 25 || got > 34 {
		t.Errorf("AfterLoad with about 96 MiB live set %d%%, want 25 to 34 (32 MiB of headroom)", got)
	}
	if now := debug.SetGCPercent(100); now != got {
		t.Errorf("the collector is at %d%%, AfterLoad said %d%%", now, got)
	}
}

// unsetCollectorEnv clears GOGC and GOMEMLIMIT for the test and puts the
// collector's percent back as it was when the test ends.
func unsetCollectorEnv(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	t.Cleanup(func() {
		active.Store(nil)
		debug.SetGCPercent(before)
	})
}
