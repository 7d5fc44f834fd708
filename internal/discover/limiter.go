package discover

import "golang.org/x/time/rate"

// newLimiter makes the token bucket shared by all requests to one service
// in one account and region. golang.org/x/time/rate rather than a bucket of
// our own: it is tested, and Wait honours the context while it sleeps.
func newLimiter(r Rate) *rate.Limiter {
	return rate.NewLimiter(rate.Limit(r.PerSecond), r.Burst)
}
