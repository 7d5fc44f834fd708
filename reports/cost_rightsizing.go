package reports

import (
	"fmt"
	"math"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// rightsizingLine says what sizing from measured use saves beside the
// move, or "" where no service has a usage size.
func rightsizingLine(t CostTotals) string {
	r := t.RightsizingSavingsMonthly
	if r == nil {
		return ""
	}
	return fmt.Sprintf("Rightsizing from measured use (%d services, CloudWatch): a further %s a month on-demand (%s with a 1-year Savings Plan), apart from the move's saving above; "+
		"the figures above price the reservation size", t.RightsizedServices, r.OnDemand.String(), r.SavingsPlan1y.String())
}

func measuredUse(rs *pricing.Rightsized) *MeasuredUse {
	m := &MeasuredUse{Source: rs.Usage.Source, Days: rs.Days, ReservedCPU: rs.Reserved.CPU, ReservedMemory: rs.Reserved.Memory}
	if c := rs.Usage.CPU; c != nil {
		m.CPUP99, m.CPUMax = rounded(c.P99), rounded(c.Max)
	}
	if mem := rs.Usage.Memory; mem != nil {
		m.MemoryP99, m.MemoryMax = rounded(mem.P99), rounded(mem.Max)
	}
	return m
}

// rounded keeps one decimal: the JSON shows figures, not float noise.
func rounded(v *float64) *float64 {
	if v == nil {
		return nil
	}
	r := math.Round(*v*10) / 10
	return &r
}
