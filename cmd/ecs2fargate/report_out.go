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
// a reader never sees half a report.
func writeReportFiles(dir string, r *reports.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating report directory %s: %w", dir, err)
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
		err := atomicfile.Write(path, 0o644, func(w io.Writer) error { return reports.RenderReport(w, format, r) })
		if err != nil {
			return fmt.Errorf("writing %s report %s: %w", format, path, err)
		}
	}
	return nil
}

// reportFileNames are the files --out writes, sorted.
func reportFileNames() []string {
	var out []string
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
