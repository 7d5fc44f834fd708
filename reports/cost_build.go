package reports

import (
	"iter"
	"sort"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// NewCost assembles the cost report from a comparison. This is where the
// exact figures are rounded to cents, once, for display.
func NewCost(version string, cmp *pricing.Comparison, f *fleet.Fleet, diags []fleet.Diagnostic) *Cost {
	return NewCostOfInputs(version, cmp, f.Inputs, diags)
}

// NewCostOfInputs is NewCost for a caller that has let the fleet go: of
// the fleet, the report keeps only the list of inputs it was read from.
func NewCostOfInputs(version string, cmp *pricing.Comparison, inputs []string, diags []fleet.Diagnostic) *Cost {
	c := &Cost{
		SchemaVersion: CostSchemaVersion,
		Tool:          Tool{Name: "ecs2fargate", Version: version},
		Inputs:        nonNil(inputs),
		Assumptions:   costAssumptions(cmp.Assumptions),
		Diagnostics:   nonNil(diags),
		Clusters:      []ClusterCostRow{},
		services:      costServices{src: cmp.Services, split: make([]costSplit, len(cmp.Services))},
	}
	// Each service's split starts as its own row would (unknown EC2 share,
	// its own cost after the move); its cluster's rounding overwrites it.
	splits := make(map[*pricing.ServiceCost]*costSplit, len(cmp.Services))
	for i, s := range cmp.Services {
		c.services.split[i].setAfter(fargateAmounts(*s.After))
		splits[s] = &c.services.split[i]
	}
	byCluster := map[string][]*pricing.ServiceCost{}
	for _, s := range cmp.Services {
		k := clusterKey(s.Where(), s.Cluster)
		byCluster[k] = append(byCluster[k], s)
	}
	for _, cl := range cmp.Clusters {
		c.Clusters = append(c.Clusters, clusterRow(cl, byCluster[clusterKey(cl.Where(), cl.Cluster)], splits))
	}
	c.place = placeOf(costPlaces(c))
	c.Totals = costTotals(c, cmp.Total, likeForLikeRows(c, cmp, splits))
	c.Totals.UnknownParts = unknownParts(cmp, byCluster, c.place)
	c.Unknown = unknownReasons(cmp)
	return c
}

// serviceRow is s's row but for what its cluster's split decides (its
// EC2 shares and its cost after the move), which Cost.Service sets.
func serviceRow(s *pricing.ServiceCost) ServiceCostRow {
	r := ServiceCostRow{
		Account: s.Account, Cluster: s.Cluster, Service: s.Service, TaskDefinition: s.TaskDefinition, Region: s.Region, where: s.Where(),
		Platform: string(s.Platform), DesiredCount: s.DesiredCount, RunningCount: s.RunningCount,
		EphemeralStorageGiB: s.StorageGiB, ARMCondition: s.ARMCondition, OnFargate: s.OnFargate,
		FargateMonthly: fargateAmounts(*s.Fargate), SpotRisks: nonNil(s.SpotRisks), Deltas: deltaRows(s.Deltas),
		StaysOnEC2: s.StayReason, SpotShare: s.SpotShare.String(), SpotOnDemand: s.SpotOnDemand,
		TasksPriced: s.Tasks.String(), TasksFrom: s.TasksFrom,
	}
	if s.Daemon && s.StayReason == "" {
		r.Daemon = "a sidecar in each task"
		if s.DaemonPlan.Feature != "" {
			r.Daemon = s.DaemonPlan.Feature
		}
	}
	if s.Size.CPU > 0 {
		r.FargateSize = &TaskSize{CPU: s.Size.CPU, Memory: s.Size.Memory}
	}
	if rs := s.Rightsized; rs != nil {
		at, saving := fargateAmounts(rs.Fargate), fargateAmounts(rs.Saving)
		r.RightsizedSize = &TaskSize{CPU: rs.Size.CPU, Memory: rs.Size.Memory}
		r.FargateMonthlyRightsized, r.RightsizingSavingsMonthly, r.RightsizeFlags = &at, &saving, rs.Flags
		r.MeasuredUse = measuredUse(rs)
	}
	r.RightsizeWithheld = s.RightsizeWithheld
	missing, caveats := serviceCostNotes(s)
	r.Unknown, r.Caveats = nonNil(missing), nonNil(caveats)
	return r
}

// serviceCostNotes are why a service's amounts are unknown and their caveats:
// those of its cost after the move and on EC2, and of its Fargate prices
// unless it stays on EC2.
func serviceCostNotes(s *pricing.ServiceCost) (missing, caveats []string) {
	a, f := s.After, s.Fargate
	all := []pricing.Money{a.OnDemand, a.Spot, a.ARM, a.SavingsPlan1y, a.SavingsPlan3y, s.EC2()}
	if s.StayReason == "" {
		all = append(all, f.OnDemand, f.Spot, f.ARM, f.SavingsPlan1y, f.SavingsPlan3y)
	}
	return pricing.Notes(all...)
}

// savingsOf is what a service saves against its EC2 share (ec2Side) once
// it costs after: nothing when it is already on Fargate.
func savingsOf(onFargate bool, ec2Side, after FargateAmounts) FargateAmounts {
	if onFargate {
		return zeroFargate
	}
	return ec2Side.minus(after)
}

func fargateAmounts(v pricing.Variants) FargateAmounts {
	return FargateAmounts{amountOf(v.OnDemand), amountOf(v.Spot), amountOf(v.ARM), amountOf(v.SavingsPlan1y), amountOf(v.SavingsPlan3y)}
}

func deltaRows(ds []pricing.Delta) []DeltaRow {
	out := []DeltaRow{}
	for _, d := range ds {
		row := DeltaRow{Kind: d.Kind, Title: d.Title, Monthly: amountOf(d.Monthly), Note: d.Note}
		if m := d.Monthly.Missing(); len(m) > 0 {
			row.Unknown = m[0]
		}
		out = append(out, row)
	}
	return out
}

// clusterRow rounds the cluster's EC2 split with largest remainder so the
// service shares and idle add up to the cluster cost to the cent, and
// writes each service's share into its row. The cluster's Fargate figures
// are the sums of its services' displayed figures.
func clusterRow(cl *pricing.ClusterCost, services []*pricing.ServiceCost, rows map[*pricing.ServiceCost]*costSplit) ClusterCostRow {
	r := ClusterCostRow{
		Account: cl.Account, Cluster: cl.Cluster, Region: cl.Region, where: cl.Where(), Instances: []InstanceRow{},
		EC2Monthly: withPart(amountOf(cl.EC2), cl.EC2), IdleMonthly: amountOf(cl.Idle),
		CPUWeight: cl.CPUWeight.Round(4).String(), Notes: nonNil(cl.Notes), Deltas: deltaRows(cl.Deltas),
	}
	for _, ic := range cl.Instances {
		r.Instances = append(r.Instances, instanceRow(ic))
	}
	if cl.HostsAverage != nil {
		r.HostsPriced, r.HostsFrom = cl.HostsAverage.String(), cl.HostsFrom
	}
	r.IdleMonthly = splitShares(cl.EC2, cl.Idle, services, func(s *pricing.ServiceCost) pricing.Money { return s.EC2() },
		func(s *pricing.ServiceCost, a Amount) { rows[s].set(splitEC2, a) })
	for i := range optionCount {
		pick := func(v pricing.Variants) pricing.Money { return v.List()[i] }
		splitShares(pick(cl.EC2Side), pick(cl.IdleSide), services, func(s *pricing.ServiceCost) pricing.Money { return s.EC2SideOption(i) },
			func(s *pricing.ServiceCost, a Amount) {
				rows[s].set(splitEC2Side+i, a)
			})
		r.EC2ByOptionMonthly = r.EC2ByOptionMonthly.with(i, amountOf(pick(cl.EC2Side)))
		roundStays(pick(cl.EC2Side), services, pick, func(s *pricing.ServiceCost, a Amount) {
			rows[s].set(splitAfter+i, a)
		})
	}
	r.FargateMonthly = zeroFargate
	for _, s := range services {
		if !s.OnFargate { // see pricing's cluster sums
			r.FargateMonthly = r.FargateMonthly.plus(rows[s].after())
		}
	}
	r.SavingsMonthly = r.EC2ByOptionMonthly.minus(r.FargateMonthly)
	r.KnownPart = ClusterKnownPart{EC2Monthly: r.EC2Monthly.known(), FargateMonthly: FargateAmounts{}}
	for i, a := range r.FargateMonthly.list() {
		r.KnownPart.FargateMonthly = r.KnownPart.FargateMonthly.with(i, a.known())
	}
	r.StrandedMonthly = amountOf(cl.Stranded)
	r.EBSMonthly = amountOf(cl.EBS)
	r.Binding, r.BindingIdleMonthly = cl.Binding, amountOf(cl.BindingIdle)
	r.EC2Yearly, r.IdleYearly = r.EC2Monthly.times(12), r.IdleMonthly.times(12)
	r.FargateYearly, r.SavingsYearly = r.FargateMonthly.times(12), r.SavingsMonthly.times(12)
	if cl.UtilizationKnown {
		r.Utilization = decString(&cl.Utilization, 4)
		r.CPUUtilization, r.MemoryUtilization = decString(&cl.CPUUtilization, 4), decString(&cl.MemoryUtilization, 4)
	}
	r.BreakevenUtilization = decString(cl.Breakeven, 4)
	r.Unknown = nonNil(pricing.Sum(cl.EC2, cl.Idle).Missing())
	return r
}

// addSavingsAndYearly sets what the service saves against its EC2 share
// and the yearly figures. The share leaves idle capacity out (only moving
// the whole cluster saves that), so a cluster's saving is its services'
// savings plus its idle cost. A service already on Fargate saves nothing.
func (r *ServiceCostRow) addSavingsAndYearly() {
	r.SavingsMonthly = savingsOf(r.OnFargate, r.EC2ByOptionMonthly, r.AfterMoveMonthly)
	r.EC2Yearly, r.FargateYearly, r.SavingsYearly = r.EC2Monthly.times(12), r.FargateMonthly.times(12), r.SavingsMonthly.times(12)
}

func instanceRow(ic pricing.InstanceCost) InstanceRow {
	r := InstanceRow{ID: ic.ID, Type: ic.Type, Lifecycle: ic.Lifecycle, Region: ic.Region,
		CPU: ic.CPU, MemoryMiB: ic.MemoryMiB, Monthly: amountOf(ic.Monthly)}
	if ic.Hourly.Known() {
		s := ic.Hourly.Amount().String()
		r.Hourly = &s
	}
	return r
}

// costTotals sums the displayed cluster figures that are known, so the
// totals row adds up and one unknown cluster does not hide the others:
// EC2 now and idle over the clusters whose EC2 cost is known, and each
// option over the clusters where both its EC2 side and its cost after the
// move are known (the like-for-like scope, so the saving is the same
// figure everywhere). What is left out is in UnknownParts.
func costTotals(c *Cost, t pricing.Totals, l LikeForLikeRows) CostTotals {
	tot := CostTotals{EC2Monthly: zeroAmount, IdleMonthly: zeroAmount, StrandedMonthly: zeroAmount, LikeForLike: l}
	for _, cl := range c.Clusters {
		if cl.EC2Monthly.Known && cl.IdleMonthly.Known {
			tot.EC2Monthly = tot.EC2Monthly.plus(cl.EC2Monthly)
			tot.IdleMonthly = tot.IdleMonthly.plus(cl.IdleMonthly)
			tot.EC2Clusters++
		}
		if cl.StrandedMonthly.Known {
			tot.StrandedMonthly = tot.StrandedMonthly.plus(cl.StrandedMonthly)
		}
	}
	for i, o := range l.options() {
		tot.EC2ByOptionMonthly = tot.EC2ByOptionMonthly.with(i, o.row.EC2Monthly)
		tot.FargateMonthly = tot.FargateMonthly.with(i, o.row.FargateMonthly)
		tot.SavingsMonthly = tot.SavingsMonthly.with(i, o.row.SavingsMonthly)
	}
	tot.StrandedYearly = tot.StrandedMonthly.times(12)
	tot.EC2Yearly = tot.EC2Monthly.times(12)
	tot.IdleYearly = tot.IdleMonthly.times(12)
	tot.FargateYearly = tot.FargateMonthly.times(12)
	tot.SavingsYearly = tot.SavingsMonthly.times(12)
	tot.Deltas = deltaRows(t.Deltas)
	tot.RightsizingSavingsMonthly, tot.RightsizedServices = rightsizingTotal(c.rightsizedServices())
	return tot
}

// rightsizingTotal sums the rightsizing savings of the services that move.
func rightsizingTotal(rows iter.Seq[ServiceCostRow]) (*FargateAmounts, int) {
	var sum FargateAmounts
	n := 0
	for s := range rows {
		if s.RightsizingSavingsMonthly == nil || s.StaysOnEC2 != "" || s.OnFargate || s.Daemon != "" {
			continue
		}
		if n == 0 {
			sum = *s.RightsizingSavingsMonthly
		} else {
			sum = sum.plus(*s.RightsizingSavingsMonthly)
		}
		n++
	}
	if n == 0 {
		return nil, 0
	}
	return &sum, n
}

// unknownReasons lists every distinct reason a figure is unknown.
func unknownReasons(cmp *pricing.Comparison) []string {
	seen := map[string]bool{}
	add := func(m pricing.Money) {
		for _, r := range m.Missing() {
			seen[r] = true
		}
	}
	for _, s := range cmp.Services {
		add(pricing.Sum(s.Fargate.OnDemand, s.Fargate.Spot, s.Fargate.ARM, s.Fargate.SavingsPlan1y, s.Fargate.SavingsPlan3y, s.EC2()))
	}
	for _, cl := range cmp.Clusters {
		add(cl.EC2.Add(cl.Idle))
	}
	out := make([]string, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

func costAssumptions(a pricing.Assumptions) CostAssumptions {
	out := CostAssumptions{
		PriceDate: a.PriceAsOf, PriceSource: a.PriceSource, PriceFile: a.PriceOrigin,
		Regions: nonNil(a.Regions), HoursPerMonth: a.HoursPerMonth.String(),
		SpotShare:             "hosts",
		FargateSpotDiscount:   a.FargateSpotDiscount.String(),
		SavingsPlan1yDiscount: a.SavingsPlan1yDiscount.String(),
		SavingsPlan3yDiscount: a.SavingsPlan3yDiscount.String(),
		EC2Discount:           "none",
		EC2Commitment:         a.EC2Commitment.String(),
		EC2SpotDiscount:       a.EC2SpotDiscount.String(),
		CPUWeight:             "region",
		MemoryHeadroomPercent: a.MemoryHeadroom,
		TaskStartsPerMonth:    a.TaskStartsPerMonth,
		Caveats:               nonNil(a.Caveats),
	}
	if a.SpotShare != nil {
		out.SpotShare = a.SpotShare.String()
	}
	if a.EC2Discount != nil {
		out.EC2Discount = a.EC2Discount.String()
	}
	if a.CPUWeight != nil {
		out.CPUWeight = a.CPUWeight.String()
	}
	return out
}
