package reports

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The streamed documents are byte for byte the whole value encoded at
// once: a field added to Audit, Cost or Report but not to its streaming
// writer fails here (the goldens only see the fields the fixtures fill).
func TestStreamedJSONEqualsWhole(t *testing.T) {
	r := fixtureReport(t)
	r.GeneratedAt, r.RewriteNote = "2026-12-07T00:00:00Z", "a note"
	for name, c := range map[string]struct {
		v      any
		stream func(*bytes.Buffer) error
	}{
		"audit":  {r.Audit, func(b *bytes.Buffer) error { return renderAuditJSON(b, r.Audit) }},
		"cost":   {r.Cost, func(b *bytes.Buffer) error { return renderCostJSON(b, r.Cost) }},
		"report": {r, func(b *bytes.Buffer) error { return renderReportJSON(b, r) }},
	} {
		var whole, streamed bytes.Buffer
		if err := writeJSON(&whole, c.v); err != nil {
			t.Fatal(err)
		}
		if err := c.stream(&streamed); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
			t.Errorf("%s: streamed JSON differs from the whole value's encoding", name)
		}
		assertMembersEqual(t, name, whole.Bytes(), streamed.Bytes())
	}
}

// assertMembersEqual names the top-level members that differ, so a
// failure says which field the streaming writer misses.
func assertMembersEqual(t *testing.T, name string, whole, streamed []byte) {
	t.Helper()
	var w, s map[string]json.RawMessage
	if err := json.Unmarshal(whole, &w); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(streamed, &s); err != nil {
		t.Fatalf("%s: streamed JSON does not parse: %v", name, err)
	}
	for k := range w {
		if !bytes.Equal(w[k], s[k]) {
			t.Errorf("%s: member %q differs or is missing", name, k)
		}
	}
	for k := range s {
		if _, ok := w[k]; !ok {
			t.Errorf("%s: member %q is not in the whole encoding", name, k)
		}
	}
}

// The report JSON that report --out writes names the audit and cost files
// instead of embedding them, at schemaVersion 2, and is otherwise the
// embedding report's members.
func TestReportJSONReferencing(t *testing.T) {
	r := fixtureReport(t)
	var embedded, referencing bytes.Buffer
	if err := renderReportJSON(&embedded, r); err != nil {
		t.Fatal(err)
	}
	if err := RenderReportJSONReferencing(&referencing, r, "audit.json", "cost.json"); err != nil {
		t.Fatal(err)
	}
	var e, f map[string]json.RawMessage
	if err := json.Unmarshal(embedded.Bytes(), &e); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(referencing.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if string(f["schemaVersion"]) != "2" || string(f["auditFile"]) != `"audit.json"` || string(f["costFile"]) != `"cost.json"` {
		t.Errorf("schemaVersion %s, auditFile %s, costFile %s", f["schemaVersion"], f["auditFile"], f["costFile"])
	}
	if _, ok := f["audit"]; ok {
		t.Error("the audit is still embedded")
	}
	if _, ok := f["cost"]; ok {
		t.Error("the cost is still embedded")
	}
	for k, v := range e {
		if k == "audit" || k == "cost" || k == "schemaVersion" {
			continue
		}
		if !bytes.Equal(v, f[k]) {
			t.Errorf("member %q differs", k)
		}
	}
}

// The streamed SARIF log is the whole sarifLog encoded at once.
func TestSARIFStreamedEqualsWhole(t *testing.T) {
	a := fixtureAudit(t)
	index, rules := sarifRules(a)
	var results []sarifResult
	for r := range sarifResults(a, index) {
		results = append(results, *r)
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "ecs2fargate", Version: a.Tool.Version, InformationURI: toolHomepage, Rules: rules}},
		Invocations: []sarifInvocation{sarifInvocationOf(a, index)},
		ColumnKind:  "utf16CodeUnits",
		Results:     results,
	}
	var whole, streamed bytes.Buffer
	if err := writeJSON(&whole, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}); err != nil {
		t.Fatal(err)
	}
	if err := renderAuditSARIF(&streamed, a); err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 || !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
		t.Errorf("streamed SARIF (%d results) differs from the whole log's encoding", len(results))
	}
}
