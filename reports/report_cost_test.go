package reports

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// What a report row shows of its service's cost row, held in whole cents
// (rowCostAt), is the cost row's own figures (Cost.Service), for every
// service of the report fixture and of the demo fleet: priced, on
// Fargate, staying on EC2, unknown with a known part, and flagged amounts.
func TestRowCostIsTheCostRow(t *testing.T) {
	var onFargate, part, flagged, unknown int
	for _, paths := range [][]string{reportFleet, {"../examples/demo-fleet"}} {
		c := fixtureReport(t, paths...).Cost
		for i := range c.ServiceCount() {
			row := c.Service(i)
			if row.OnFargate {
				onFargate++
			}
			for _, a := range append(row.FargateMonthly.list(), row.EC2Monthly) {
				if a.Part.IsPositive() {
					part++
				}
				if a.Flagged {
					flagged++
				}
				if !a.Known {
					unknown++
				}
			}
			checkRowCost(t, c, i)
		}
	}
	if onFargate == 0 || flagged == 0 || unknown == 0 {
		t.Errorf("the fleets have %d services on Fargate, %d flagged and %d unknown amounts: want some of each", onFargate, flagged, unknown)
	}
	t.Logf("%d on Fargate, %d amounts flagged, %d unknown, %d with a known part", onFargate, flagged, unknown, part)
}

func checkRowCost(t *testing.T, c *Cost, i int) {
	t.Helper()
	want, rc := c.Service(i), rowCostAt(c, i)
	got := rc.row()
	if rc.full != nil {
		t.Errorf("%s: an amount is not whole cents", want.Service)
	}
	if got.OnFargate != want.OnFargate || got.DesiredCount != want.DesiredCount || !reflect.DeepEqual(got.FargateSize, want.FargateSize) ||
		!reflect.DeepEqual(got.Unknown, want.Unknown) {
		t.Errorf("%s: row %+v, want %+v", want.Service, got, want)
	}
	for k, pair := range [][2]Amount{{got.EC2Monthly, want.EC2Monthly},
		{got.FargateMonthly.OnDemand, want.FargateMonthly.OnDemand}, {got.FargateMonthly.Spot, want.FargateMonthly.Spot},
		{got.FargateMonthly.ARM, want.FargateMonthly.ARM}, {got.FargateMonthly.SavingsPlan1y, want.FargateMonthly.SavingsPlan1y},
		{got.FargateMonthly.SavingsPlan3y, want.FargateMonthly.SavingsPlan3y},
		{got.SavingsMonthly.OnDemand, want.SavingsMonthly.OnDemand}, {got.SavingsMonthly.Spot, want.SavingsMonthly.Spot},
		{got.SavingsMonthly.ARM, want.SavingsMonthly.ARM}, {got.SavingsMonthly.SavingsPlan1y, want.SavingsMonthly.SavingsPlan1y},
		{got.SavingsMonthly.SavingsPlan3y, want.SavingsMonthly.SavingsPlan3y}} {
		if !sameShownAmount(pair[0], pair[1]) {
			t.Errorf("%s: amount %d is %+v, want %+v", want.Service, k, pair[0], pair[1])
		}
	}
}

// sameShownAmount: the same value, known part and marks, so the same text in
// every format.
func sameShownAmount(a, b Amount) bool {
	return a.Known == b.Known && a.Flagged == b.Flagged && a.Value.Equal(b.Value) && a.Part.Equal(b.Part) &&
		a.String() == b.String() && a.csv() == b.csv() && plainAmount(a) == plainAmount(b)
}

// An amount that is not whole cents is held whole, not rounded.
func TestCentsOfRefusesFractions(t *testing.T) {
	for _, tc := range []struct {
		a  Amount
		ok bool
	}{
		{knownAmount(pricing.Cents(decimalOf(t, "12.34")), false), true},
		{knownAmount(decimalOf(t, "-0.01"), true), true},
		{Amount{Part: decimalOf(t, "5.5")}, true},
		{knownAmount(decimalOf(t, "0.005"), false), false},
		{knownAmount(decimalOf(t, "1e18"), false), false},
	} {
		c, ok := centsOf(tc.a)
		if ok != tc.ok {
			t.Errorf("centsOf(%v): ok %v, want %v", tc.a, ok, tc.ok)
		}
		if ok && !sameShownAmount(c.amount(), tc.a) {
			t.Errorf("centsOf(%v) comes back as %v", tc.a, c.amount())
		}
	}
}

func decimalOf(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
