// Package awslimits says which token bucket an AWS API call draws from and
// how large AWS documents that bucket, so that discovery paces itself and
// the in-repo fake throttles from one table.
package awslimits

// Rate is a token bucket: Burst requests at once (the bucket's maximum
// capacity), refilled at PerSecond (the sustained rate).
type Rate struct {
	Burst     int
	PerSecond float64
}

// Scaled multiplies the bucket's capacity and refill rate by f: a
// simulation that shrinks both by the same factor keeps AWS's shape (how
// many seconds of refill a full bucket holds) while an account and region
// of a few dozen services drains its buckets as a large one does at full
// size. The burst never drops below one token.
func (r Rate) Scaled(f float64) Rate {
	if f <= 0 || f == 1 {
		return r
	}
	return Rate{Burst: max(1, int(float64(r.Burst)*f)), PerSecond: r.PerSecond * f}
}

// Buckets are per account and Region: every AWS service below throttles
// "for each AWS account on a per-Region basis".
//
// ECS: "Amazon ECS uses the token bucket algorithm"; the read actions'
// example bucket (DescribeClusters) holds 50 tokens and refills at 20 per
// second. The fake and discovery give each ECS read action its own bucket
// of that size.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html
//
// EC2: "each API is evaluated individually"; a non-mutating action
// (Describe*) has a bucket of 100 tokens refilled at 20 per second, and an
// exhausted bucket answers RequestLimitExceeded.
// https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html
//
// ECR, Elastic Load Balancing, CloudWatch, STS and Organizations publish
// their read quotas per API in Service Quotas rather than as buckets; they
// are taken as ECS's read bucket (50, 20 per second), which is below what
// those services allow for the calls discovery makes (an assumption, so
// pacing errs on the slow side rather than on throttling).
var (
	ecsRead = Rate{Burst: 50, PerSecond: 20}
	ec2Read = Rate{Burst: 100, PerSecond: 20}
	other   = Rate{Burst: 50, PerSecond: 20}
)

// Bucket names the bucket a call of op (e.g. "DescribeServices") on
// service (the SigV4 signing name: "ecs", "ec2", "ecr",
// "elasticloadbalancing", "monitoring", "sts", "organizations") draws from,
// within one account and Region, and its documented size.
func Bucket(service, op string) (string, Rate) {
	switch service {
	case "ecs":
		return service + ":" + op, ecsRead
	case "ec2":
		return service + ":" + op, ec2Read
	}
	return service + ":" + op, other
}
