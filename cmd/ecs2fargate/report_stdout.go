package main

import (
	"fmt"
	"io"
	"os"

	"github.com/ecs2fargate/ecs2fargate/reports"
)

// writeReportTo writes the report in one format to w, and its Markdown
// details to detailsFile when one is named, as report --out writes its
// files: each service's row as it is made, never the estate's rows at
// once (reports.StreamReport, issue 17), the JSON with the audit and cost
// documents embedded. The parts of the output that wait for every row
// wait in spool files in a temporary directory (os.TempDir, $TMPDIR),
// removed before it returns; the details file is written atomically.
// format is one of reports.ReportFormats (readReportOptions checks it).
func writeReportTo(w io.Writer, format, detailsFile string, audit *reports.Audit, cost *reports.Cost, preview reports.Preview, now string) error {
	tmp, err := os.MkdirTemp("", "ecs2fargate-report-")
	if err != nil {
		return fmt.Errorf("a temporary directory for the report: %w", err)
	}
	defer os.RemoveAll(tmp)
	spools := &reportSpools{dir: tmp, pattern: "spool-*"}
	defer spools.remove() // before RemoveAll
	out := reports.ReportOutputs{Embed: true, Formats: map[string]io.Writer{}, Spool: spools.create}
	out.Formats[format] = w
	stream := func() error {
		_, err := reports.StreamReport(audit, cost, preview, now, out)
		return err
	}
	if detailsFile == "" {
		return stream()
	}
	audit.DetailsFile = detailsLink(detailsFile)
	return writeDetailsFile(detailsFile, func(details io.Writer) error {
		out.Details = details
		return stream()
	})
}
