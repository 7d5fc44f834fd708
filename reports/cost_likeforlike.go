package reports

import (
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// LikeForLikeRows are the like-for-like comparisons, one per purchase
// option: only the clusters where EC2 and that option are both known
// (docs/cost.md, "Like-for-like").
type LikeForLikeRows struct {
	OnDemand      LikeForLikeRow `json:"onDemand"`
	Spot          LikeForLikeRow `json:"spot"`
	ARM           LikeForLikeRow `json:"arm"`
	SavingsPlan1y LikeForLikeRow `json:"savingsPlan1y"`
	SavingsPlan3y LikeForLikeRow `json:"savingsPlan3y"`
}

// options pairs each comparison with its column label, in column order.
func (l LikeForLikeRows) options() []likeOption {
	return []likeOption{{"on-demand", l.OnDemand}, {"Spot", l.Spot}, {"ARM", l.ARM}, {"SP 1y", l.SavingsPlan1y}, {"SP 3y", l.SavingsPlan3y}}
}

type likeOption struct {
	label string
	row   LikeForLikeRow
}

// LikeForLikeRow is one option's comparison. The EC2 side is the sum of the
// compared clusters' displayed EC2 costs; the Fargate side the sum of their
// moving services' displayed Fargate costs plus the stay costs, so every
// figure can be checked against the tables above it.
type LikeForLikeRow struct {
	Clusters []string `json:"clusters"`
	// Services counts the services priced on Fargate in those clusters;
	// OnFargate those already there, on neither side.
	Services       int          `json:"services"`
	OnFargate      int          `json:"onFargate"`
	StaysOnEC2     []StayRow    `json:"staysOnEC2"`
	EC2Monthly     Amount       `json:"ec2Monthly"`
	FargateMonthly Amount       `json:"fargateMonthly"`
	SavingsMonthly Amount       `json:"savingsMonthly"`
	EC2Yearly      Amount       `json:"ec2Yearly"`
	FargateYearly  Amount       `json:"fargateYearly"`
	SavingsYearly  Amount       `json:"savingsYearly"`
	LeftOut        []LeftOutRow `json:"leftOut"`
	place          placer
	compared       []string // the compared clusters, by clusterKey
}

// StayRow is a service that stays on EC2 (too large for Fargate, or
// blocked by the audit in the report), on both sides at its share of its
// cluster's EC2 cost plus its part of idle.
type StayRow struct {
	Account    string `json:"account"`
	Region     string `json:"region"`
	Cluster    string `json:"cluster"`
	Service    string `json:"service"`
	Reason     string `json:"reason"`
	EC2Monthly Amount `json:"ec2Monthly"`
}

// LeftOutRow is a cluster left out of one option's comparison.
type LeftOutRow struct {
	Account  string   `json:"account"`
	Region   string   `json:"region"`
	Cluster  string   `json:"cluster"`
	Services int      `json:"services"`
	Reasons  []string `json:"reasons"`
}

// likeBuild holds what every option's rows are built from.
type likeBuild struct {
	clusters map[string]ClusterCostRow // by clusterKey
	rows     map[*pricing.ServiceCost]*costSplit
	place    placer
}

func likeForLikeRows(c *Cost, cmp *pricing.Comparison, rows map[*pricing.ServiceCost]*costSplit) LikeForLikeRows {
	b := likeBuild{clusters: map[string]ClusterCostRow{}, rows: rows, place: c.place}
	for _, cl := range c.Clusters {
		b.clusters[clusterKey(cl.where, cl.Cluster)] = cl
	}
	l := cmp.Total.LikeForLike
	return LikeForLikeRows{
		OnDemand:      b.row(l.OnDemand, func(f FargateAmounts) Amount { return f.OnDemand }),
		Spot:          b.row(l.Spot, func(f FargateAmounts) Amount { return f.Spot }),
		ARM:           b.row(l.ARM, func(f FargateAmounts) Amount { return f.ARM }),
		SavingsPlan1y: b.row(l.SavingsPlan1y, func(f FargateAmounts) Amount { return f.SavingsPlan1y }),
		SavingsPlan3y: b.row(l.SavingsPlan3y, func(f FargateAmounts) Amount { return f.SavingsPlan3y }),
	}
}

// row sums the compared clusters' displayed figures under one option: the
// EC2 cost under its commitment and the cost after the move.
func (b likeBuild) row(l pricing.LikeScope, pick func(FargateAmounts) Amount) LikeForLikeRow {
	r := LikeForLikeRow{Clusters: []string{}, Services: l.Moving, OnFargate: l.OnFargate,
		StaysOnEC2: []StayRow{}, LeftOut: []LeftOutRow{}, EC2Monthly: zeroAmount, FargateMonthly: zeroAmount, place: b.place}
	for _, cc := range l.Compared {
		k := clusterKey(cc.Where(), cc.Cluster)
		r.Clusters = append(r.Clusters, b.place.name(cc.Where().Account, cc.Where().Region, cc.Cluster))
		r.compared = append(r.compared, k)
		r.EC2Monthly = r.EC2Monthly.plus(pick(b.clusters[k].EC2ByOptionMonthly))
		r.FargateMonthly = r.FargateMonthly.plus(pick(b.clusters[k].FargateMonthly))
	}
	for _, s := range l.StayOnEC2 {
		r.StaysOnEC2 = append(r.StaysOnEC2, StayRow{Account: s.Where().Account, Region: s.Where().Region, Cluster: s.Cluster, Service: s.Service, Reason: s.StayReason, EC2Monthly: pick(b.rows[s].after())})
	}
	r.SavingsMonthly = r.EC2Monthly.minus(r.FargateMonthly)
	if len(l.Compared) == 0 && len(l.LeftOut) > 0 {
		// Nothing compared: the option is unknown, not a saving of 0.00
		// (the left-out clusters say what fills it).
		r.EC2Monthly, r.FargateMonthly, r.SavingsMonthly = Amount{}, Amount{}, Amount{}
	}
	r.EC2Yearly, r.FargateYearly, r.SavingsYearly = r.EC2Monthly.times(12), r.FargateMonthly.times(12), r.SavingsMonthly.times(12)
	for _, o := range l.LeftOut {
		r.LeftOut = append(r.LeftOut, LeftOutRow{Account: o.Where.Account, Region: o.Where.Region, Cluster: o.Cluster, Services: o.Services, Reasons: nonNil(o.Reasons)})
	}
	return r
}
