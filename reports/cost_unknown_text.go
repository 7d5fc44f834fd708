package reports

import (
	"fmt"
	"strings"
)

// totalsScope says what the fleet totals cover: the clusters whose EC2
// cost is known, and for each option those where both sides are.
func totalsScope(c *Cost) string { return totalsScopeText(c.Totals, len(c.Clusters)) }

// totalsScopeText is totalsScope for n clusters priced.
func totalsScopeText(t CostTotals, n int) string {
	if len(t.UnknownParts) == 0 {
		return fmt.Sprintf("all %d clusters; after the move = the services that move on Fargate, DAEMON services as sidecars or managed features, the rest at their cost on EC2", n)
	}
	var opts []string
	for _, o := range t.LikeForLike.options() {
		opts = append(opts, fmt.Sprintf("%s %d", o.label, len(o.row.Clusters)))
	}
	return fmt.Sprintf("the known part: EC2 now over %d of %d clusters, each option over the clusters where both its sides are known (%s of %d); the unknown parts are listed below",
		t.EC2Clusters, n, strings.Join(opts, ", "), n)
}

// unknownPartLines lists each unknown part of the totals with what fills it.
func unknownPartLines(t CostTotals) []string {
	var out []string
	for _, p := range t.UnknownParts {
		line := fmt.Sprintf("not in the totals (%s): %s: %s", strings.Join(p.Figures, ", "), strings.Join(p.Clusters, ", "), p.Missing)
		if len(p.Services) > 0 {
			line += fmt.Sprintf(" (%d service(s): %s)", len(p.Services), capList(p.Services, 6))
		}
		if p.Fill != "" {
			line += "; to fill: " + p.Fill
		}
		out = append(out, line)
	}
	return out
}

// stranded reports whether the move strands any commitment.
func stranded(t CostTotals) bool {
	return !t.StrandedMonthly.Value.IsZero()
}

// strandedLine is the commitment the move strands, on its own line.
func strandedLine(t CostTotals) string {
	return fmt.Sprintf("stranded commitment: %s per month (%s per year) of Reserved Instances or EC2 Instance Savings Plans still paid for the hosts the move shuts down, until the term ends; not in the savings above",
		t.StrandedMonthly, t.StrandedYearly)
}

// capList joins up to n items and says how many more there are.
func capList(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
