package reports

import (
	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// optionCount is the number of purchase options (FargateAmounts.list).
const optionCount = 5

// with returns f with option i (in column order) set to a.
func (f FargateAmounts) with(i int, a Amount) FargateAmounts {
	p := []*Amount{&f.OnDemand, &f.Spot, &f.ARM, &f.SavingsPlan1y, &f.SavingsPlan3y}
	*p[i] = a
	return f
}

// minus subtracts option by option: f − o.
func (f FargateAmounts) minus(o FargateAmounts) FargateAmounts {
	a, b := f.list(), o.list()
	var out FargateAmounts
	for i := range a {
		out = out.with(i, a[i].minus(b[i]))
	}
	return out
}

// splitShares rounds a cluster cost's split over its services and idle
// with the largest remainder method, so the shares plus idle add up to the
// rounded cost to the cent; set receives each service's share. It returns
// the idle amount.
func splitShares(total, idle pricing.Money, services []*pricing.ServiceCost, share func(*pricing.ServiceCost) pricing.Money, set func(*pricing.ServiceCost, Amount)) Amount {
	known := total.Known() && idle.Known()
	parts := make([]decimal.Decimal, 0, len(services)+1)
	for _, s := range services {
		known = known && share(s).Known()
		parts = append(parts, share(s).Amount())
	}
	if !known {
		for _, s := range services {
			set(s, amountOf(share(s)))
		}
		return amountOf(idle)
	}
	flagged := len(total.Caveats()) > 0
	split := pricing.SplitCents(total.Amount(), append(parts, idle.Amount()))
	for i, s := range services {
		set(s, knownAmount(split[i], flagged))
	}
	return knownAmount(split[len(services)], flagged)
}

// roundStays rounds the stay costs (under one option) of the cluster's
// services that cannot move with the largest remainder method, beside the
// rest of the cluster's cost, so that where nothing moves they add up to
// the displayed EC2 cost and the saving shown is exactly 0.00.
func roundStays(ec2 pricing.Money, services []*pricing.ServiceCost, pick func(pricing.Variants) pricing.Money, set func(*pricing.ServiceCost, Amount)) {
	var stay []*pricing.ServiceCost
	rest := ec2
	for _, s := range services {
		if s.StayReason != "" && !s.OnFargate {
			stay = append(stay, s)
			rest = rest.Sub(pick(*s.After))
		}
	}
	if !rest.Known() || len(stay) == 0 {
		return
	}
	parts := make([]decimal.Decimal, 0, len(stay)+1)
	for _, s := range stay {
		parts = append(parts, pick(*s.After).Amount())
	}
	split := pricing.SplitCents(ec2.Amount(), append(parts, rest.Amount()))
	for i, s := range stay {
		set(s, knownAmount(split[i], len(pick(*s.After).Caveats()) > 0))
	}
}
