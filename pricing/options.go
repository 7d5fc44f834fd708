package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/rightsize"
)

// Options are the cost model's assumptions, from the cost command's flags.
type Options struct {
	// Region, when set, prices every resource there (a what-if); otherwise
	// each resource is priced in the region of its ARN, and DefaultRegion
	// is used for resources whose ARN names none.
	Region        string
	DefaultRegion string
	HoursPerMonth decimal.Decimal
	// SpotShare, when set, is the fraction of each Spot-suitable service's
	// tasks on Fargate Spot in the Spot column (a what-if); nil uses the
	// share of its cluster's capacity on EC2 Spot hosts, like for like.
	SpotShare *decimal.Decimal
	// EC2Discount, when set, is a flat fraction off on-demand for every
	// on-demand container instance under every option (the old override);
	// nil prices them by EC2Commitment and each option's commitment.
	EC2Discount *decimal.Decimal
	// EC2Commitment is what the user holds on their on-demand hosts today.
	EC2Commitment Commitment
	// EC2SpotDiscount is the fraction off on-demand for Spot container
	// instances; nil uses the price book's default (an estimate).
	EC2SpotDiscount *decimal.Decimal
	// FargateSpotDiscount is the fraction off on-demand used where the
	// book has no Fargate Spot price; nil uses the book's default (70 %).
	FargateSpotDiscount *decimal.Decimal
	// CPUWeight is how many GB of memory one vCPU is worth when an
	// instance's cost is split; nil uses the region's Fargate vCPU:GB price
	// ratio (about 9.1 in us-east-1).
	CPUWeight *decimal.Decimal
	// MemoryHeadroom is the percent added to memory before the Fargate size
	// is chosen, as the rewrite does.
	MemoryHeadroom int
	// Rightsize are the headrooms of the size measured from use, priced
	// beside the reservation size where CloudWatch data allow (nil: the
	// defaults).
	Rightsize *rightsize.Options
	// TaskStartsPerMonth is how often each task starts in a month (deploys,
	// scaling, replacements); 0 means unknown. It prices image pulls through
	// NAT.
	TaskStartsPerMonth int
	// StayOnEC2 names services (by StayKey) that stay on EC2 in the
	// like-for-like comparison whatever their size, with the reason (the
	// report passes the services the audit blocks). Services too large for
	// any Fargate task always stay.
	StayOnEC2 map[string]string
	// Daemons say, per DAEMON service (by StayKey), what the audit
	// recommends its work becomes on Fargate: a sidecar in each task of the
	// cluster's services, or a managed feature. A DAEMON service without a
	// plan is priced as a sidecar.
	Daemons map[string]DaemonPlan
}

// DaemonPlan is what a DAEMON service becomes on Fargate.
type DaemonPlan struct {
	// Feature names the managed feature that replaces it (Container
	// Insights, FireLens, …); empty means a sidecar in each task.
	Feature string
	// Why is the audit's reason, shown beside the figure.
	Why string
}

// DefaultOptions are the documented defaults of the cost command.
func DefaultOptions() Options {
	return Options{HoursPerMonth: decimal.NewFromInt(730)}
}

// Limits of the options, shown in errors.
var (
	MaxHoursPerMonth = decimal.NewFromInt(744) // 31 days
	MaxCPUWeight     = decimal.NewFromInt(1000)
)

// Validate rejects options the model cannot use, naming the valid range.
func (o Options) Validate() error {
	if !o.HoursPerMonth.IsPositive() || o.HoursPerMonth.GreaterThan(MaxHoursPerMonth) {
		return fmt.Errorf("hours per month %s is out of range (0, %s]", o.HoursPerMonth, MaxHoursPerMonth)
	}
	if o.SpotShare != nil {
		if err := fraction("spot share", *o.SpotShare, true); err != nil {
			return err
		}
	}
	if o.EC2Discount != nil {
		if err := fraction("EC2 discount", *o.EC2Discount, false); err != nil {
			return err
		}
		if o.EC2Commitment.Kind != CommitmentNone {
			return fmt.Errorf("--ec2-discount and --ec2-commitment cannot be combined: the discount overrides every commitment")
		}
	}
	if err := fraction("EC2 commitment discount", o.EC2Commitment.Discount, false); err != nil {
		return err
	}
	if o.EC2SpotDiscount != nil {
		if err := fraction("EC2 Spot discount", *o.EC2SpotDiscount, false); err != nil {
			return err
		}
	}
	if o.FargateSpotDiscount != nil {
		if err := fraction("Fargate Spot discount", *o.FargateSpotDiscount, false); err != nil {
			return err
		}
	}
	if o.CPUWeight != nil && (!o.CPUWeight.IsPositive() || o.CPUWeight.GreaterThan(MaxCPUWeight)) {
		return fmt.Errorf("CPU weight %s is out of range (0, %s]", o.CPUWeight, MaxCPUWeight)
	}
	if o.MemoryHeadroom < 0 || o.MemoryHeadroom > 100 {
		return fmt.Errorf("memory headroom %d%% is out of range [0, 100]", o.MemoryHeadroom)
	}
	if o.TaskStartsPerMonth < 0 || o.TaskStartsPerMonth > 1_000_000 {
		return fmt.Errorf("task starts per month %d is out of range [0, 1000000]", o.TaskStartsPerMonth)
	}
	return nil
}

// fraction checks v is in [0, 1] (or [0, 1) when a full discount would
// make something free, which no AWS discount does).
func fraction(name string, v decimal.Decimal, closed bool) error {
	if v.IsNegative() || v.GreaterThan(one) || !closed && v.Equal(one) {
		hi := "100)"
		if closed {
			hi = "100]"
		}
		return fmt.Errorf("%s %s%% is out of range [0, %s percent", name, v.Mul(decimal.NewFromInt(100)), hi)
	}
	return nil
}
