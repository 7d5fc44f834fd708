package reports

import (
	"sort"

	"github.com/shopspring/decimal"
)

// chartClusters sets each cluster's bar lengths for the cost chart: every
// known amount as a share of the largest one over all clusters and
// options, so bars compare across the whole chart.
func chartClusters(cs []ReportCluster) {
	largest := decimal.Zero
	for _, c := range cs {
		for _, a := range chartAmounts(c) {
			if a.Known && a.Value.GreaterThan(largest) {
				largest = a.Value
			}
		}
	}
	for i := range cs {
		a := chartAmounts(cs[i])
		cs[i].Chart = ClusterChart{
			EC2: barShare(a[0], largest), OnDemand: barShare(a[1], largest), Spot: barShare(a[2], largest),
			ARM: barShare(a[3], largest), SavingsPlan1y: barShare(a[4], largest),
		}
	}
}

// chartAmounts are the options the chart shows, in bar order.
func chartAmounts(c ReportCluster) [5]Amount {
	f := c.FargateMonthly
	return [5]Amount{c.EC2Monthly, f.OnDemand, f.Spot, f.ARM, f.SavingsPlan1y}
}

// barShare is a/largest to four places; nil when a is unknown.
func barShare(a Amount, largest decimal.Decimal) *float64 {
	if !a.Known {
		return nil
	}
	share := 0.0
	if largest.IsPositive() && a.Value.IsPositive() {
		share = a.Value.Div(largest).Round(4).InexactFloat64()
	}
	return &share
}

// ChartLimit is the most clusters and rules a chart shows; the tables
// below the charts list them all.
const ChartLimit = 20

// chartSelection picks the clusters the cost chart shows: the ChartLimit
// most expensive on EC2 (unknown last), in that order.
func chartSelection(cs []ReportCluster) []ReportCluster {
	out := append([]ReportCluster(nil), cs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].EC2Monthly, out[j].EC2Monthly
		if a.Known != b.Known {
			return a.Known
		}
		return a.Value.GreaterThan(b.Value)
	})
	if len(out) > ChartLimit {
		out = out[:ChartLimit]
	}
	return out
}
