package pricing

import "github.com/shopspring/decimal"

// ec2Share is a service's share of its cluster's EC2 cost, as billed and
// under each option's commitment. It holds the fraction of the cluster's
// reserved capacity the service reserves and works the six amounts out of
// the cluster's costs when they are asked for, instead of holding them:
// each of the six was a decimal with a big.Int of 20-odd digits behind it,
// about 460 bytes a service (some 45 MiB of 100,000 services' comparison,
// live until the report has written its cost document; issue 17). The
// cluster's costs are final before its services' shares are taken
// (allocate), and a product of the same decimals is the same decimal, so
// the amounts are those the comparison held before.
type ec2Share struct {
	// base are the cluster's EC2 costs the fraction applies to (shared by
	// its services, and not the whole ClusterCost, which the report lets
	// go of before its services), or the amounts themselves when scaled is
	// false; nil for a service in no cluster (a known zero).
	base     *ec2Amounts
	fraction decimal.Decimal
	scaled   bool
}

// ec2Amounts are an EC2 cost as billed and under each option.
type ec2Amounts struct {
	ec2  Money
	side Variants
}

// EC2 is the service's share of its cluster's EC2 cost (by reservation),
// as billed.
func (s *ServiceCost) EC2() Money {
	switch sh := &s.ec2; {
	case sh.base == nil:
		return Money{}
	case sh.scaled:
		return sh.base.ec2.Mul(sh.fraction)
	}
	return s.ec2.base.ec2
}

// EC2Side is the service's share of its cluster's EC2 cost under each
// option's commitment.
func (s *ServiceCost) EC2Side() Variants {
	switch sh := &s.ec2; {
	case sh.base == nil:
		return Variants{}
	case sh.scaled:
		return sh.base.side.times(sh.fraction)
	}
	return s.ec2.base.side
}

// EC2SideOption is one option of EC2Side, i in the order of
// Variants.List, without working out the other four.
func (s *ServiceCost) EC2SideOption(i int) Money {
	switch sh := &s.ec2; {
	case sh.base == nil:
		return Money{}
	case sh.scaled:
		return sh.base.side.List()[i].Mul(sh.fraction)
	}
	return s.ec2.base.side.List()[i]
}

// SetEC2 fixes the service's EC2 share as billed and under each option:
// an unknown or zero share, or a comparison made by hand (tests).
func (s *ServiceCost) SetEC2(ec2 Money, side Variants) {
	s.ec2 = ec2Share{base: &ec2Amounts{ec2: ec2, side: side}}
}

// shareOf makes the service's EC2 share the fraction f of the cluster's
// costs base.
func (s *ServiceCost) shareOf(base *ec2Amounts, f decimal.Decimal) {
	s.ec2 = ec2Share{base: base, fraction: f, scaled: true}
}
