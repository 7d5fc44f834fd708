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

// writeReportFiles writes the audit and cost documents and every format
// into dir, each file atomically, so a reader never sees half a report.
// The reports are written together as their rows are made
// (reports.StreamReport, issue 17), each to its temporary file, with
// spools in dir for the parts written before what comes above them; once
// all are written they are renamed into place, the audit and cost
// documents first, so report.json never names a file not yet there.
func writeReportFiles(dir string, audit *reports.Audit, cost *reports.Cost, preview reports.Preview, now string) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating report directory %s: %w", dir, err)
	}
	var pending []*atomicfile.Pending // in the order they are renamed into place
	spools := &reportSpools{dir: dir, pattern: ".report.spool-*"}
	defer func() {
		for _, p := range pending {
			if p != nil && err != nil {
				p.Abort()
			}
		}
		spools.remove()
	}()
	create := func(name string) (*atomicfile.Pending, error) {
		p, err := atomicfile.Create(filepath.Join(dir, name), 0o644)
		if err == nil {
			pending = append(pending, p)
		}
		return p, err
	}
	out := reports.ReportOutputs{Formats: map[string]io.Writer{}, Spool: spools.create}
	if out.Audit, err = create(reports.ReportAuditFile); err != nil {
		return err
	}
	if out.Cost, err = create(reports.ReportCostFile); err != nil {
		return err
	}
	details := reports.ReportDetailFiles["markdown"]
	if out.Details, err = create(details); err != nil {
		return err
	}
	for _, format := range reports.ReportFormats() {
		if out.Formats[format], err = create(reports.ReportFiles[format]); err != nil {
			return err
		}
	}
	audit.DetailsFile = details
	if _, err := reports.StreamReport(audit, cost, preview, now, out); err != nil {
		return fmt.Errorf("writing the report into %s: %w", dir, err)
	}
	for i, p := range pending {
		if err := p.Commit(true); err != nil {
			return err
		}
		pending[i] = nil
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
