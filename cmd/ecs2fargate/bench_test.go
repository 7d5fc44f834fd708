//go:build unix

// Unix only: the benchmarks read CPU time and peak RSS with getrusage(2),
// which Windows does not have.

package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/rusage"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

// The benchmarks of the issue 2, 3, 4 and 6 performance targets, on the
// generated 10,000-service fleet read from disk. docs/benchmarks.md has
// the commands and the figures.

// loadBench loads the fleet and fails on any diagnostic: the generated
// fleet is clean, so one means the loader or the generator regressed.
func loadBench(b *testing.B, dir string) *fleet.Fleet {
	f, diags := fleet.Load(context.Background(), []string{dir}, nil)
	if len(diags) > 0 {
		b.Fatalf("generated fleet: %d diagnostics, first: %s", len(diags), diags[0])
	}
	if len(f.Services) != 10_000 {
		b.Fatalf("%d services loaded, want 10000", len(f.Services))
	}
	return f
}

// cpuTime is the CPU time the process has used, all threads together.
func cpuTime() time.Duration { return rusage.SelfCPU() }

// measure runs op in b.Loop, with allocations and CPU seconds per op
// reported beside wall time: on a shared machine wall time depends on the
// neighbours, CPU time much less.
func measure(b *testing.B, op func()) {
	b.ReportAllocs()
	start, n := cpuTime(), 0
	for b.Loop() {
		op()
		n++
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(n), "cpu-s/op")
}

func BenchmarkLoad10k(b *testing.B) {
	dir := fleet10kDir(b)
	measure(b, func() { loadBench(b, dir) })
}

func BenchmarkAudit10k(b *testing.B) {
	f := loadBench(b, fleet10kDir(b))
	measure(b, func() { auditBench(b, f) })
}

func BenchmarkLoadAndAudit10k(b *testing.B) {
	dir := fleet10kDir(b)
	measure(b, func() { auditBench(b, loadBench(b, dir)) })
}

func auditBench(b *testing.B, f *fleet.Fleet) *analyzer.Result {
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkAuditCommand10k is `ecs2fargate audit --format F DIR`: load,
// audit, render, one sub-benchmark per format.
func BenchmarkAuditCommand10k(b *testing.B) {
	commandBench(b, "audit", []string{"--fail-on", "none"}, reports.AuditFormats())
}

// BenchmarkCostCommand10k is `ecs2fargate cost --format F DIR`: load,
// compare, render.
func BenchmarkCostCommand10k(b *testing.B) {
	commandBench(b, "cost", nil, reports.CostFormats())
}

func commandBench(b *testing.B, command string, flags, formats []string) {
	dir := fleet10kDir(b)
	for _, format := range formats {
		b.Run(format, func(b *testing.B) {
			measure(b, func() {
				var stderr strings.Builder
				s := streams{in: eofReader{}, out: io.Discard, err: &stderr}
				args := append(append([]string{"ecs2fargate", command, "--format", format}, flags...), dir)
				if code := run(context.Background(), args, s); code != exitOK {
					b.Fatalf("%s --format %s: exit %d: %s", command, format, code, stderr.String())
				}
			})
		})
	}
}

// BenchmarkCompare10k is pricing.Compare alone on the loaded fleet, and
// BenchmarkLoadAndCompare10k the same with loading.
func BenchmarkCompare10k(b *testing.B) {
	f := loadBench(b, fleet10kDir(b))
	measure(b, func() { compareBench(b, f) })
}

func BenchmarkLoadAndCompare10k(b *testing.B) {
	dir := fleet10kDir(b)
	measure(b, func() { compareBench(b, loadBench(b, dir)) })
}

func compareBench(b *testing.B, f *fleet.Fleet) {
	if _, err := pricing.Compare(f, pricing.Default(), pricing.DefaultOptions()); err != nil {
		b.Fatal(err)
	}
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// BenchmarkRewrite10k is `ecs2fargate rewrite` after loading: every task
// definition and service rewritten, nothing written.
func BenchmarkRewrite10k(b *testing.B) {
	f := loadBench(b, fleet10kDir(b))
	measure(b, func() {
		if run := rewriteFleet(f, rewriteOptions{}); len(run.report.Errors) > 0 {
			b.Fatal(run.report.Errors[0])
		}
	})
}

// BenchmarkReportBuild10k is `ecs2fargate report` after loading, before
// rendering: audit, price, preview the rewrite, join.
func BenchmarkReportBuild10k(b *testing.B) {
	f := loadBench(b, fleet10kDir(b))
	measure(b, func() { buildReport(b, f) })
}

// BenchmarkReportCommand10k is `ecs2fargate report --format F DIR`: load,
// audit, price, preview the rewrite, render.
func BenchmarkReportCommand10k(b *testing.B) {
	commandBench(b, "report", []string{"--fail-on", "none"}, reports.ReportFormats())
}

// BenchmarkReportRender10k renders the built report in each format.
func BenchmarkReportRender10k(b *testing.B) {
	r := buildReport(b, loadBench(b, fleet10kDir(b)))
	for _, format := range reports.ReportFormats() {
		b.Run(format, func(b *testing.B) {
			measure(b, func() {
				if err := reports.RenderReport(io.Discard, format, r); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkReportOut10k is `ecs2fargate report --out DIR DIR`: load,
// audit, price, preview the rewrite and write all five formats.
func BenchmarkReportOut10k(b *testing.B) {
	dir, out := fleet10kDir(b), b.TempDir()
	measure(b, func() {
		var stderr strings.Builder
		s := streams{in: eofReader{}, out: io.Discard, err: &stderr}
		if code := run(context.Background(), []string{"ecs2fargate", "report", "--fail-on", "none", "--out", out, dir}, s); code != exitOK {
			b.Fatalf("report --out: exit %d: %s", code, stderr.String())
		}
	})
}

// BenchmarkRewriteOut10k is `ecs2fargate rewrite --out DIR DIR`: load,
// rewrite and write every document (about 19,000 files, each synced).
func BenchmarkRewriteOut10k(b *testing.B) {
	dir, out := fleet10kDir(b), b.TempDir()
	measure(b, func() {
		var stderr strings.Builder
		s := streams{in: eofReader{}, out: io.Discard, err: &stderr}
		code := run(context.Background(), []string{"ecs2fargate", "rewrite", "--out", out, dir}, s)
		if code != exitOK && code != exitFindings { // blocked definitions exit 2
			b.Fatalf("rewrite --out: exit %d: %s", code, stderr.String())
		}
	})
}
