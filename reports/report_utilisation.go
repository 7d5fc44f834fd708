package reports

import (
	_ "embed"
	"fmt"
	"iter"
	"sort"
	"strconv"
)

//go:embed report_utilisation.html.tmpl
var utilisationHTMLSource string

// UtilisationLimit is the most services the utilisation chart shows: those
// whose size from measured use saves the most.
const UtilisationLimit = 8

// UtilisationChart is one service in the HTML report's utilisation chart:
// per task, p99 and maximum use against what it reserves on EC2 and the
// size recommended from use.
type UtilisationChart struct {
	Label  string
	Saving string // rightsizing saving a month, on-demand
	Rows   []UtilisationRow
}

// UtilisationRow is one resource of a UtilisationChart. The X and W
// fields are SVG coordinates (the bar area is utilisationWidth wide);
// the others the figures for the labels.
type UtilisationRow struct {
	Resource, Unit                      string
	P99, Max, Reserved, Recommended     string
	P99W, MaxW, ReservedX, RecommendedX string
}

const (
	utilisationLeft  = 80
	utilisationWidth = 360
)

// utilisationSelection picks the services with a usage size, largest
// rightsizing saving first (known on-demand savings; ties by name).
func utilisationSelection(rows iter.Seq[ServiceCostRow], label func(ServiceCostRow) string) []UtilisationChart {
	var picked []ServiceCostRow
	top := func() {
		sort.SliceStable(picked, func(i, j int) bool {
			a, b := picked[i].RightsizingSavingsMonthly.OnDemand.Value, picked[j].RightsizingSavingsMonthly.OnDemand.Value
			if !a.Equal(b) {
				return a.GreaterThan(b)
			}
			return label(picked[i]) < label(picked[j])
		})
		picked = picked[:min(len(picked), UtilisationLimit)]
	}
	for s := range rows {
		if s.MeasuredUse != nil && s.RightsizingSavingsMonthly != nil && s.RightsizingSavingsMonthly.OnDemand.Known {
			picked = append(picked, s)
		}
		// Only the leaders are kept: an estate of rightsized services
		// does not hold all their rows for eight bars (issue 17).
		if len(picked) >= 8*UtilisationLimit {
			top()
		}
	}
	top()
	var out []UtilisationChart
	for _, s := range picked {
		u := s.MeasuredUse
		out = append(out, UtilisationChart{Label: label(s), Saving: s.RightsizingSavingsMonthly.OnDemand.String(), Rows: []UtilisationRow{
			utilisationRow("CPU", "units", u.CPUP99, u.CPUMax, u.ReservedCPU, s.RightsizedSize.CPU),
			utilisationRow("Memory", "MiB", u.MemoryP99, u.MemoryMax, u.ReservedMemory, s.RightsizedSize.Memory),
		}})
	}
	return out
}

// utilisationRow scales one resource's figures to the bar area: the
// largest of them spans it.
func utilisationRow(resource, unit string, p99, maxUse *float64, reserved, recommended int) UtilisationRow {
	largest := float64(max(reserved, recommended))
	for _, v := range []*float64{p99, maxUse} {
		if v != nil {
			largest = max(largest, *v)
		}
	}
	x := func(v float64) string {
		if largest <= 0 {
			return px(0)
		}
		return px(v / largest * utilisationWidth)
	}
	val := func(v *float64) (string, string) {
		if v == nil {
			return "unknown", px(0)
		}
		return strconv.FormatFloat(*v, 'f', 0, 64), x(*v)
	}
	r := UtilisationRow{Resource: resource, Unit: unit, Reserved: strconv.Itoa(reserved), Recommended: strconv.Itoa(recommended)}
	r.P99, r.P99W = val(p99)
	r.Max, r.MaxW = val(maxUse)
	r.ReservedX = px(utilisationLeft + parse(x(float64(reserved))))
	r.RecommendedX = px(utilisationLeft + parse(x(float64(recommended))))
	return r
}

func parse(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// utilisationAria describes a row for screen readers.
func utilisationAria(c UtilisationChart) string {
	s := c.Label + ":"
	for _, r := range c.Rows {
		s += fmt.Sprintf(" %s p99 %s, max %s, reserved %s, recommended %s %s;", r.Resource, r.P99, r.Max, r.Reserved, r.Recommended, r.Unit)
	}
	return s
}
