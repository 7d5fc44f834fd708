package pricing

import (
	"fmt"
	"strings"

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
	for _, s := range services {
		if s.StayReason != "" {
			s.StayEC2 = stayCost(cc, s, reserved, unknown)
		}
	}
}

// stayCost is what a service that cannot move costs on EC2 once the others
// have moved: the cluster's cost × its reserved units ÷ all reserved units,
// i.e. its share plus the same fraction of idle. Its bare share would count
// the idle it leaves behind as saved: a cluster where nothing can move
// would then show its whole idle cost as a saving. This assumes the hosts
// left behind are packed as well as the cluster is now.
func stayCost(cc *ClusterCost, s *ServiceCost, reserved decimal.Decimal, unknown []string) Money {
	switch {
	case !cc.EC2.Known():
		return cc.EC2
	case len(unknown) > 0:
		return Unknown(fmt.Sprintf("cost of %s/%s on EC2 after the move unknown: the reservations of %s in cluster %s are unknown", s.Cluster, s.Service, strings.Join(unknown, ", "), cc.Cluster))
	case reserved.IsZero():
		return Unknown(fmt.Sprintf("cost of %s/%s on EC2 after the move unknown: no running task of cluster %s reserves capacity to apportion it by", s.Cluster, s.Service, cc.Cluster))
	}
	return cc.EC2.Mul(cc.units(s.reserved).Div(reserved))
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
