package pricing

import "github.com/ecs2fargate/ecs2fargate/internal/fleet"

// LikeForLike compares EC2 with each Fargate purchase option over the same
// workloads, where the plain totals cannot: those are unknown as soon as
// one cluster's figure is. Each option keeps only the clusters where both
// the EC2 cost and that option's Fargate cost are known (docs/cost.md,
// "Like-for-like").
type LikeForLike struct {
	OnDemand, Spot, ARM, SavingsPlan1y, SavingsPlan3y LikeScope
}

// LikeScope is one purchase option's like-for-like comparison.
type LikeScope struct {
	// Clusters are the clusters compared, in the comparison's order, by
	// name; Compared are the same clusters (names repeat across accounts
	// and regions).
	Clusters []string
	Compared []*ClusterCost
	// Moving counts the services in them priced on Fargate; OnFargate the
	// services already there, on neither side (their cost does not change).
	Moving, OnFargate int
	// StayOnEC2 are the services that cannot move (StayReason): they are
	// on both sides at their StayEC2 cost.
	StayOnEC2 []*ServiceCost
	// EC2 is the compared clusters' whole EC2 cost under the option's
	// commitment, idle included. Fargate is the cost after the move: the
	// moving services on Fargate, the DAEMON services as their sidecars,
	// plus the cost of those that stay on EC2.
	EC2, Fargate Money
	// LeftOut are the clusters outside the comparison, with the reasons.
	LeftOut []LeftOut
}

// Saving is EC2 − Fargate; negative when Fargate costs more.
func (l LikeScope) Saving() Money { return l.EC2.Sub(l.Fargate) }

// LeftOut is a cluster left out of a like-for-like comparison.
type LeftOut struct {
	Cluster string
	// Where is the cluster's account and region.
	Where    fleet.Identity
	Services int
	// Reasons are why its EC2 cost or its Fargate cost is unknown.
	Reasons []string
}

// likeForLike builds every option's comparison from the clusters and their
// services (grouped by cluster).
func likeForLike(clusters []*ClusterCost, byCluster map[*ClusterCost][]*ServiceCost) LikeForLike {
	scope := func(pick func(Variants) Money) LikeScope {
		l := LikeScope{EC2: Zero, Fargate: Zero}
		for _, cc := range clusters {
			l.add(cc, byCluster[cc], pick)
		}
		return l
	}
	return LikeForLike{
		OnDemand:      scope(func(v Variants) Money { return v.OnDemand }),
		Spot:          scope(func(v Variants) Money { return v.Spot }),
		ARM:           scope(func(v Variants) Money { return v.ARM }),
		SavingsPlan1y: scope(func(v Variants) Money { return v.SavingsPlan1y }),
		SavingsPlan3y: scope(func(v Variants) Money { return v.SavingsPlan3y }),
	}
}

// add puts one cluster into the comparison, or among those left out when
// either side is unknown.
func (l *LikeScope) add(cc *ClusterCost, services []*ServiceCost, pick func(Variants) Money) {
	ec2, after := pick(cc.EC2Side), pick(cc.Fargate)
	var moving, onFargate int
	var stay []*ServiceCost
	for _, s := range services {
		switch {
		case s.OnFargate:
			onFargate++
		case s.StayReason != "":
			stay = append(stay, s)
		default:
			moving++
		}
	}
	if both := ec2.Add(after); !both.Known() {
		l.LeftOut = append(l.LeftOut, LeftOut{Cluster: cc.Cluster, Where: cc.where, Services: len(services), Reasons: both.Missing()})
		return
	}
	l.Clusters = append(l.Clusters, cc.Cluster)
	l.Compared = append(l.Compared, cc)
	l.Moving += moving
	l.OnFargate += onFargate
	l.StayOnEC2 = append(l.StayOnEC2, stay...)
	l.EC2 = l.EC2.Add(ec2)
	l.Fargate = l.Fargate.Add(after)
}

// tooLarge is the StayReason of a service no Fargate task fits.
const tooLarge = "too large for any Fargate task"

// stayReason says why a service stays on EC2 in the like-for-like
// comparison, or "" when it moves or already runs on Fargate.
func (m *model) stayReason(sc *ServiceCost) string {
	switch {
	case sc.OnFargate, sc.Daemon && !sc.TooLarge:
		// A DAEMON's work moves into the other services' tasks (after).
		return ""
	case sc.TooLarge:
		return tooLarge
	}
	return m.o.StayOnEC2[StayKey(sc.where.Account, sc.where.Region, sc.Cluster, sc.Service)]
}

// StayKey names a service in Options.StayOnEC2 and Options.Daemons:
// cluster and service names repeat across accounts and regions.
func StayKey(account, region, cluster, service string) string {
	return account + "/" + region + "/" + cluster + "/" + service
}
