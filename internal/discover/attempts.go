package discover

import (
	"context"
	"sync/atomic"

	"github.com/aws/smithy-go/middleware"
	"golang.org/x/time/rate"
)

// attemptsKey marks a call's context with its attempts, so the middleware
// below can tell a first attempt from a retry.
type attemptsKey struct{}

// attempts counts one call's attempts and holds the bucket that paces it.
type attempts struct {
	n       atomic.Int32
	limiter *rate.Limiter
}

func withAttempts(ctx context.Context, l *rate.Limiter) context.Context {
	return context.WithValue(ctx, attemptsKey{}, &attempts{limiter: l})
}

// paceRetries is an SDK option that runs after the retry middleware, so
// once per attempt. Every attempt after a call's first is a retry: it is
// added to the progress count, and it waits for a token of the call's
// bucket like any request. Unpaced, a retry spends a token that the next
// paced request was counting on, which is throttled in turn and retried:
// one throttle under network jitter grows into a storm of them.
func paceRetries(prog *progress) func(*middleware.Stack) error {
	return func(st *middleware.Stack) error {
		return st.Finalize.Add(middleware.FinalizeMiddlewareFunc("ecs2fargatePaceRetries",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				if a, ok := ctx.Value(attemptsKey{}).(*attempts); ok && a.n.Add(1) > 1 {
					prog.retried()
					if a.limiter != nil {
						if err := a.limiter.Wait(ctx); err != nil {
							return middleware.FinalizeOutput{}, middleware.Metadata{}, err
						}
					}
				}
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
	}
}
