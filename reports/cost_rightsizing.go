package reports

import "fmt"

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
