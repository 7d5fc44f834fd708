package discover

import (
	"context"
	"sync"
	"time"
)

// limiter is a token bucket shared by all requests to one service in one
// account and region.
type limiter struct {
	mu     sync.Mutex
	rate   Rate
	tokens float64
	last   time.Time
}

func newLimiter(r Rate) *limiter {
	return &limiter{rate: r, tokens: float64(r.Burst), last: time.Now()}
}

// wait blocks until a request may go, or ctx ends.
func (l *limiter) wait(ctx context.Context) error {
	for {
		l.mu.Lock()
		now := time.Now()
		l.tokens = min(float64(l.rate.Burst), l.tokens+now.Sub(l.last).Seconds()*l.rate.PerSecond)
		l.last = now
		if l.tokens >= 1 {
			l.tokens--
			l.mu.Unlock()
			return nil
		}
		delay := time.Duration((1 - l.tokens) / l.rate.PerSecond * float64(time.Second))
		l.mu.Unlock()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
	}
}
