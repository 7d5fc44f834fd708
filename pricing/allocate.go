package pricing

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// allocate splits the cluster's EC2 cost, as billed and under each
// option, over its services by the weighted capacity their running tasks
// reserve (cpuWeight per vCPU, 1 per GB), and leaves the unreserved
// remainder as idle. Idle is computed as the remainder, so services plus
// idle always equal the cluster cost exactly. Then it prices what each
// service costs after the move (after).
func (m *model) allocate(cc *ClusterCost, services []*ServiceCost, capacity resources) {
	capUnits := cc.units(capacity)
	reserved, stayBase := decimal.Zero, decimal.Zero
	var sum resources
	var unknown []string
	// units are each service's weighted reservation, worked out once.
	units := make([]decimal.Decimal, len(services))
	for i, s := range services {
		if !s.reserved.known {
			unknown = append(unknown, s.Service)
			continue
		}
		u := cc.units(s.reserved)
		units[i] = u
		reserved = reserved.Add(u)
		sum.cpu, sum.mem = sum.cpu+s.reserved.cpu, sum.mem+s.reserved.mem
		if !s.Daemon {
			stayBase = stayBase.Add(u)
		}
	}
	if len(unknown) == 0 && capUnits.IsPositive() {
		cc.Utilization, cc.UtilizationKnown = reserved.Div(capUnits), true
		cc.perResource(sum, capacity)
	}
	denom := capUnits
	if reserved.GreaterThan(capUnits) {
		denom = reserved
		cc.Notes = append(cc.Notes, "running tasks reserve more than the registered capacity (inputs from different moments?); idle taken as zero")
	}
	cc.Idle, cc.IdleSide = cc.EC2, cc.EC2Side
	costs := &ec2Amounts{ec2: cc.EC2, side: cc.EC2Side} // what the services' shares are fractions of
	for i, s := range services {
		switch {
		case !s.reserved.known:
			u := UnknownFill(fmt.Sprintf("reservation of %s/%s unknown: its task definition is not among the inputs", s.Cluster, s.Service), "add aws ecs describe-task-definition output")
			s.SetEC2(u, allOf(u))
		case denom.IsZero():
			s.SetEC2(Zero, allOf(Zero))
		default:
			s.shareOf(costs, units[i].Div(denom))
		}
		cc.Idle = cc.Idle.Sub(s.EC2())
		cc.IdleSide = cc.IdleSide.zip(s.EC2Side(), Money.Sub)
	}
	if denom.IsZero() && len(services) > 0 && cc.EC2.Known() {
		cc.Notes = append(cc.Notes, "no registered capacity and no reservations: the whole EC2 cost is idle")
	}
	if stayBase.IsZero() {
		stayBase = reserved
	}
	m.after(cc, services, units, stayBase, unknown)
}

// after sets each service's cost after the move under every option: a
// service that moves at its Fargate price, a DAEMON as the sidecars or
// managed feature that replace it, a service that stays at its stay cost;
// the cluster's after-move cost is their sum, and the commitment the move
// strands is the share of the committed hosts the staying services do not
// keep.
func (m *model) after(cc *ClusterCost, services []*ServiceCost, units []decimal.Decimal, stayBase decimal.Decimal, unknown []string) {
	cc.Fargate = allOf(Zero)
	stayUnits := decimal.Zero
	for i, s := range services {
		switch {
		case s.OnFargate:
			s.After = s.Fargate
			continue // on neither side: its cost does not change
		case s.StayReason != "":
			stay := stayShare(cc, s, units[i], stayBase, unknown)
			s.StayEC2 = stay(cc.EC2)
			after := cc.EC2Side.each(stay)
			s.After = &after
			stayUnits = stayUnits.Add(units[i])
		case s.Daemon:
			after := m.daemonAfter(s, services)
			s.After = &after
		default:
			s.After = s.Fargate
		}
		cc.Fargate = cc.Fargate.add(*s.After)
	}
	cc.Stranded = cc.committed
	if stayBase.IsPositive() && stayUnits.IsPositive() {
		cc.Stranded = cc.committed.Mul(one.Sub(stayUnits.Div(stayBase)))
	}
}

// stayShare gives what a service that cannot move costs on EC2 once the
// others have moved: the cluster's cost (ec2, as billed or under an option) × its
// reserved units ÷ all reserved units but the DAEMON services', i.e. its
// share plus the same fraction of idle and of the daemons that keep
// running on the hosts left. Its bare share would count the idle it
// leaves behind as saved: a cluster where nothing can move would then show
// its whole idle cost as a saving. This assumes the hosts left behind are
// packed as well as the cluster is now.
// It is a function of the cluster's cost, so that the share is divided
// out once for the six costs; units are s's reserved units (zero when
// unknown, then unknown is not empty).
func stayShare(cc *ClusterCost, s *ServiceCost, units, base decimal.Decimal, unknown []string) func(ec2 Money) Money {
	var fixed Money
	var share decimal.Decimal
	switch {
	case len(unknown) > 0:
		fixed = Unknown(fmt.Sprintf("cost of %s/%s on EC2 after the move unknown: the reservations of %s in cluster %s are unknown", s.Cluster, s.Service, strings.Join(unknown, ", "), cc.Cluster))
	case base.IsZero():
		fixed = Unknown(fmt.Sprintf("cost of %s/%s on EC2 after the move unknown: no running task of cluster %s reserves capacity to apportion it by", s.Cluster, s.Service, cc.Cluster))
	default:
		share = units.Div(base)
	}
	return func(ec2 Money) Money {
		switch {
		case !ec2.Known():
			return ec2
		case !fixed.Known():
			return fixed
		}
		return ec2.Mul(share)
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
// u = EC2 × U / F. It compares the services that move (their Fargate
// on-demand price) with the whole cluster, so it is computed only where
// every service moves.
func breakeven(cc *ClusterCost, services []*ServiceCost) *decimal.Decimal {
	f := Zero
	for _, s := range services {
		if !s.OnFargate {
			f = f.Add(s.Fargate.OnDemand)
		}
	}
	if !cc.EC2Side.OnDemand.Known() || !f.Known() || !f.Amount().IsPositive() || !cc.UtilizationKnown {
		return nil
	}
	u := cc.EC2Side.OnDemand.Amount().Mul(cc.Utilization).Div(f.Amount())
	return &u
}
