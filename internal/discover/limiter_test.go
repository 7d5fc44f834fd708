package discover

import (
	"testing"
	"time"
)

// The bucket lets Burst requests go at once, then one per 1/PerSecond. The
// clock is passed in, so nothing here depends on how fast the test runs.
func TestLimiterPacesAfterTheBurst(t *testing.T) {
	l := newLimiter(Rate{Burst: 2, PerSecond: 10})
	t0 := time.Unix(0, 0)
	l.SetLimitAt(t0, l.Limit()) // start the bucket's clock at t0, full
	for i, want := range []time.Duration{0, 0, 100 * time.Millisecond, 200 * time.Millisecond} {
		if got := l.ReserveN(t0, 1).DelayFrom(t0); got != want {
			t.Errorf("request %d waits %v, want %v", i+1, got, want)
		}
	}
}

// A burst of 0 hung the hand-written bucket for ever (no token ever
// reached 1); defaults takes it as 1, so the first request goes at once.
func TestRateWithBurstZeroStillLetsRequestsThrough(t *testing.T) {
	o := Options{Regions: []string{"us-east-1"}, Rate: Rate{Burst: 0, PerSecond: 5}}
	if err := o.defaults(); err != nil {
		t.Fatal(err)
	}
	if o.Rate.Burst != 1 {
		t.Fatalf("burst %d after defaults, want 1", o.Rate.Burst)
	}
	t0 := time.Unix(0, 0)
	l := newLimiter(o.Rate)
	l.SetLimitAt(t0, l.Limit())
	if r := l.ReserveN(t0, 1); !r.OK() || r.DelayFrom(t0) != 0 {
		t.Errorf("first request: ok %v, waits %v; want to go at once", r.OK(), r.DelayFrom(t0))
	}
}
