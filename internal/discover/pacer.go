package discover

import (
	"context"
	"sync"
	"time"
)

// pacer paces the requests of one API bucket in one account and region so
// that AWS never has to throttle them, and wastes as little of the bucket
// as it can.
//
// AWS's bucket (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html):
// each request takes one token when it reaches AWS; tokens are added at
// the refill rate while the bucket is below its capacity, and refill
// tokens that find it full are discarded. The client cannot see when a
// request reaches AWS, only that it was between sending it and reading
// its response. A bucket on the client that takes the token when the
// request is sent (golang.org/x/time/rate) is too optimistic when requests
// are delayed unevenly on their way (a request held up in the client's
// scheduler reaches AWS right before the next one): AWS then throttles the
// second, and the retry costs a whole refill interval.
//
// So the pacer models AWS's bucket pessimistically: a request that has
// been answered took its token at the moment its answer was read (the
// latest it can have), and a request in flight is counted as having taken
// its token already. Taking tokens later can only leave fewer in the
// bucket at any later moment (the bucket is capped), so the model never
// holds more tokens than AWS does, and a request the model lets through
// is never throttled by its own client's earlier requests. The price is
// the round trip of a request sent with the bucket full (the refill it
// would have earned meanwhile is counted as discarded): milliseconds
// against a refill interval of 50 ms (ECS reads) or more.
//
// A throttle means AWS's bucket was empty when the request arrived, so
// someone else (another tool, the console) spends the same bucket: the
// model empties at that moment and every request, the retry included,
// waits for the next token; the SDK's retryer backs off meanwhile
// (jittered exponential backoff,
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html),
// and the retry goes when both have waited.
//
// Requests are served in the order they asked (first come, first served),
// and only the first in line waits on a timer.
type pacer struct {
	rate Rate
	now  func() time.Time

	mu       sync.Mutex
	tokens   float64   // in the model, at last
	last     time.Time // when tokens was last brought up to date
	inflight int       // requests sent and not yet answered
	queue    []chan struct{}
}

func newPacer(r Rate) *pacer {
	r.Burst = max(r.Burst, 1)
	return &pacer{rate: r, now: time.Now, tokens: float64(r.Burst)}
}

// refill brings the model up to now (under p.mu).
func (p *pacer) refill(now time.Time) {
	if p.last.IsZero() {
		p.last = now
		return
	}
	if dt := now.Sub(p.last); dt > 0 {
		p.tokens = min(float64(p.rate.Burst), p.tokens+dt.Seconds()*p.rate.PerSecond)
		p.last = now
	}
}

// delay is how long a request asking now must wait for a token, given
// the requests in flight (each of which will take one); ok is false when
// only an answer can make room (the bucket's capacity is taken by the
// requests in flight).
func (p *pacer) delay(now time.Time) (d time.Duration, ok bool) {
	if p.rate.PerSecond <= 0 { // no rate given: not paced
		return 0, true
	}
	p.refill(now)
	need := float64(1+p.inflight) - p.tokens
	if need <= 0 {
		return 0, true
	}
	if float64(p.rate.Burst-p.inflight) < 1 {
		return 0, false
	}
	return time.Duration(need / p.rate.PerSecond * float64(time.Second)), true
}

// acquire waits for the request's turn and a token. Every acquire that
// returns nil is followed by one done (or cancel, if nothing was sent).
func (p *pacer) acquire(ctx context.Context) error {
	me := make(chan struct{}, 1)
	p.mu.Lock()
	p.queue = append(p.queue, me)
	for {
		var timer *time.Timer
		var fired <-chan time.Time
		if p.queue[0] == me {
			now := p.now()
			d, ok := p.delay(now)
			if ok && d <= 0 {
				p.inflight++
				p.queue = p.queue[1:]
				p.wakeHead()
				p.mu.Unlock()
				return nil
			}
			if ok {
				timer = time.NewTimer(d)
				fired = timer.C
			}
		}
		p.mu.Unlock()
		var err error
		select {
		case <-me:
		case <-fired:
		case <-ctx.Done():
			err = ctx.Err()
		}
		if timer != nil {
			timer.Stop()
		}
		if err != nil {
			p.mu.Lock()
			for i, w := range p.queue {
				if w == me {
					p.queue = append(p.queue[:i], p.queue[i+1:]...)
					break
				}
			}
			p.wakeHead()
			p.mu.Unlock()
			return err
		}
		p.mu.Lock()
	}
}

// done records the answer to a request sent after acquire, read at
// moment at: the request took its token then, unless AWS throttled it, in
// which case AWS's bucket was empty and the model empties too.
func (p *pacer) done(at time.Time, throttled bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refill(at)
	p.inflight--
	if throttled {
		p.tokens = min(p.tokens, 0)
	} else {
		p.tokens--
	}
	p.wakeHead()
}

// cancel gives back a token acquired for a request that was never sent.
func (p *pacer) cancel() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.inflight--
	p.wakeHead()
}

// wakeHead tells the first in line that something changed (under p.mu).
func (p *pacer) wakeHead() {
	if len(p.queue) > 0 {
		select {
		case p.queue[0] <- struct{}{}:
		default:
		}
	}
}
