package reports

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

func TestAmountRendering(t *testing.T) {
	cases := []struct {
		m          pricing.Money
		text, json string
	}{
		{pricing.USD(decimal.RequireFromString("9.010025")), "$9.01", `"9.01"`},
		{pricing.USD(decimal.RequireFromString("2.005")), "$2.01", `"2.01"`},
		{pricing.USD(decimal.RequireFromString("1.5")).WithCaveat("x is unverified"), "$1.50*", `"1.50"`},
		{pricing.Unknown("no price for ec2:x9.mega in us-east-1"), "unknown", `null`},
	}
	for _, c := range cases {
		a := amountOf(c.m)
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if a.String() != c.text || string(b) != c.json {
			t.Errorf("%v: text %q json %s; want %q %s", c.m.Amount(), a.String(), b, c.text, c.json)
		}
	}
	if s := zeroAmount.plus(amountOf(pricing.Unknown("x"))); s.Known {
		t.Error("a displayed sum with an unknown part must be unknown")
	}
}

func TestAssumptionsLineNamesEverything(t *testing.T) {
	c := &Cost{Assumptions: CostAssumptions{PriceDate: "2026-11-22", PriceSource: "embedded default", PriceFile: "embedded",
		Regions: []string{"eu-west-1", "us-east-1"}, HoursPerMonth: "730", SpotShare: "0.5", FargateSpotDiscount: "0.7",
		SavingsPlan1yDiscount: "0.2", SavingsPlan3yDiscount: "0.45", EC2Discount: "0.3", EC2SpotDiscount: "0.6", CPUWeight: "region",
		Caveats: []string{"a"}}}
	line := c.AssumptionsLine()
	for _, want := range []string{"2026-11-22", "embedded default", "eu-west-1, us-east-1", "730 h/month", "Spot share 50%", "EC2 discount 30%", "1 unverified or estimated"} {
		if !strings.Contains(line, want) {
			t.Errorf("assumptions line lacks %q: %s", want, line)
		}
	}
}
