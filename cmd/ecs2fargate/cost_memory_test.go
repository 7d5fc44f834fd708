package main

import (
	"context"
	"runtime"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

// compareBytesPerService and costReportBytesPerService bound what the
// price comparison and the cost report beside it keep per service, live
// after a collection (issue 17: 10 KB a service in all beyond the fleet
// model, shared with the audit and the rewrite preview). Measured at 2,000
// generated services: about 2.4 KB for pricing.Compare and 1.5 KB for
// reports.NewCost; they were 3.4 and 4.4 KB when Money held two slices and
// the cost report every service row whole.
const (
	compareBytesPerService    = 3 << 10
	costReportBytesPerService = 2 << 10
)

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestCostLiveHeapPerService(t *testing.T) {
	const n = 2_000
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: n}); err != nil {
		t.Fatal(err)
	}
	f, diags := fleet.Load(context.Background(), []string{dir}, nil)
	if len(f.Services) != n {
		t.Fatalf("%d services loaded, want %d (diagnostics %v)", len(f.Services), n, diags)
	}
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := pricing.DefaultOptions()
	opts.DefaultRegion = "us-east-1"
	applyAudit(&opts, f, res)
	res = nil
	before := liveHeap()
	cmp, err := pricing.Compare(f, pricing.Default(), opts)
	if err != nil {
		t.Fatal(err)
	}
	compared := liveHeap()
	cost := reports.NewCost(version, cmp, f, diags)
	built := liveHeap()
	runtime.KeepAlive(cmp)
	perService := func(a, b uint64) uint64 { return (b - min(a, b)) / n }
	if got := perService(before, compared); got > compareBytesPerService {
		t.Errorf("pricing.Compare keeps %d bytes a service, want at most %d", got, compareBytesPerService)
	}
	if got := perService(compared, built); got > costReportBytesPerService {
		t.Errorf("reports.NewCost keeps %d bytes a service beside the comparison, want at most %d", got, costReportBytesPerService)
	}
	t.Logf("live heap a service: compare %d B, cost report %d B", perService(before, compared), perService(compared, built))
	runtime.KeepAlive(cost)
	runtime.KeepAlive(f)
}
