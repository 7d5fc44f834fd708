package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// allocate splits the cluster's EC2 cost over its services by the weighted
// capacity their running tasks reserve (cpuWeight per vCPU, 1 per GB), and
// leaves the unreserved remainder as idle. Idle is computed as the
// remainder, so services plus idle always equal the cluster cost exactly.
func (m *model) allocate(cc *ClusterCost, services []*ServiceCost, capacity resources) {
	capUnits := cc.units(capacity)
	reserved := decimal.Zero
	var unknown []string
	for _, s := range services {
		if !s.reserved.known {
			unknown = append(unknown, s.Service)
			continue
		}
		reserved = reserved.Add(cc.units(s.reserved))
	}
	if len(unknown) == 0 && capUnits.IsPositive() {
		cc.Utilization, cc.UtilizationKnown = reserved.Div(capUnits), true
	}
	denom := capUnits
	if reserved.GreaterThan(capUnits) {
		denom = reserved
		cc.Notes = append(cc.Notes, "running tasks reserve more than the registered capacity (inputs from different moments?); idle taken as zero")
	}
	cc.Idle = cc.EC2
	for _, s := range services {
		switch {
		case !cc.EC2.Known():
			s.EC2 = cc.EC2
		case !s.reserved.known:
			s.EC2 = Unknown(fmt.Sprintf("reservation of %s/%s unknown: its task definition is not among the inputs", s.Cluster, s.Service))
		case denom.IsZero():
			s.EC2 = Zero
		default:
			s.EC2 = cc.EC2.Mul(cc.units(s.reserved).Div(denom))
		}
		cc.Idle = cc.Idle.Sub(s.EC2)
	}
	if denom.IsZero() && len(services) > 0 && cc.EC2.Known() {
		cc.Notes = append(cc.Notes, "no registered capacity and no reservations: the whole EC2 cost is idle")
	}
}

// units is the weighted size of r: cpuWeight × vCPU + GB.
func (cc *ClusterCost) units(r resources) decimal.Decimal {
	vcpu := decimal.NewFromInt(r.cpu).Mul(perUnit)
	gb := decimal.NewFromInt(r.mem).Mul(perUnit)
	return cc.CPUWeight.Mul(vcpu).Add(gb)
}

// breakeven is the utilization u at which EC2 costs what Fargate on-demand
// does. EC2's cost per reserved unit is EC2 / (U × capacity); packed to u it
// would cost EC2 × U / u for the same tasks, which equals Fargate F at
// u = EC2 × U / F.
func breakeven(cc *ClusterCost) *decimal.Decimal {
	f := cc.Fargate.OnDemand
	if !cc.EC2.Known() || !f.Known() || !f.Amount().IsPositive() || !cc.UtilizationKnown {
		return nil
	}
	u := cc.EC2.Amount().Mul(cc.Utilization).Div(f.Amount())
	return &u
}
