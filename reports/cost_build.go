package reports

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// NewCost assembles the cost report from a comparison. This is where the
// exact figures are rounded to cents, once, for display.
func NewCost(version string, cmp *pricing.Comparison, f *fleet.Fleet, diags []fleet.Diagnostic) *Cost {
	c := &Cost{
		SchemaVersion: CostSchemaVersion,
		Tool:          Tool{Name: "ecs2fargate", Version: version},
		Inputs:        nonNil(f.Inputs),
		Assumptions:   costAssumptions(cmp.Assumptions),
		Diagnostics:   nonNil(diags),
		Services:      make([]ServiceCostRow, len(cmp.Services)),
		Clusters:      []ClusterCostRow{},
	}
	parallel.For(len(cmp.Services), func(i int) { c.Services[i] = serviceRow(cmp.Services[i]) })
	// Pointers are taken only once the slice is complete: appending moves it.
	rows := map[*pricing.ServiceCost]*ServiceCostRow{}
	for i, s := range cmp.Services {
		rows[s] = &c.Services[i]
	}
	byCluster := map[string][]*pricing.ServiceCost{}
	for _, s := range cmp.Services {
		k := clusterKey(s.Where(), s.Cluster)
		byCluster[k] = append(byCluster[k], s)
	}
	for _, cl := range cmp.Clusters {
		c.Clusters = append(c.Clusters, clusterRow(cl, byCluster[clusterKey(cl.Where(), cl.Cluster)], rows))
	}
	c.place = placeOf(costPlaces(c))
	for i := range c.Services {
		c.Services[i].addSavingsAndYearly() // needs the EC2 shares clusterRow wrote
	}
	c.Totals = costTotals(c, cmp.Total)
	c.Totals.LikeForLike = likeForLikeRows(c, cmp, byCluster, rows)
	c.Unknown = unknownReasons(cmp)
	return c
}

func serviceRow(s *pricing.ServiceCost) ServiceCostRow {
	r := ServiceCostRow{
		Account: s.Account, Cluster: s.Cluster, Service: s.Service, TaskDefinition: s.TaskDefinition, Region: s.Region, where: s.Where(),
		Platform: string(s.Platform), DesiredCount: s.DesiredCount, RunningCount: s.RunningCount,
		EphemeralStorageGiB: s.StorageGiB, ARMCondition: s.ARMCondition, OnFargate: s.OnFargate,
		FargateMonthly: fargateAmounts(s.Fargate),
		SpotRisks:      nonNil(s.SpotRisks), Deltas: deltaRows(s.Deltas),
	}
	if s.Size.CPU > 0 {
		r.FargateSize = &TaskSize{CPU: s.Size.CPU, Memory: s.Size.Memory}
	}
	all := pricing.Sum(s.Fargate.OnDemand, s.Fargate.Spot, s.Fargate.ARM, s.Fargate.SavingsPlan1y, s.Fargate.SavingsPlan3y, s.EC2)
	r.Unknown, r.Caveats = nonNil(all.Missing()), nonNil(all.Caveats())
	return r
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
func clusterRow(cl *pricing.ClusterCost, services []*pricing.ServiceCost, rows map[*pricing.ServiceCost]*ServiceCostRow) ClusterCostRow {
	r := ClusterCostRow{
		Account: cl.Account, Cluster: cl.Cluster, Region: cl.Region, where: cl.Where(), Instances: []InstanceRow{},
		EC2Monthly: amountOf(cl.EC2), IdleMonthly: amountOf(cl.Idle),
		CPUWeight: cl.CPUWeight.Round(4).String(), Notes: nonNil(cl.Notes), Deltas: deltaRows(cl.Deltas),
	}
	for _, ic := range cl.Instances {
		r.Instances = append(r.Instances, instanceRow(ic))
	}
	shares := make([]decimal.Decimal, 0, len(services)+1)
	allKnown := cl.EC2.Known() && cl.Idle.Known()
	for _, s := range services {
		allKnown = allKnown && s.EC2.Known()
		shares = append(shares, s.EC2.Amount())
	}
	if allKnown {
		split := pricing.SplitCents(cl.EC2.Amount(), append(shares, cl.Idle.Amount()))
		flagged := r.EC2Monthly.Flagged
		for i, s := range services {
			rows[s].EC2Monthly = knownAmount(split[i], flagged)
		}
		r.IdleMonthly = knownAmount(split[len(services)], flagged)
	} else {
		for _, s := range services {
			rows[s].EC2Monthly = amountOf(s.EC2)
		}
	}
	r.FargateMonthly = zeroFargate
	for _, s := range services {
		if !s.OnFargate { // see pricing's cluster sums
			r.FargateMonthly = r.FargateMonthly.plus(rows[s].FargateMonthly)
		}
	}
	r.SavingsMonthly = r.FargateMonthly.savings(r.EC2Monthly)
	r.EC2Yearly, r.IdleYearly = r.EC2Monthly.times(12), r.IdleMonthly.times(12)
	r.FargateYearly, r.SavingsYearly = r.FargateMonthly.times(12), r.SavingsMonthly.times(12)
	if cl.UtilizationKnown {
		r.Utilization = decString(&cl.Utilization, 4)
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
	r.SavingsMonthly = r.FargateMonthly.savings(r.EC2Monthly)
	if r.OnFargate {
		r.SavingsMonthly = zeroFargate
	}
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

// costTotals sums the displayed cluster figures, so the totals row adds up.
func costTotals(c *Cost, t pricing.Totals) CostTotals {
	tot := CostTotals{EC2Monthly: zeroAmount, IdleMonthly: zeroAmount, FargateMonthly: zeroFargate}
	for _, cl := range c.Clusters {
		tot.EC2Monthly = tot.EC2Monthly.plus(cl.EC2Monthly)
		tot.IdleMonthly = tot.IdleMonthly.plus(cl.IdleMonthly)
		tot.FargateMonthly = tot.FargateMonthly.plus(cl.FargateMonthly)
	}
	tot.SavingsMonthly = tot.FargateMonthly.savings(tot.EC2Monthly)
	tot.EC2Yearly = tot.EC2Monthly.times(12)
	tot.IdleYearly = tot.IdleMonthly.times(12)
	tot.FargateYearly = tot.FargateMonthly.times(12)
	tot.SavingsYearly = tot.SavingsMonthly.times(12)
	tot.Deltas = deltaRows(t.Deltas)
	return tot
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
		add(pricing.Sum(s.Fargate.OnDemand, s.Fargate.Spot, s.Fargate.ARM, s.Fargate.SavingsPlan1y, s.Fargate.SavingsPlan3y, s.EC2))
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
		SpotShare:             a.SpotShare.String(),
		FargateSpotDiscount:   a.FargateSpotDiscount.String(),
		SavingsPlan1yDiscount: a.SavingsPlan1yDiscount.String(),
		SavingsPlan3yDiscount: a.SavingsPlan3yDiscount.String(),
		EC2Discount:           a.EC2Discount.String(),
		EC2SpotDiscount:       a.EC2SpotDiscount.String(),
		CPUWeight:             "region",
		MemoryHeadroomPercent: a.MemoryHeadroom,
		TaskStartsPerMonth:    a.TaskStartsPerMonth,
		Caveats:               nonNil(a.Caveats),
	}
	if a.CPUWeight != nil {
		out.CPUWeight = a.CPUWeight.String()
	}
	return out
}
