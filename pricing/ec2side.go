package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// hostPrices prices one container instance, per month, as billed today
// (ic.Monthly) and under each Fargate option's own kind of commitment
// (ic.Side), so each option is compared like with like (docs/cost.md,
// "Like compared with like"):
//
//   - on-demand and ARM: the host at its on-demand rate;
//   - Spot: the hosts as they run (Spot hosts at the Spot price), against
//     Fargate Spot at the same share;
//   - Savings Plans: the host under an EC2 Compute Savings Plan of the
//     same term (the book's rate, unknown where it has none).
//
// A Reserved Instance or an EC2 Instance Savings Plan the user holds is
// paid whatever the option, so it prices the host under every option, and
// --ec2-discount overrides everything as it always has.
func (m *model) hostPrices(ic *InstanceCost, onDemand Money) {
	base := onDemand
	switch c := m.o.EC2Commitment; {
	case m.o.EC2Discount != nil:
		base = onDemand.Mul(one.Sub(*m.o.EC2Discount))
	case c.Strands():
		base = onDemand.Mul(one.Sub(c.Discount))
	}
	plan := func(t Term) Money {
		if m.o.EC2Discount != nil || m.o.EC2Commitment.Strands() {
			return base
		}
		return m.savingsPlanRate(ic, t)
	}
	bill := base
	if t := m.o.EC2Commitment.term(); t != "" && m.o.EC2Discount == nil {
		bill = plan(t)
	}
	spotSide := base
	if ic.Lifecycle == "spot" {
		bill = m.spotHost(onDemand, ic)
		spotSide = bill
	}
	ic.Hourly = bill
	ic.Side = Variants{OnDemand: base, Spot: spotSide, ARM: base, SavingsPlan1y: plan(Term1y), SavingsPlan3y: plan(Term3y)}
	ic.committed = Zero
	if m.o.EC2Commitment.Strands() && ic.Lifecycle != "spot" && m.o.EC2Discount == nil {
		ic.committed = base
	}
}

// savingsPlanRate is the book's EC2 Compute Savings Plan rate of ic's
// instance type for term t. A missing rate is one unknown amount per
// instance type, term and region, made once and shared by its instances
// (amounts are never modified): the generated estate lacks it for types
// that thousands of hosts run, and a reason a host was about 3 KB of a
// 10,000-service report (issue 17).
func (m *model) savingsPlanRate(ic *InstanceCost, t Term) Money {
	p := m.book.Price(ic.Region, ic.savingsPlanItem(t))
	if p.Known() {
		return p
	}
	key := missingRate{term: t, windows: ic.Windows, instanceType: ic.Type, region: ic.Region}
	m.mu.Lock()
	defer m.mu.Unlock()
	if u, ok := m.missingRates[key]; ok {
		return u
	}
	u := p.withReasonFor(ic, t)
	m.missingRates[key] = u
	return u
}

// missingRate names a missing EC2 Compute Savings Plan rate.
type missingRate struct {
	term                 Term
	windows              bool
	instanceType, region string
}

// withReasonFor names the instance type and term when an EC2 Savings Plan
// rate is missing, and how to fill it.
func (p Money) withReasonFor(ic *InstanceCost, t Term) Money {
	if p.Known() {
		return p
	}
	os := ""
	if ic.Windows {
		os = "Windows "
	}
	return UnknownFill(fmt.Sprintf("no EC2 Compute Savings Plan %s rate for %s%s in %s", termName(t), os, ic.Type, ic.Region), missingFill(ic.Region))
}

func termName(t Term) string {
	if t == Term3y {
		return "3-year"
	}
	return "1-year"
}

// spotHost is a Spot host's hourly price: on-demand less --ec2-spot-discount,
// else less the book's estimate.
func (m *model) spotHost(onDemand Money, ic *InstanceCost) Money {
	if m.o.EC2SpotDiscount != nil {
		return onDemand.Mul(one.Sub(*m.o.EC2SpotDiscount))
	}
	return discounted(onDemand, m.book.Defaults().EC2SpotDiscount, "EC2 Spot price of "+ic.Type+" in "+ic.Region)
}

// hostSpotShare is the share of the cluster's registered capacity (CPU
// units weighted as cost is split, plus MiB) on EC2 Spot hosts: the Spot
// share Fargate Spot is set against in the Spot column.
func (m *model) hostSpotShare(cl *fleet.Cluster) decimal.Decimal {
	cc := &ClusterCost{Region: m.clusterRegion(cl)}
	cc.CPUWeight = m.cpuWeight(cc)
	all, spot := decimal.Zero, decimal.Zero
	for _, ci := range cl.ContainerInstances {
		if ci.CI.Status != nil && *ci.CI.Status == "INACTIVE" {
			continue
		}
		cpu, mem := registered(ci.CI.RegisteredResources)
		u := cc.units(resources{cpu: int64(cpu), mem: int64(mem)})
		all = all.Add(u)
		if ci.Instance != nil && string(ci.Instance.EC2.InstanceLifecycle) == "spot" {
			spot = spot.Add(u)
		}
	}
	if all.IsZero() {
		return decimal.Zero
	}
	return spot.Div(all)
}
