package reports

import (
	"io"
	"maps"
	"slices"
)

// reportRenderers maps each report format name to its renderer.
var reportRenderers = map[string]func(io.Writer, *Report) error{
	"html":     renderReportHTML,
	"markdown": renderReportMarkdownSummary,
	"json":     renderReportJSON,
	"csv":      renderReportCSV,
	"table":    renderReportTable,
}

// ReportFiles names the file each format is written to by report --out.
var ReportFiles = map[string]string{
	"html":     "report.html",
	"markdown": "report.md",
	"json":     "report.json",
	"csv":      "report.csv",
	"table":    "report.txt",
}

// ReportAuditFile and ReportCostFile are the audit and cost documents
// report --out writes beside the report: report.json names them
// (auditFile, costFile) instead of embedding them (issue 17), so neither
// file holds a whole estate twice.
const (
	ReportAuditFile = "audit.json"
	ReportCostFile  = "cost.json"
)

// ReportDetailFiles names, per format, the second file report --out
// writes: the details its summary links to.
var ReportDetailFiles = map[string]string{
	"markdown": "report-details.md",
}

// ReportDetailRenderers are the renderers of ReportDetailFiles.
var ReportDetailRenderers = map[string]func(io.Writer, *Report) error{
	"markdown": RenderReportMarkdownDetails,
}

// ReportFormats lists the formats RenderReport accepts.
func ReportFormats() []string { return slices.Sorted(maps.Keys(reportRenderers)) }

// RenderReport writes the migration report in the named format, from a
// report that holds its rows (NewReport): for a library user with a small
// estate, and the reference the commands' streamed report (StreamReport)
// is held to byte for byte (TestStreamReportEqualsHeldReport,
// TestStreamedStandardOutputEqualsHeld). The commands stream.
func RenderReport(w io.Writer, format string, r *Report) error {
	return renderAs(reportRenderers, w, format, r)
}
