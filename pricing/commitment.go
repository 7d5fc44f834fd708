package pricing

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Commitment is what the user holds on their on-demand container instances
// today (--ec2-commitment). A Compute Savings Plan follows the workload to
// Fargate; an EC2 Instance Savings Plan or a Reserved Instance stays with
// the instance family and is stranded when the hosts are shut down
// (https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html).
type Commitment struct {
	// Kind is one of the Commitment* constants; "" is none.
	Kind string
	// Discount is the fraction off on-demand an Instance Savings Plan or a
	// Reserved Instance gives (a Compute Savings Plan's rate is the book's).
	Discount decimal.Decimal
}

// The commitment kinds --ec2-commitment accepts.
const (
	CommitmentNone        = ""
	CommitmentComputeSP1y = "compute-sp-1y"
	CommitmentComputeSP3y = "compute-sp-3y"
	CommitmentInstanceSP  = "instance-sp"
	CommitmentReserved    = "reserved"
)

// Strands reports whether the commitment is left paying for hosts the move
// shuts down.
func (c Commitment) Strands() bool {
	return c.Kind == CommitmentInstanceSP || c.Kind == CommitmentReserved
}

// term is the Compute Savings Plan term held, or "".
func (c Commitment) term() Term {
	switch c.Kind {
	case CommitmentComputeSP1y:
		return Term1y
	case CommitmentComputeSP3y:
		return Term3y
	}
	return ""
}

// String is the flag's spelling.
func (c Commitment) String() string {
	switch {
	case c.Kind == CommitmentNone:
		return "none"
	case c.Strands():
		return c.Kind + ":" + c.Discount.Mul(decimal.NewFromInt(100)).String()
	}
	return c.Kind
}

// ParseCommitment reads --ec2-commitment: none, compute-sp-1y,
// compute-sp-3y, instance-sp:PCT or reserved:PCT (PCT off on-demand,
// [0, 100)).
func ParseCommitment(s string) (Commitment, error) {
	kind, pct, hasPct := strings.Cut(strings.TrimSpace(s), ":")
	switch kind {
	case "", "none":
		if hasPct {
			break
		}
		return Commitment{}, nil
	case CommitmentComputeSP1y, CommitmentComputeSP3y:
		if hasPct {
			return Commitment{}, fmt.Errorf("--ec2-commitment %q: a Compute Savings Plan takes no percentage (its rates are the price book's)", s)
		}
		return Commitment{Kind: kind}, nil
	case CommitmentInstanceSP, CommitmentReserved:
		d, err := decimal.NewFromString(pct)
		if !hasPct || err != nil || d.IsNegative() || d.GreaterThanOrEqual(decimal.NewFromInt(100)) {
			return Commitment{}, fmt.Errorf("--ec2-commitment %q: want %s:PCT with PCT in [0, 100), the percentage off on-demand", s, kind)
		}
		return Commitment{Kind: kind, Discount: d.Div(decimal.NewFromInt(100))}, nil
	}
	return Commitment{}, fmt.Errorf("--ec2-commitment %q: want none, compute-sp-1y, compute-sp-3y, instance-sp:PCT or reserved:PCT", s)
}
