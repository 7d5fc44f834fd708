package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

// writeReportFiles writes every format into dir, each file atomically, so
// a reader never sees half a report: first the audit and cost documents,
// then the reports, so report.json never names a file not yet there.
func writeReportFiles(dir string, r *reports.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating report directory %s: %w", dir, err)
	}
	documents := []struct {
		name, what string
		render     func(io.Writer) error
	}{
		{reports.ReportAuditFile, "audit", func(w io.Writer) error { return reports.RenderAudit(w, "json", r.Audit) }},
		{reports.ReportCostFile, "cost", func(w io.Writer) error { return reports.RenderCost(w, "json", r.Cost) }},
	}
	for _, d := range documents {
		path := filepath.Join(dir, d.name)
		if err := atomicfile.Write(path, 0o644, d.render); err != nil {
			return fmt.Errorf("writing %s document %s: %w", d.what, path, err)
		}
	}
	for format, name := range reports.ReportDetailFiles {
		r.Audit.DetailsFile = name
		path := filepath.Join(dir, name)
		render := reports.ReportDetailRenderers[format]
		if err := atomicfile.Write(path, 0o644, func(w io.Writer) error { return render(w, r) }); err != nil {
			return fmt.Errorf("writing %s details %s: %w", format, path, err)
		}
	}
	for _, format := range reports.ReportFormats() {
		path := filepath.Join(dir, reports.ReportFiles[format])
		err := atomicfile.Write(path, 0o644, func(w io.Writer) error {
			if format == "json" {
				return reports.RenderReportJSONReferencing(w, r, reports.ReportAuditFile, reports.ReportCostFile)
			}
			return reports.RenderReport(w, format, r)
		})
		if err != nil {
			return fmt.Errorf("writing %s report %s: %w", format, path, err)
		}
	}
	return nil
}

// reportFileNames are the files --out writes, sorted.
func reportFileNames() []string {
	out := []string{reports.ReportAuditFile, reports.ReportCostFile}
	for _, name := range reports.ReportFiles {
		out = append(out, name)
	}
	for _, name := range reports.ReportDetailFiles {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// nowFlag is --now: alone it stamps the current time, --now=TIME stamps
// the given RFC 3339 time. Without it the report carries no time at all.
type nowFlag struct {
	set bool
	at  string // the given time, normalised to UTC; empty = current
}

// IsBoolFlag lets --now stand alone (the flag package then passes "true").
func (n *nowFlag) IsBoolFlag() bool { return true }

func (n *nowFlag) Set(v string) error {
	switch v {
	case "true":
		n.set, n.at = true, ""
		return nil
	case "false":
		n.set, n.at = false, ""
		return nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return fmt.Errorf("want an RFC 3339 time such as 2026-11-30T12:00:00Z, got %q", v)
	}
	n.set, n.at = true, t.UTC().Format(time.RFC3339)
	return nil
}

func (n *nowFlag) String() string {
	if n == nil || !n.set {
		return ""
	}
	return n.stamp()
}

// stamp is the time to print: empty when --now was not given.
func (n *nowFlag) stamp() string {
	switch {
	case !n.set:
		return ""
	case n.at != "":
		return n.at
	}
	return time.Now().UTC().Format(time.RFC3339)
}
