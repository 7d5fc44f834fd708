package reports

import (
	"io"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// ReportFilesSchemaVersion is the version of the report JSON that report
// --out writes beside the audit and cost documents: schemaVersion 1 less
// the embedded "audit" and "cost", which become "auditFile" and
// "costFile", the names of those documents' files (docs/json.md).
const ReportFilesSchemaVersion = 2

// renderReportJSON writes the documented contract (docs/json.md, report):
// the report with the audit and cost documents embedded, streamed member
// by member and row by row (issue 17).
func renderReportJSON(w io.Writer, r *Report) error {
	s := jsonstream.New(w, "  ")
	writeReportObject(s, r, r.SchemaVersion, heldRowsJSON(s, r), func() {
		s.Key("audit")
		writeAuditObject(s, r.Audit)
		s.Key("cost")
		writeCostObject(s, r.Cost)
	})
	return s.Close()
}

// RenderReportJSONReferencing writes the report JSON of report --out:
// schemaVersion 2, the audit and cost documents not embedded but named
// by auditFile and costFile, file names relative to the report's own
// directory, where the caller writes them (RenderAudit, RenderCost).
func RenderReportJSONReferencing(w io.Writer, r *Report, auditFile, costFile string) error {
	s := jsonstream.New(w, "  ")
	writeReportObject(s, r, ReportFilesSchemaVersion, heldRowsJSON(s, r), referencing(s, auditFile, costFile))
	return s.Close()
}

// referencing writes the members that name the audit and cost documents'
// files in place of the documents.
func referencing(s *jsonstream.Writer, auditFile, costFile string) func() {
	return func() {
		s.Field("auditFile", auditFile)
		s.Field("costFile", costFile)
	}
}

// heldRowsJSON writes the members services and unusedTaskDefinitions of
// a report that holds its rows.
func heldRowsJSON(s *jsonstream.Writer, r *Report) func() {
	return func() {
		jsonstream.SliceFunc(s, "services", r.Services, func(row *ServiceReport) { writeServiceJSON(s, row) })
		jsonstream.SliceFunc(s, "unusedTaskDefinitions", r.UnusedTaskDefinitions, func(u *UnusedTaskDefinition) { writeUnusedJSON(s, u) })
	}
}

// writeReportObject writes the report's members in the order of Report's
// fields; rows writes services and unusedTaskDefinitions (held, or
// spliced from where they were written as they were made), documents the
// last members, the audit and cost documents or the names of their files.
func writeReportObject(s *jsonstream.Writer, r *Report, schemaVersion int, rows, documents func()) {
	s.BeginObject()
	s.Field("schemaVersion", schemaVersion)
	s.Field("tool", r.Tool)
	if r.GeneratedAt != "" {
		s.Field("generatedAt", r.GeneratedAt)
	}
	jsonstream.Slice(s, "inputs", r.Inputs)
	s.Field("summary", r.Summary)
	jsonstream.Slice(s, "clusters", r.Clusters)
	jsonstream.Slice(s, "blockedByRule", r.BlockedByRule)
	rows()
	s.Field("assumptions", r.Assumptions)
	s.Field("assumptionsText", r.AssumptionsText)
	s.Field("dataGaps", r.DataGaps)
	if r.RewriteNote != "" {
		s.Field("rewriteNote", r.RewriteNote)
	}
	documents()
	s.EndObject()
}
