package pricing

import (
	"fmt"
	"math/rand"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// oneService is a hand-built fleet: one service of count tasks of size s.
func oneService(s fargate.Size, count int32, windows bool) *fleet.Fleet {
	cpu, mem := fmt.Sprint(s.CPU), fmt.Sprint(s.Memory)
	name, family := "svc", "td"
	td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{Family: &family, Revision: 1, Cpu: &cpu, Memory: &mem}}
	if windows {
		td.Def.RuntimePlatform = &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyWindowsServer2022Core}
	}
	arn := "arn:aws:ecs:us-east-1:123456789012:service/c/svc"
	svc := &fleet.Service{Svc: ecstypes.Service{ServiceName: &name, ServiceArn: &arn, DesiredCount: count, RunningCount: count}, Cluster: "c", TaskDef: td}
	return &fleet.Fleet{Services: []*fleet.Service{svc}, TaskDefinitions: []*fleet.TaskDefinition{td},
		Clusters: []*fleet.Cluster{{Name: "c", Services: []*fleet.Service{svc}}}}
}

// defaultBook is parsed once: the property test prices hundreds of fleets.
var defaultBook = withEC2Plans(Default())

func fargateCost(t *testing.T, s fargate.Size, count int32) Variants {
	t.Helper()
	c, err := Compare(oneService(s, count, false), defaultBook, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return *c.Services[0].Fargate
}

// A larger task (no less CPU and no less memory) or more tasks never
// cost less, under every purchase option.
func TestFargateCostMonotoneInSizeAndCount(t *testing.T) {
	pairs := fargate.Pairs(false)
	costs := make([]Variants, len(pairs))
	for i, p := range pairs {
		costs[i] = fargateCost(t, p, 3)
	}
	opts := func(v Variants) []Money { return []Money{v.OnDemand, v.Spot, v.ARM, v.SavingsPlan1y, v.SavingsPlan3y} }
	for i, a := range pairs {
		for j, b := range pairs {
			if b.CPU < a.CPU || b.Memory < a.Memory {
				continue
			}
			for k, ca := range opts(costs[i]) {
				cb := opts(costs[j])[k]
				if cb.Amount().LessThan(ca.Amount()) {
					t.Errorf("option %d: %v costs %s but larger %v costs %s", k, a, ca.Amount(), b, cb.Amount())
				}
			}
		}
	}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200; n++ {
		p := pairs[r.Intn(len(pairs))]
		c1, c2 := int32(r.Intn(50)), int32(r.Intn(50))
		if c1 > c2 {
			c1, c2 = c2, c1
		}
		a, b := opts(fargateCost(t, p, c1)), opts(fargateCost(t, p, c2))
		for k := range a {
			if b[k].Amount().LessThan(a[k].Amount()) {
				t.Errorf("option %d, %v: %d tasks cost %s, %d tasks cost %s", k, p, c1, a[k].Amount(), c2, b[k].Amount())
			}
		}
	}
}

// Windows: vCPU + OS licence, unverified rates flagged; no Spot, no ARM,
// no Savings Plan rate in the book.
func TestWindowsPricing(t *testing.T) {
	c, err := Compare(oneService(fargate.Size{CPU: 1024, Memory: 2048}, 1, true), Default(), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	v := c.Services[0].Fargate
	// (1 × (0.09148 + 0.046) + 2 × 0.01005) × 730 = 0.15758 × 730
	wantMoney(t, "windows on-demand", v.OnDemand, "115.0334")
	if len(v.OnDemand.Caveats()) == 0 {
		t.Error("Windows rates are unverified and must carry a caveat")
	}
	if v.SavingsPlan1y.Known() {
		t.Error("the book has no Savings Plan rate for Windows")
	}
	wantMoney(t, "windows ARM column (stays on x86)", v.ARM, "115.0334")
	wantMoney(t, "windows spot column", v.Spot, "115.0334")
}

func TestSplitCentsNeverLosesACent(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for n := 0; n < 2000; n++ {
		total := decimal.New(r.Int63n(10_000_000), -3)
		parts := make([]decimal.Decimal, 1+r.Intn(8))
		rest := total
		for i := range parts[:len(parts)-1] {
			share := rest.Mul(decimal.NewFromFloat(r.Float64())).Round(10)
			parts[i], rest = share, rest.Sub(share)
		}
		parts[len(parts)-1] = rest
		got := SplitCents(total, parts)
		sum := decimal.Zero
		for i, g := range got {
			sum = sum.Add(g)
			if g.Sub(parts[i]).Abs().GreaterThanOrEqual(dec("0.01")) && len(parts) < 100 {
				t.Fatalf("part %s shown as %s: off by a cent or more", parts[i], g)
			}
		}
		if !sum.Equal(total.Round(2)) {
			t.Fatalf("SplitCents(%s, %v) = %v, sums to %s", total, parts, got, sum)
		}
	}
}

func TestUnknownPropagatesAndNamesItsPart(t *testing.T) {
	a, b := USD(dec("1.5")), Unknown("no price for ec2:x9.mega in us-east-1")
	s := Sum(a, b, a)
	if s.Known() || len(s.Missing()) != 1 || s.Missing()[0] != "no price for ec2:x9.mega in us-east-1" {
		t.Errorf("sum = %v, missing %v", s.Amount(), s.Missing())
	}
	if !a.Known() || !a.Amount().Equal(dec("1.5")) {
		t.Error("adding must not change the operands")
	}
	c1 := USD(dec("1")).WithCaveat("b")
	c2 := c1.Add(USD(dec("1")).WithCaveat("a"))
	if len(c1.Caveats()) != 1 || len(c2.Caveats()) != 2 || c2.Caveats()[0] != "a" {
		t.Errorf("caveats %v / %v", c1.Caveats(), c2.Caveats())
	}
}
