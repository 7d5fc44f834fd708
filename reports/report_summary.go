package reports

import (
	"fmt"
	"sort"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func newVerdictCounts() map[string]int {
	m := make(map[string]int, len(verdictOrder))
	for _, v := range verdictOrder {
		m[v] = 0
	}
	return m
}

// movable is a service the report proposes to move now.
func movable(onFargate bool, verdict string) bool {
	return !onFargate && (verdict == analyzer.Ready || verdict == analyzer.Fixed)
}

// reportSummary counts the services by verdict and place; the changes
// are counted as the rows are made.
func reportSummary(services []serviceFact, t CostTotals, clusters int) ReportSummary {
	sum := ReportSummary{
		Services: len(services), ByVerdict: newVerdictCounts(),
		EC2Monthly: t.EC2Monthly, EC2Yearly: t.EC2Yearly, IdleMonthly: t.IdleMonthly, IdleYearly: t.IdleYearly,
		FargateMonthly: t.FargateMonthly, FargateYearly: t.FargateYearly,
		SavingsMonthly: t.SavingsMonthly, SavingsYearly: t.SavingsYearly,
		LikeForLike: t.LikeForLike, Deltas: nonNil(t.Deltas),
		UnknownParts: nonNil(unknownPartLines(t)), StrandedMonthly: t.StrandedMonthly,
	}
	sum.Scope = totalsScopeText(t, clusters)
	for _, s := range services {
		sum.ByVerdict[s.v.Verdict]++
		if s.onFargate {
			sum.OnFargate++
		}
		if movable(s.onFargate, s.v.Verdict) {
			sum.Movable++
		}
	}
	return sum
}

// reportClusters joins each cluster's costs with its services' verdicts.
// A cluster the cost model did not price has unknown costs.
func reportClusters(services []serviceFact, costs []ClusterCostRow, place placer) []ReportCluster {
	byKey := map[string]*ReportCluster{}
	for _, c := range costs {
		byKey[clusterKey(c.where, c.Cluster)] = &ReportCluster{Account: c.Account, Cluster: c.Cluster, Region: c.Region, ByVerdict: newVerdictCounts(),
			EC2Monthly: c.EC2Monthly, IdleMonthly: c.IdleMonthly, FargateMonthly: c.FargateMonthly,
			SavingsMonthly: c.SavingsMonthly, Utilization: c.Utilization, label: place.name(c.where.Account, c.where.Region, c.Cluster)}
	}
	for _, s := range services {
		v := s.v
		k := clusterKey(fleet.Identity{Account: v.Account, Region: v.Region}, v.Cluster)
		c, ok := byKey[k]
		if !ok {
			c = &ReportCluster{Account: v.Account, Cluster: v.Cluster, Region: v.Region, ByVerdict: newVerdictCounts(), label: s.label}
			byKey[k] = c
		}
		c.Services++
		c.ByVerdict[v.Verdict]++
	}
	out := make([]ReportCluster, 0, len(byKey))
	for _, c := range byKey {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Cluster != out[j].Cluster {
			return out[i].Cluster < out[j].Cluster
		}
		return out[i].label < out[j].label
	})
	chartClusters(out)
	return out
}

// blockedByRule counts, per blocking rule, the services it keeps off
// Fargate; most first, then by rule ID.
func blockedByRule(services []serviceFact, rules []analyzer.Rule) []RuleCount {
	count := map[string]int{}
	for _, s := range services {
		for _, id := range s.v.Blockers {
			count[id]++
		}
	}
	byID := map[string]analyzer.Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	out := make([]RuleCount, 0, len(count))
	for id, n := range count {
		out = append(out, RuleCount{RuleID: id, Title: byID[id].Title, Services: n, Fallback: byID[id].Fallback})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Services != out[j].Services {
			return out[i].Services > out[j].Services
		}
		return out[i].RuleID < out[j].RuleID
	})
	for i := range out {
		out[i].Share = float64(out[i].Services) / float64(out[0].Services)
	}
	return out
}

// dataGaps gathers what could not be checked, priced or read.
func dataGaps(a *Audit, c *Cost) DataGaps {
	g := DataGaps{Unknown: nonNil(c.Unknown), Caveats: nonNil(c.Assumptions.Caveats), Diagnostics: []string{}, NotRead: []string{}}
	count := map[string]int{}
	for _, n := range a.NotChecked {
		count[n.Needs]++
	}
	g.NotChecked = make([]NeedCount, 0, len(count))
	for needs, n := range count {
		g.NotChecked = append(g.NotChecked, NeedCount{Needs: needs, Checks: n})
	}
	sort.Slice(g.NotChecked, func(i, j int) bool { return g.NotChecked[i].Needs < g.NotChecked[j].Needs })
	for _, d := range a.Diagnostics {
		g.Diagnostics = append(g.Diagnostics, d.String())
	}
	for _, gap := range a.Gaps {
		g.NotRead = append(g.NotRead, fmt.Sprintf("%s: %s", gap.Scope, gap.Reason))
	}
	return g
}
