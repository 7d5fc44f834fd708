package main

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// buildReport is the report command after loading: audit, price, preview
// the rewrite and join them.
func buildReport(t testing.TB, f *fleet.Fleet) *reports.Report {
	res, cmp := auditAndPrice(t, f)
	return reports.NewReport(reports.NewAudit("dev", res, f, nil), reports.NewCost("dev", cmp, f, nil), newReportPreview(f, rewrite.Options{}, res), "")
}

// auditAndPrice are what the report of f is made from: its audit (every
// rule) and its price comparison (the embedded price book).
func auditAndPrice(t testing.TB, f *fleet.Fleet) (*analyzer.Result, *pricing.Comparison) {
	t.Helper()
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := pricing.Compare(f, pricing.Default(), pricing.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return res, cmp
}

// BenchmarkReport10k is the whole report of a 10,000-service fleet after
// loading, every format rendered (all: held whole, as --format renders
// one; stream: report --out's files as StreamReport writes them), and its
// stages one by one (docs/benchmarks.md, Report).
func BenchmarkReport10k(b *testing.B) {
	f := genFleet(b, 100, 100)
	b.Run("stream", func(b *testing.B) {
		for b.Loop() {
			res, cmp := auditAndPrice(b, f)
			out := reports.ReportOutputs{Audit: io.Discard, Cost: io.Discard, Details: io.Discard, Formats: map[string]io.Writer{},
				Spool: func() (reports.Spool, error) { return os.CreateTemp(b.TempDir(), "spool-*") }}
			for format := range reports.ReportFiles {
				out.Formats[format] = io.Discard
			}
			if _, err := reports.StreamReport(reports.NewAudit("dev", res, f, nil), reports.NewCost("dev", cmp, f, nil), newReportPreview(f, rewrite.Options{}, res), "", out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			r := buildReport(b, f)
			for _, format := range reports.ReportFormats() {
				if err := reports.RenderReport(io.Discard, format, r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("audit", func(b *testing.B) {
		for b.Loop() {
			if _, err := analyzer.Audit(f, analyzer.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rewrite", func(b *testing.B) {
		for b.Loop() {
			previewRewrites(f, rewrite.Options{}, nil)
		}
	})
	r := buildReport(b, f)
	for _, format := range reports.ReportFormats() {
		b.Run("render-"+format, func(b *testing.B) {
			for b.Loop() {
				if err := reports.RenderReport(io.Discard, format, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestReport10kHTMLStaysSmall: a 10,000-service fleet still gives an HTML
// report under 10 MB, every service listed, the change lists summarised.
func TestReport10kHTMLStaysSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the 10,000-service report in -short mode")
	}
	r := buildReport(t, genFleet(t, 100, 100))
	var buf bytes.Buffer
	if err := reports.RenderReport(&buf, "html", r); err != nil {
		t.Fatal(err)
	}
	t.Logf("HTML for %d services: %d bytes", len(r.Services), buf.Len())
	if buf.Len() >= 10<<20 {
		t.Errorf("HTML report is %d bytes, want under 10 MB", buf.Len())
	}
	if r.Summary.Changes == 0 || bytes.Contains(buf.Bytes(), []byte("generated-value-never-shown")) {
		t.Errorf("changes %d; the rewrite preview should have changes, and no environment value may show", r.Summary.Changes)
	}
	for _, want := range []string{"svc-099-099", "<svg"} {
		if !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}
