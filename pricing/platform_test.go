package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
)

// platformBook is a small book with round rates, so the expectations below
// can be computed by hand and do not move when the embedded book does.
func platformBook() *Table {
	e := func(v string) Entry { return Entry{Value: decimal.RequireFromString(v), Unit: "hour", Source: "test"} }
	return &Table{Currency: "USD", Fallback: Default().Defaults(), Regions: map[string]map[Item]Entry{"us-east-1": {
		FargateVCPU: e("0.04"), FargateGB: e("0.005"),
		FargateARMVCPU: e("0.03"), FargateARMGB: e("0.004"),
		FargateWindowsVCPU: e("0.05"), FargateWindowsOS: e("0.04"), FargateWindowsGB: e("0.005"),
	}}}
}

// Hand-computed: a Windows service without runtimePlatform on Windows hosts
// (ecs.os-type windows) is priced as Windows: 1 vCPU × ($0.05 + $0.04
// licence) + 2 GB × $0.005 = $0.10 an hour per task; × 2 tasks × 730 h =
// $146.00. Windows has no Fargate Spot and no ARM: both columns are the
// on-demand figure.
func TestWindowsOnWindowsHostsPricedAsWindows(t *testing.T) {
	c, err := Compare(loadFleet(t, "testdata/fleet/platform/windows"), platformBook(), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := service(t, c, "iis")
	if s.Platform != Windows {
		t.Fatalf("platform %s, want %s", s.Platform, Windows)
	}
	wantMoney(t, "on-demand", s.Fargate.OnDemand, "146")
	wantMoney(t, "Spot", s.Fargate.Spot, "146")
	wantMoney(t, "ARM", s.Fargate.ARM, "146")
}

// Hand-computed: a service on arm64 (Graviton) hosts without
// runtimePlatform is priced at ARM rates, since the rewrite declares
// ARM64 for it: 0.25 vCPU × $0.03 + 0.5 GB × $0.004 = $0.0095 an hour;
// × 730 h = $6.935.
func TestGravitonHostsPricedAtARMRates(t *testing.T) {
	c, err := Compare(loadFleet(t, "testdata/fleet/platform/arm"), platformBook(), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := service(t, c, "api")
	if s.Platform != LinuxARM {
		t.Fatalf("platform %s, want %s", s.Platform, LinuxARM)
	}
	wantMoney(t, "on-demand", s.Fargate.OnDemand, "6.935")
	wantMoney(t, "ARM", s.Fargate.ARM, "6.935")
}
