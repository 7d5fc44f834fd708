package discover

import (
	"context"
	"sync/atomic"

	"github.com/aws/smithy-go/middleware"
)

// attemptsKey marks a call's context with its attempt counter, so the
// middleware below can tell a first attempt from a retry.
type attemptsKey struct{}

func withAttemptCounter(ctx context.Context) context.Context {
	return context.WithValue(ctx, attemptsKey{}, new(atomic.Int32))
}

// countRetries is an SDK option that runs after the retry middleware, so
// once per attempt: every attempt after a call's first is a retry, added
// to the progress count.
func countRetries(prog *progress) func(*middleware.Stack) error {
	return func(st *middleware.Stack) error {
		return st.Finalize.Add(middleware.FinalizeMiddlewareFunc("ecs2fargateCountRetries",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				if n, ok := ctx.Value(attemptsKey{}).(*atomic.Int32); ok && n.Add(1) > 1 {
					prog.retried()
				}
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
	}
}
