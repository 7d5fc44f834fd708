package analyzer

import (
	"context"
	"os"
	"runtime"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// BenchmarkAuditLiveHeap reports the live heap an audit's result holds
// (issue 17 point 1), on the fleet at $ECS2FARGATE_BENCH_FLEET (skipped
// without it): loaded-MB after loading, result-MB that the result adds,
// and of it what the findings, the not-checked list and the verdicts hold
// (each measured by dropping it). docs/benchmarks.md has the figures.
//
//	ECS2FARGATE_BENCH_FLEET=/tmp/fleet10k go test ./analyzer -run XXX -bench AuditLiveHeap -benchtime 1x
func BenchmarkAuditLiveHeap(b *testing.B) {
	dir := os.Getenv("ECS2FARGATE_BENCH_FLEET")
	if dir == "" {
		b.Skip("set ECS2FARGATE_BENCH_FLEET to a generated fleet (go run ./cmd/fleetgen)")
	}
	live := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / 1e6
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	for b.Loop() {
		loaded := live()
		res, err := Audit(f, Options{})
		if err != nil {
			b.Fatal(err)
		}
		audited := live()
		res.Findings = nil
		noFindings := live()
		res.NotChecked = nil
		noNotChecked := live()
		res.Verdicts = nil
		noVerdicts := live()
		runtime.KeepAlive(res)
		b.ReportMetric(loaded, "loaded-MB")
		b.ReportMetric(audited-loaded, "result-MB")
		b.ReportMetric(audited-noFindings, "findings-MB")
		b.ReportMetric(noFindings-noNotChecked, "notchecked-MB")
		b.ReportMetric(noNotChecked-noVerdicts, "verdicts-MB")
	}
	runtime.KeepAlive(f)
}
