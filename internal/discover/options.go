package discover

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Target is one account's credentials; discovery reads it in each region.
type Target struct {
	// Account is the account ID, when known beforehand (used in messages).
	Account string
	Config  aws.Config
}

// Options scopes and paces a discovery.
type Options struct {
	Regions  []string // required
	Clusters []string // cluster names or ARNs; all clusters when empty
	// Concurrency is the number of requests in flight per account and
	// region (default 8).
	Concurrency int
	// Rate limits requests per account, region and service so that a run
	// stays under the API's throttling. The default, 19 per second with a
	// burst of 45, sits a little under ECS's read buckets (20 per second,
	// burst 50) so that network jitter does not tip requests into
	// throttling and cost retries.
	Rate Rate
	// MetricsDays is the window of CloudWatch utilisation to read per
	// service (0 skips CloudWatch).
	MetricsDays int
	// Now is the clock for the metrics window (time.Now when nil).
	Now func() time.Time
	// TaskDefinitions, when set, keeps task definition revisions by ARN
	// between sweeps: a revision found there is not read again, and one
	// read from AWS is put there (see TaskDefinitionCache).
	TaskDefinitions TaskDefinitionCache
	// Progress, when set, receives counts as discovery goes. Calls are
	// serialised (never two at once, from whichever goroutine did the work),
	// so the callback may keep state without a lock; it should return quickly.
	Progress func(Progress)
}

// Rate is a token bucket: Burst requests at once, then PerSecond. A Burst
// below 1 is taken as 1 (a bucket that holds no token would let no request
// through).
type Rate struct {
	Burst     int
	PerSecond float64
}

// Progress is a running count, for a progress line.
type Progress struct {
	Targets, TargetsDone int
	Clusters, Services   int
	Calls, Retries       int
	// Cached counts task definitions served by Options.TaskDefinitions
	// instead of a DescribeTaskDefinition call.
	Cached  int
	Elapsed time.Duration
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

func (o *Options) defaults() error {
	if len(o.Regions) == 0 {
		return fmt.Errorf("no region: pass --regions or set one in the AWS config")
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.Rate.PerSecond <= 0 {
		o.Rate = Rate{Burst: 45, PerSecond: 19}
	}
	o.Rate.Burst = max(o.Rate.Burst, 1)
	return nil
}
