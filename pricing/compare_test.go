package pricing

import (
	"context"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func loadFleet(t *testing.T, paths ...string) *fleet.Fleet {
	t.Helper()
	f, diags := fleet.Load(context.Background(), paths, nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("loading %v: %v", paths, diags)
	}
	return f
}

func compare(t *testing.T, f *fleet.Fleet, o Options) *Comparison {
	t.Helper()
	c, err := Compare(f, withEC2Plans(Default()), o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func service(t *testing.T, c *Comparison, name string) *ServiceCost {
	t.Helper()
	for _, s := range c.Services {
		if s.Service == name {
			return s
		}
	}
	t.Fatalf("no service %s", name)
	return nil
}

func wantMoney(t *testing.T, what string, got Money, want string) {
	t.Helper()
	if !got.Known() {
		t.Errorf("%s unknown: %v", what, got.Missing())
		return
	}
	if !got.Amount().Equal(dec(want)) {
		t.Errorf("%s = %s, want %s", what, got.Amount(), want)
	}
}

func nine() *decimal.Decimal { d := dec("9"); return &d }

// Hand-computed: 0.25 vCPU × $0.04048 + 0.5 GB × $0.004445 = $0.0123425 per
// hour; × 730 h = $9.010025, shown as $9.01. Spot uses the 2026-09-28
// us-east-1 Spot prices, ARM and Savings Plans the us-east-1 rates.
func TestReferenceQuarterVCPUHalfGBUsEast1(t *testing.T) {
	c := compare(t, loadFleet(t, "testdata/fleet/basic"), DefaultOptions())
	tiny := service(t, c, "tiny")
	if tiny.Size.CPU != 256 || tiny.Size.Memory != 512 || tiny.Region != "us-east-1" {
		t.Fatalf("tiny = %+v", tiny)
	}
	wantMoney(t, "on-demand", tiny.Fargate.OnDemand, "9.010025")
	if got := Cents(tiny.Fargate.OnDemand.Amount()).StringFixed(2); got != "9.01" {
		t.Errorf("on-demand shown as %s, want 9.01", got)
	}
	// A single task is not Spot-suitable: the Spot column keeps it on-demand.
	wantMoney(t, "spot", tiny.Fargate.Spot, "9.010025")
	spot := SpotRates(Default(), "us-east-1", LinuxX86, Default().Defaults().FargateSpotDiscount)
	wantMoney(t, "spot task", spot.VCPU.Mul(dec("0.25")).Add(spot.GB.Mul(dec("0.5"))).Mul(dec("730")), "2.868763125") // (0.25×0.01288871 + 0.5×0.00141527) × 730
	wantMoney(t, "arm", tiny.Fargate.ARM, "7.20875")                                                                  // (0.25×0.03238 + 0.5×0.00356) × 730
	wantMoney(t, "sp1y", tiny.Fargate.SavingsPlan1y, "7.20802")                                                       // (0.25×0.032384 + 0.5×0.003556) × 730
	wantMoney(t, "sp3y", tiny.Fargate.SavingsPlan3y, "4.95551375")
	if len(tiny.SpotRisks) != 1 || tiny.SpotRisks[0] != "single task" {
		t.Errorf("spot risks = %v, want single task", tiny.SpotRisks)
	}
	api := service(t, c, "api")
	wantMoney(t, "api on-demand", api.Fargate.OnDemand, "72.0802") // 2 × (1×0.04048 + 2×0.004445) × 730
	if len(api.SpotRisks) != 1 || !strings.HasPrefix(api.SpotRisks[0], "stateful") {
		t.Errorf("api spot risks = %v, want stateful", api.SpotRisks)
	}
}

// A cluster of m6i.large ($0.096) and t3.medium ($0.0416): $100.448 a
// month. Registered 4 vCPU and 11 GB; with 9 GB per vCPU that is 47 units.
// tiny reserves 0.25 vCPU + 0.5 GB = 2.75 units, api 2 × (1 vCPU + 2 GB) =
// 22 units, so tiny pays 100.448 × 2.75/47, api 100.448 × 22/47, and the
// 22.25 unreserved units are idle.
func TestReferenceTwoInstanceClusterWithIdle(t *testing.T) {
	o := DefaultOptions()
	o.CPUWeight = nine()
	c := compare(t, loadFleet(t, "testdata/fleet/basic"), o)
	if len(c.Clusters) != 1 {
		t.Fatalf("clusters = %d", len(c.Clusters))
	}
	cl := c.Clusters[0]
	wantMoney(t, "cluster EC2", cl.EC2, "100.448")
	tiny, api := service(t, c, "tiny"), service(t, c, "api")
	wantCents(t, "tiny share", tiny.EC2(), "5.88")
	wantCents(t, "api share", api.EC2(), "47.02")
	wantCents(t, "idle", cl.Idle, "47.55")
	if sum := tiny.EC2().Add(api.EC2()).Add(cl.Idle); !sum.Amount().Equal(cl.EC2.Amount()) {
		t.Errorf("shares + idle = %s, cluster = %s", sum.Amount(), cl.EC2.Amount())
	}
	split := SplitCents(cl.EC2.Amount(), []decimal.Decimal{tiny.EC2().Amount(), api.EC2().Amount(), cl.Idle.Amount()})
	if got := split[0].Add(split[1]).Add(split[2]); !got.Equal(dec("100.45")) {
		t.Errorf("displayed split %v sums to %s, want 100.45", split, got)
	}
	if got := cl.Utilization.Round(4); !got.Equal(dec("0.5266")) { // 24.75 / 47
		t.Errorf("utilization = %s", got)
	}
	// Fargate on-demand 81.090225; breakeven = 100.448 × (24.75/47) / 81.090225.
	if cl.Breakeven == nil || !cl.Breakeven.Round(4).Equal(dec("0.6523")) {
		t.Errorf("breakeven = %v, want 0.6523", cl.Breakeven)
	}
	wantMoney(t, "fleet EC2", c.Total.EC2, "100.448")
	wantMoney(t, "fleet on-demand", c.Total.Fargate.OnDemand, "81.090225")
}

func wantCents(t *testing.T, what string, m Money, want string) {
	t.Helper()
	if !m.Known() {
		t.Errorf("%s unknown: %v", what, m.Missing())
		return
	}
	if got := Cents(m.Amount()).StringFixed(2); got != want {
		t.Errorf("%s = %s (%s), want %s", what, got, m.Amount(), want)
	}
}

// The default weight is the region's Fargate price ratio, 0.04048/0.004445.
func TestDefaultCPUWeightIsFargatePriceRatio(t *testing.T) {
	c := compare(t, loadFleet(t, "testdata/fleet/basic"), DefaultOptions())
	if got := c.Clusters[0].CPUWeight.Round(4); !got.Equal(dec("9.1069")) {
		t.Errorf("cpu weight = %s, want 9.1069", got)
	}
}

// Two tasks of 0.25 vCPU / 0.5 GB, half on Spot: (2 × 9.010025 + 2 ×
// 2.868763125) / 2.
func TestSpotShareBlendsOnDemandAndSpot(t *testing.T) {
	o := DefaultOptions()
	o.SpotShare = ptr.To(dec("0.5"))
	dir := writeFleet(t, []host{{typ: "m5.xlarge"}}, []svc{{name: "two", tasks: 2, cpu: 256, mem: 512, taskLevel: true}})
	two := service(t, compare(t, loadFleet(t, dir), o), "two")
	wantMoney(t, "half spot", two.Fargate.Spot, "11.878788125")
}

func TestEC2DiscountsApply(t *testing.T) {
	o := DefaultOptions()
	o.EC2Discount = ptr.To(dec("0.25"))
	c := compare(t, loadFleet(t, "testdata/fleet/basic"), o)
	wantMoney(t, "discounted EC2", c.Clusters[0].EC2, "75.336") // 100.448 × 0.75
}

func TestPublicIPv4Delta(t *testing.T) {
	api := service(t, compare(t, loadFleet(t, "testdata/fleet/basic"), DefaultOptions()), "api")
	if len(api.Deltas) != 1 || api.Deltas[0].Kind != DeltaPublicIPv4 {
		t.Fatalf("deltas = %+v", api.Deltas)
	}
	wantMoney(t, "public IPv4", api.Deltas[0].Monthly, "7.3") // 2 tasks × 730 h × $0.005
}

func TestUnknownInstanceTypeIsNamedNotZero(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	f.Instances[1].EC2.InstanceType = "x9.mega"
	c := compare(t, f, DefaultOptions())
	cl := c.Clusters[0]
	if cl.EC2.Known() || cl.Idle.Known() {
		t.Fatalf("cluster EC2 = %v known, want unknown", cl.EC2.Amount())
	}
	if got := strings.Join(cl.EC2.Missing(), "|"); !strings.Contains(got, "x9.mega") || !strings.Contains(got, "us-east-1") {
		t.Errorf("reason %q does not name the instance type and region", got)
	}
	if service(t, c, "tiny").EC2().Known() {
		t.Error("a share of an unknown cost must be unknown")
	}
	if c.Total.EC2.Known() {
		t.Error("a total with an unknown part must be unknown")
	}
	wantMoney(t, "Fargate still priced", c.Total.Fargate.OnDemand, "81.090225")
}

func TestUnknownRegionIsNamed(t *testing.T) {
	o := DefaultOptions()
	o.Region = "xx-nowhere-1"
	c := compare(t, loadFleet(t, "testdata/fleet/basic"), o)
	tiny := service(t, c, "tiny")
	if tiny.Fargate.OnDemand.Known() || !strings.Contains(strings.Join(tiny.Fargate.OnDemand.Missing(), "|"), "xx-nowhere-1") {
		t.Errorf("on-demand = %v %v, want unknown naming the region", tiny.Fargate.OnDemand.Amount(), tiny.Fargate.OnDemand.Missing())
	}
}

func TestClusterWithoutInstancesIsUnknown(t *testing.T) {
	c := compare(t, loadFleet(t, "testdata/fleet/basic/services.json", "testdata/fleet/basic/td-tiny.json", "testdata/fleet/basic/td-api.json"), DefaultOptions())
	cl := c.Clusters[0]
	if cl.EC2.Known() || !strings.Contains(cl.EC2.Missing()[0], "no container instances") {
		t.Errorf("EC2 = %v, want unknown: no container instances", cl.EC2.Missing())
	}
}

func TestMissingTaskDefinitionIsUnknown(t *testing.T) {
	c := compare(t, loadFleet(t, "testdata/fleet/basic/services.json", "testdata/fleet/basic/td-tiny.json"), DefaultOptions())
	api := service(t, c, "api")
	if api.Fargate.OnDemand.Known() || !strings.Contains(api.Fargate.OnDemand.Missing()[0], "api:3") {
		t.Errorf("api on-demand = %v", api.Fargate.OnDemand.Missing())
	}
}

func TestOptionsRejectAbsurdValues(t *testing.T) {
	bad := map[string]func(*Options){
		"hours 0":         func(o *Options) { o.HoursPerMonth = dec("0") },
		"hours 1000":      func(o *Options) { o.HoursPerMonth = dec("1000") },
		"spot share -0.1": func(o *Options) { o.SpotShare = ptr.To(dec("-0.1")) },
		"spot share 1.5":  func(o *Options) { o.SpotShare = ptr.To(dec("1.5")) },
		"ec2 discount 1":  func(o *Options) { o.EC2Discount = ptr.To(dec("1")) },
		"cpu weight 0":    func(o *Options) { w := dec("0"); o.CPUWeight = &w },
		"headroom 500":    func(o *Options) { o.MemoryHeadroom = 500 },
	}
	for name, mutate := range bad {
		o := DefaultOptions()
		mutate(&o)
		err := o.Validate()
		if err == nil || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("%s: err = %v, want an out-of-range error with the valid range", name, err)
		}
	}
}

// Where the book has no Spot price (eu-west-3), Spot is on-demand less the
// default 70 %, or less --fargate-spot-discount; both flagged as estimates.
func TestFargateSpotDiscountWhereNoSpotPrice(t *testing.T) {
	o := DefaultOptions()
	o.Region = "eu-west-3"
	o.SpotShare = ptr.To(dec("1"))
	dir := writeFleet(t, []host{{typ: "m5.xlarge"}}, []svc{{name: "tiny", tasks: 2, cpu: 256, mem: 512, taskLevel: true}})
	tiny := service(t, compare(t, loadFleet(t, dir), o), "tiny")
	od := tiny.Fargate.OnDemand.Amount() // 2 × (0.25 × 0.0486 + 0.5 × 0.0053) × 730 = 2 × 0.0148 × 730
	wantMoney(t, "eu-west-3 on-demand", tiny.Fargate.OnDemand, "21.608")
	wantMoney(t, "default 70% off", tiny.Fargate.Spot, od.Mul(dec("0.3")).String())
	if len(tiny.Fargate.Spot.Caveats()) == 0 {
		t.Error("an estimated Spot price must carry a caveat")
	}
	half := dec("0.5")
	o.FargateSpotDiscount = &half
	tiny = service(t, compare(t, loadFleet(t, dir), o), "tiny")
	wantMoney(t, "--fargate-spot-discount 50", tiny.Fargate.Spot, od.Mul(half).String())
}

// A service already on Fargate reserves nothing on the instances: its
// share is zero and the others' shares and idle still add up.
func TestServiceAlreadyOnFargateHasNoEC2Share(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	for _, s := range f.Services {
		if s.Name() == "api" {
			s.Svc.LaunchType = "FARGATE"
		}
	}
	o := DefaultOptions()
	o.CPUWeight = nine()
	c := compare(t, f, o)
	api, tiny, cl := service(t, c, "api"), service(t, c, "tiny"), c.Clusters[0]
	if !api.OnFargate || !api.EC2().Known() || !api.EC2().Amount().IsZero() {
		t.Errorf("api EC2 share = %v (on Fargate %t), want 0", api.EC2().Amount(), api.OnFargate)
	}
	wantCents(t, "tiny share", tiny.EC2(), "5.88")
	if !tiny.EC2().Add(cl.Idle).Amount().Equal(cl.EC2.Amount()) {
		t.Error("shares + idle must still equal the cluster cost")
	}
	// It is off the EC2 side, so it is off the Fargate side of the cluster
	// sums too: they compare what moves.
	if !cl.Fargate.OnDemand.Amount().Equal(tiny.Fargate.OnDemand.Amount()) {
		t.Errorf("cluster Fargate on-demand %v, want tiny's alone %v", cl.Fargate.OnDemand.Amount(), tiny.Fargate.OnDemand.Amount())
	}
}

// A Windows container instance pays the Windows licence on top of the
// Linux rate: it is priced at the book's Windows (licence included) rate,
// never the Linux one; a book without that rate leaves it unknown, named.
func TestWindowsHostPricedAtTheWindowsRate(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	f.ContainerInstances[0].Instance.EC2.Platform = "windows"
	c := compare(t, f, DefaultOptions())
	ic := c.Clusters[0].Instances[0]
	win := Default().Price("us-east-1", EC2WindowsItem("m6i.large"))
	linux := Default().Price("us-east-1", EC2Item("m6i.large"))
	if !win.Known() || !ic.Windows || !ic.Hourly.Known() || !ic.Hourly.Amount().Equal(win.Amount()) || win.Amount().Equal(linux.Amount()) {
		t.Errorf("Windows host hourly = %v (windows %t), want the Windows rate %v (Linux %v)", ic.Hourly.Amount(), ic.Windows, win.Amount(), linux.Amount())
	}
	dir := writeFleet(t, []host{{typ: "m5.xlarge"}}, []svc{{name: "web", tasks: 1, cpu: 512, mem: 1024, taskLevel: true}})
	f = loadFleet(t, dir)
	f.ContainerInstances[0].Instance.EC2.Platform = "windows"
	c, err := Compare(f, testBook(), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cl := c.Clusters[0]
	if cl.EC2.Known() || !strings.Contains(strings.Join(cl.EC2.Missing(), "\n"), "ec2-windows:m5.xlarge") {
		t.Errorf("cluster EC2 = %v, missing %v; want unknown naming the Windows rate", cl.EC2.Amount(), cl.EC2.Missing())
	}
}

// withEC2Plans adds, for the tests, EC2 Compute Savings Plan rates at
// 0.7 × (1 year) and 0.5 × (3 years) the on-demand rate of every instance
// type in the book: made-up ratios, so the Savings Plan columns of the
// fixtures are known while the embedded book has no such rates.
func withEC2Plans(b *Table) *Table {
	for _, items := range b.Regions {
		for it, e := range items {
			if typ, ok := it.InstanceType(); ok {
				items[EC2SavingsPlanItem(Term1y, typ)] = Entry{Value: e.Value.Mul(dec("0.7")), Unit: e.Unit, Source: "test", Confidence: "A"}
				items[EC2SavingsPlanItem(Term3y, typ)] = Entry{Value: e.Value.Mul(dec("0.5")), Unit: e.Unit, Source: "test", Confidence: "A"}
			}
		}
	}
	return b
}
