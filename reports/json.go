package reports

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"io"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// renderAuditJSON writes the documented JSON contract (docs/json.md):
// stable key order, two-space indent, a trailing newline. It is written
// member by member and finding by finding (issue 17): the bytes are those
// of encoding the whole Audit (TestStreamedJSONEqualsWhole), the memory
// one finding's.
func renderAuditJSON(w io.Writer, a *Audit) error {
	s := jsonstream.New(w, "  ")
	writeAuditObject(s, a)
	return s.Close()
}

// writeAuditObject writes the audit document as the next value of s, in
// the order of Audit's fields: the report JSON embeds it as is.
func writeAuditObject(s *jsonstream.Writer, a *Audit) {
	if a == nil {
		s.Value(nil)
		return
	}
	s.BeginObject()
	s.Field("schemaVersion", a.SchemaVersion)
	s.Field("tool", a.Tool)
	jsonstream.Slice(s, "inputs", a.Inputs)
	s.Field("summary", a.Summary)
	writeFindings(s, "findings", a.Findings)
	writeVerdicts(s, "verdicts", a.Verdicts)
	writeNotChecked(s, "notChecked", a.NotChecked)
	jsonstream.Slice(s, "diagnostics", a.Diagnostics)
	jsonstream.Slice(s, "gaps", a.Gaps)
	s.EndObject()
}

// writeFindings writes the member name whose value is the findings, made
// one at a time as they are written, as jsonstream.Slice writes a list of
// them (never null: a nil store is empty).
func writeFindings(s *jsonstream.Writer, name string, fs *analyzer.Findings) {
	s.Key(name)
	s.BeginArray()
	for i := range fs.Len() {
		if s.Err() != nil {
			break
		}
		f := fs.At(i)
		writeFinding(s, &f)
	}
	s.EndArray()
}

// writeFinding writes f as encoding/json writes an analyzer.Finding, member
// by member without reflection: the findings are most of the document
// (TestWriteFindingMatchesEncodingJSON holds the two together, field by
// field).
func writeFinding(s *jsonstream.Writer, f *analyzer.Finding) {
	s.BeginObject()
	s.String("ruleId", f.RuleID)
	s.String("severity", f.Severity.String())
	s.String("account", f.Account)
	s.String("region", f.Region)
	s.String("cluster", f.Cluster)
	s.String("service", f.Service)
	s.String("taskDefinition", f.TaskDefinition)
	s.String("container", f.Container)
	s.String("path", f.Path)
	s.String("value", f.Value)
	s.String("message", f.Message)
	if f.Unverified {
		s.Bool("unverified", true)
	}
	if f.File != "" {
		s.String("file", f.File)
	}
	s.EndObject()
}

// writeJSON writes v as json.Encoder with a two-space indent and no HTML
// escaping would, through jsonindent: encoding/json's own indenting was
// half the time of a 10,000-service report. Small documents only: large
// ones are streamed (jsonstream).
func writeJSON(w io.Writer, v any) error {
	return jsonindent.Encode(w, v, "  ")
}

// writeVerdicts writes the member whose value is vs, as jsonstream.Slice
// would, each verdict member by member (a verdict per task definition and
// service).
func writeVerdicts(s *jsonstream.Writer, name string, vs []analyzer.Verdict) {
	jsonstream.SliceFunc(s, name, vs, func(v *analyzer.Verdict) {
		s.BeginObject()
		s.String("account", v.Account)
		s.String("region", v.Region)
		if v.IdentityAssumed {
			s.Bool("identityAssumed", true)
		}
		s.String("cluster", v.Cluster)
		s.String("service", v.Service)
		s.String("taskDefinition", v.TaskDefinition)
		s.String("verdict", v.Verdict)
		s.Strings("blockers", v.Blockers)
		s.Strings("fixable", v.Fixable)
		s.Strings("warnings", v.Warnings)
		if v.Fallback != "" {
			s.String("fallback", v.Fallback)
		}
		if len(v.Workloads) > 0 {
			s.Field("workloads", v.Workloads)
		}
		if len(v.Notes) > 0 {
			s.Strings("notes", v.Notes)
		}
		s.EndObject()
	})
}

// writeNotChecked writes the member whose value is ns, as jsonstream.Slice
// would, member by member.
func writeNotChecked(s *jsonstream.Writer, name string, ns []analyzer.NotChecked) {
	jsonstream.SliceFunc(s, name, ns, func(n *analyzer.NotChecked) {
		s.BeginObject()
		s.String("ruleId", n.RuleID)
		s.String("account", n.Account)
		s.String("region", n.Region)
		s.String("cluster", n.Cluster)
		s.String("service", n.Service)
		s.String("taskDefinition", n.TaskDefinition)
		s.String("container", n.Container)
		s.String("needs", n.Needs)
		s.EndObject()
	})
}
