package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// TestDemoFleetPlatformAgrees holds the audit, the cost model and the
// rewrite to the fleet's one platform decision on the demo fleet: every
// service the audit treats as Windows is sized on a Windows Fargate size,
// priced at Windows rates with no Spot and no ARM option, and rewritten
// with a Windows family on X86_64; every service it treats as ARM is
// priced at ARM rates and rewritten with ARM64; the others at x86 rates.
func TestDemoFleetPlatformAgrees(t *testing.T) {
	f, diags := fleet.Load(context.Background(), []string{filepath.Join(packageDir, "..", "..", demoFleet)}, nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("demo fleet: %v", diags)
	}
	cmp, err := pricing.Compare(f, pricing.Default(), pricing.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	costs := map[*fleet.Service]*pricing.ServiceCost{}
	for i, s := range f.Services {
		costs[s] = cmp.Services[i]
	}
	seen, rewritten := map[pricing.Platform]int{}, map[pricing.Platform]int{}
	for _, s := range f.Services {
		if s.TaskDef == nil {
			continue
		}
		subj := &analyzer.Subject{Fleet: f, TaskDef: s.TaskDef, Service: s}
		p, sc, name := subj.Platform(), costs[s], s.Cluster+"/"+s.Name()
		want := pricing.LinuxX86
		switch {
		case subj.Windows():
			want = pricing.Windows
		case p.IsARM():
			want = pricing.LinuxARM
		}
		seen[want]++
		if sc.Platform != want {
			t.Errorf("%s: the audit decides %s/%s, the cost model prices %s", name, p.OS, p.Arch, sc.Platform)
		}
		if size, ok := subj.FargateSize(); ok && (size != sc.Size || !fargate.Valid(sc.Size, subj.Windows())) {
			t.Errorf("%s: the audit sizes %+v, the cost model %+v (Windows %v)", name, size, sc.Size, subj.Windows())
		}
		if want == pricing.Windows && !sc.TooLarge {
			if sc.Fargate.Spot.Amount() != sc.Fargate.OnDemand.Amount() || sc.Fargate.ARM.Amount() != sc.Fargate.OnDemand.Amount() {
				t.Errorf("%s: Windows priced with a Spot or ARM figure of its own: %+v", name, sc.Fargate)
			}
		}
		if want == pricing.LinuxARM && sc.Fargate.OnDemand.Amount().String() != sc.Fargate.ARM.Amount().String() {
			t.Errorf("%s: an ARM task's on-demand figure %s is not its ARM figure %s", name, sc.Fargate.OnDemand.Amount(), sc.Fargate.ARM.Amount())
		}
		if checkRewritePlatform(t, f, s.TaskDef, name, want) {
			rewritten[want]++
		}
	}
	if seen[pricing.Windows] == 0 || seen[pricing.LinuxARM] == 0 || rewritten[pricing.Windows] == 0 || rewritten[pricing.LinuxARM] == 0 {
		t.Errorf("the demo fleet should exercise Windows and ARM services, audited and rewritten; saw %v, rewrote %v", seen, rewritten)
	}
}

// checkRewritePlatform checks the runtimePlatform the rewrite writes;
// false when it writes no document (blocked: nothing is registered).
func checkRewritePlatform(t *testing.T, f *fleet.Fleet, td *fleet.TaskDefinition, name string, want pricing.Platform) bool {
	t.Helper()
	res, err := rewrite.TaskDefinition(f, td, rewrite.Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if res.Document == nil {
		return false
	}
	var doc struct {
		RuntimePlatform struct{ OperatingSystemFamily, CpuArchitecture string }
	}
	if err := json.Unmarshal(res.Document, &doc); err != nil {
		t.Fatal(err)
	}
	rp := doc.RuntimePlatform
	switch want {
	case pricing.Windows:
		if len(rp.OperatingSystemFamily) < 7 || rp.OperatingSystemFamily[:7] != "WINDOWS" || rp.CpuArchitecture != "X86_64" {
			t.Errorf("%s: Windows service rewritten with runtimePlatform %+v", name, rp)
		}
	case pricing.LinuxARM:
		if rp.CpuArchitecture != "ARM64" {
			t.Errorf("%s: ARM service rewritten with runtimePlatform %+v", name, rp)
		}
	default:
		if rp.CpuArchitecture == "ARM64" || len(rp.OperatingSystemFamily) >= 7 && rp.OperatingSystemFamily[:7] == "WINDOWS" {
			t.Errorf("%s: x86 Linux service rewritten with runtimePlatform %+v", name, rp)
		}
	}
	return true
}
