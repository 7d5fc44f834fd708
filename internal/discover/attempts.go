package discover

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"
)

// attemptsKey marks a call's context with what paces its attempts.
type attemptsKey struct{}

// attempts is one call (reader.call): its bucket and how many attempts it
// has made.
type attempts struct {
	n     atomic.Int32
	pacer *pacer
	// first is set when reader.call took the first attempt's token
	// before building the request (see reader.call).
	first bool
	// answered is when the current attempt's response arrived (nil until
	// it does), taken before its body is decoded.
	answered atomic.Pointer[time.Time]
}

func withAttempts(ctx context.Context, a *attempts) context.Context {
	return context.WithValue(ctx, attemptsKey{}, a)
}

// throttles tells a throttling error from others, as the SDK's retryer
// does (its list of codes: ThrottlingException, RequestLimitExceeded,
// Throttling, …), so that the retryer and the pacer agree on what a
// throttle is.
var throttles = retry.IsErrorThrottles(retry.DefaultThrottles)

// paceAttempts is an SDK option that runs after the retry middleware and
// before the request is signed, so once per attempt. reader.call took the
// first attempt's token; every retry, after the SDK's backoff, waits for a
// token of its bucket like any request, and is added to the progress
// count. The pacer learns when each answer came and whether it was a
// throttle. Waiting before signing keeps a retry queued behind others
// from being signed long before it is sent.
func paceAttempts(prog *progress) func(*middleware.Stack) error {
	return func(st *middleware.Stack) error {
		if err := st.Deserialize.Add(answeredAt, middleware.After); err != nil {
			return err
		}
		return st.Finalize.Insert(middleware.FinalizeMiddlewareFunc("ecs2fargatePace",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				a, ok := ctx.Value(attemptsKey{}).(*attempts)
				if !ok {
					return next.HandleFinalize(ctx, in)
				}
				if n := a.n.Add(1); n > 1 || !a.first {
					if n > 1 {
						prog.retried()
					}
					if err := a.pacer.acquire(ctx); err != nil {
						return middleware.FinalizeOutput{}, middleware.Metadata{}, err
					}
				}
				a.answered.Store(nil)
				out, md, err := next.HandleFinalize(ctx, in)
				at := time.Now()
				if t := a.answered.Load(); t != nil {
					at = *t
				}
				a.pacer.done(at, err != nil && throttles.IsErrorThrottle(err) == aws.TrueTernary)
				return out, md, err
			}), "Retry", middleware.After)
	}
}

// answeredAt records when an attempt's response arrived, as the innermost
// step around the HTTP round trip: the pacer counts the request's token as
// taken then, and decoding the body (milliseconds for a page of services,
// more on a busy machine) need not count against the next request.
var answeredAt = middleware.DeserializeMiddlewareFunc("ecs2fargateAnsweredAt",
	func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
		out, md, err := next.HandleDeserialize(ctx, in)
		if a, ok := ctx.Value(attemptsKey{}).(*attempts); ok {
			now := time.Now()
			a.answered.Store(&now)
		}
		return out, md, err
	})
