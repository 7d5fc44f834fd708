package discover

import (
	"context"
	"math/rand"
	"sort"
	"testing"
	"time"
)

// The model's clock is passed in, so nothing here depends on how fast the
// test runs.
var t0 = time.Unix(1_000_000, 0)

func at(d time.Duration) time.Time { return t0.Add(d) }

// Burst requests go at once, then one per 1/PerSecond.
func TestPacerLetsTheBurstGoThenPaces(t *testing.T) {
	p := newPacer(Rate{Burst: 2, PerSecond: 10})
	for i, want := range []time.Duration{0, 0} {
		if d, ok := p.delay(t0); !ok || d != want {
			t.Fatalf("request %d waits %v (ok %v), want %v", i+1, d, ok, want)
		}
		p.inflight++
		p.done(t0, false) // answered at once
	}
	if d, ok := p.delay(t0); !ok || d != 100*time.Millisecond {
		t.Errorf("third request waits %v (ok %v), want 100ms", d, ok)
	}
	if d, _ := p.delay(at(250 * time.Millisecond)); d != 0 {
		t.Errorf("after 250 ms the third request waits %v, want 0", d)
	}
}

// A request in flight holds its token until its answer, which is when
// AWS took it at the latest: with a bucket of one, the next request waits
// for the answer and then a whole refill interval.
func TestPacerCountsTheTokenTakenWhenTheAnswerArrives(t *testing.T) {
	p := newPacer(Rate{Burst: 1, PerSecond: 0.4}) // the simulation's ECS bucket
	if d, ok := p.delay(t0); !ok || d != 0 {
		t.Fatalf("first request waits %v (ok %v)", d, ok)
	}
	p.inflight++
	if _, ok := p.delay(at(10 * time.Second)); ok {
		t.Fatal("with the only token in flight, the next request can go by time alone")
	}
	p.done(at(300*time.Millisecond), false)
	if d, ok := p.delay(at(300 * time.Millisecond)); !ok || d != 2500*time.Millisecond {
		t.Errorf("after the answer at 300 ms the next waits %v (ok %v), want 2.5s", d, ok)
	}
}

// A throttle says AWS's bucket was empty: the model empties too, so the
// retry waits a refill interval from the throttle, however full the model
// was.
func TestPacerEmptiesOnAThrottle(t *testing.T) {
	p := newPacer(Rate{Burst: 5, PerSecond: 10})
	p.delay(t0)
	p.inflight++
	p.done(at(time.Millisecond), true)
	if d, ok := p.delay(at(time.Millisecond)); !ok || d != 100*time.Millisecond {
		t.Errorf("after a throttle the retry waits %v (ok %v), want 100ms", d, ok)
	}
}

// AWS's bucket as the fake and the ECS documentation describe it: a token
// is taken when a request arrives; refill stops at the capacity.
type serverBucket struct {
	r      Rate
	tokens float64
	last   time.Time
}

func (b *serverBucket) take(now time.Time) bool {
	b.tokens = min(float64(b.r.Burst), b.tokens+now.Sub(b.last).Seconds()*b.r.PerSecond)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// The property the sweep relies on: whatever the delays on the way to AWS
// and back (uneven, large against the refill interval), requests the
// pacer lets through are never throttled, and the bucket is used close to
// its rate. Simulated in virtual time: many requests wait at once; each
// goes when the model allows, reaches the bucket after a random delay and
// is answered after another.
func TestPacerIsNeverThrottledWhateverTheDelays(t *testing.T) {
	for _, r := range []Rate{{Burst: 1, PerSecond: 0.4}, {Burst: 45, PerSecond: 20}, {Burst: 3, PerSecond: 5}} {
		rng := rand.New(rand.NewSource(1))
		p := newPacer(r)
		server := &serverBucket{r: r, tokens: float64(r.Burst), last: t0}
		type flight struct{ arrive, answer time.Time }
		var inflight []flight
		now, sent, throttled := t0, 0, 0
		const requests = 400
		for sent < requests || len(inflight) > 0 {
			// Next event: an arrival, an answer, or the model's next token.
			next := time.Time{}
			for _, f := range inflight {
				for _, e := range []time.Time{f.arrive, f.answer} {
					if e.After(now) && (next.IsZero() || e.Before(next)) {
						next = e
					}
				}
			}
			if sent < requests {
				if d, ok := p.delay(now); ok && d == 0 {
					out := time.Duration(rng.ExpFloat64() * float64(30*time.Millisecond))
					back := time.Duration(rng.ExpFloat64() * float64(30*time.Millisecond))
					p.inflight++
					inflight = append(inflight, flight{now.Add(out), now.Add(out + back)})
					sort.Slice(inflight, func(i, j int) bool { return inflight[i].arrive.Before(inflight[j].arrive) })
					sent++
					continue
				} else if ok && (next.IsZero() || now.Add(d).Before(next)) {
					next = now.Add(d)
				}
			}
			now = next
			kept := inflight[:0]
			for _, f := range inflight {
				if f.arrive.Equal(now) && !server.take(now) {
					throttled++
				}
				if f.answer.Equal(now) {
					p.done(now, false)
					continue
				}
				kept = append(kept, f)
			}
			inflight = kept
		}
		if throttled > 0 {
			t.Errorf("%+v: %d of %d requests throttled", r, throttled, requests)
		}
		// The least time is (requests − burst) / rate; the pacer loses at
		// most the delays on the way back, 30 ms on average a request
		// when the bucket holds a single token.
		least := time.Duration(float64(requests-r.Burst) / r.PerSecond * float64(time.Second))
		if took := now.Sub(t0); took > least+least/10 {
			t.Errorf("%+v: %d requests took %v, least %v", r, requests, took, least)
		}
	}
}

// A request that stops waiting (its context ended) leaves the line, and
// the one behind it goes in its turn.
func TestPacerAcquireHonoursTheContext(t *testing.T) {
	p := newPacer(Rate{Burst: 1, PerSecond: 1000})
	if err := p.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() { errc <- p.acquire(ctx) }()
	time.Sleep(10 * time.Millisecond) // second in line, waiting for the answer
	cancel()
	if err := <-errc; err != context.Canceled {
		t.Fatalf("acquire after cancel: %v", err)
	}
	go func() { errc <- p.acquire(context.Background()) }()
	p.done(time.Now(), false)
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the request behind the cancelled one never went")
	}
}
