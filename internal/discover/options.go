package discover

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs2fargate/ecs2fargate/internal/awslimits"
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
	// Rate, when set, paces every API of every account and region with
	// this one bucket. Unset (the default), each API is paced by the bucket
	// AWS documents for it (internal/awslimits: ECS reads 50 at once then
	// 20 per second, EC2 reads 100 then 20), with 90 % of its capacity and
	// its full refill rate, counting each request's token as taken when its
	// answer arrives (see pacer), so that network jitter cannot tip
	// requests into throttling.
	Rate Rate
	// Scale multiplies the documented buckets' capacity and refill (a
	// simulation against a fake whose buckets are scaled alike); 1 when 0.
	Scale float64
	// AccountRegions is how many account-regions are read at once (default
	// 64). Each account-region has its own buckets, so more at once is
	// faster until the machine or the network is the bound; fewer holds
	// less in memory and fewer connections.
	AccountRegions int
	// Parts, when set, writes each account-region's snapshot as soon as it
	// is read, and with Parts.Resume takes finished ones from there instead
	// of reading them again (see PartDir).
	Parts *PartDir
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
type Rate = awslimits.Rate

// Discovery uses 90 % of each bucket's capacity at once, leaving the rest
// to whoever else reads the same account and region at the start of a
// sweep (a person in the console, another tool). Its refill rate is AWS's
// own: the pacer counts a request's token as taken when the answer
// arrives, the latest AWS can have taken it, so network jitter cannot make
// the pacer's bucket fuller than AWS's, and a margin on the rate would
// only lengthen every sweep.
const burstMargin = 0.9

// bucket is the bucket that paces op ("ecs:DescribeServices"), and its size.
func (o *Options) bucket(op string) (string, Rate) {
	if o.Rate.PerSecond > 0 {
		return op, o.Rate
	}
	service, action, _ := strings.Cut(op, ":")
	name, r := awslimits.Bucket(service, action)
	r = r.Scaled(o.Scale)
	r.Burst = max(1, int(float64(r.Burst)*burstMargin))
	return name, r
}

// Progress is a running count, for a progress line.
type Progress struct {
	Targets, TargetsDone int
	Clusters, Services   int
	Calls, Retries       int
	// Cached counts task definitions served by Options.TaskDefinitions
	// instead of a DescribeTaskDefinition call.
	Cached int
	// Resumed counts account-regions taken from Options.Parts (finished
	// by an earlier, interrupted sweep) instead of being read.
	Resumed int
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
	if o.AccountRegions <= 0 {
		o.AccountRegions = 64
	}
	o.Rate.Burst = max(o.Rate.Burst, 1)
	return nil
}
