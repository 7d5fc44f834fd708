package reports

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// The streamed documents are the whole value encoded at once: a field
// added to Audit, Cost or Report but not to its streaming writer fails
// here (the goldens only see the fields the fixtures fill). The cost's
// service rows are made as they are written (Cost.Services), so they are
// not a field of the value: they are checked against the rows collected,
// in their place after "assumptions".
func TestStreamedJSONEqualsWhole(t *testing.T) {
	r := fixtureReport(t)
	r.GeneratedAt, r.RewriteNote = "2026-12-07T00:00:00Z", "a note"
	var rows bytes.Buffer
	if err := writeJSON(&rows, slices.Collect(r.Cost.Services())); err != nil {
		t.Fatal(err)
	}
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
		switch name {
		case "audit":
			if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
				t.Errorf("%s: streamed JSON differs from the whole value's encoding", name)
			}
			assertMembersEqual(t, name, whole.Bytes(), streamed.Bytes())
		case "cost":
			assertCostEqual(t, name, whole.Bytes(), streamed.Bytes(), rows.Bytes())
		case "report":
			w, s := members(t, whole.Bytes()), members(t, streamed.Bytes())
			assertCostEqual(t, "report cost", w["cost"], s["cost"], rows.Bytes())
			w["cost"], s["cost"] = nil, nil
			assertMembersMapEqual(t, name, w, s)
		}
	}
}

// assertCostEqual checks a streamed cost document against the whole
// Cost's encoding and its collected service rows.
func assertCostEqual(t *testing.T, name string, whole, streamed, rows []byte) {
	t.Helper()
	s := members(t, streamed)
	if !jsonEqual(t, s["services"], rows) {
		t.Errorf("%s: streamed services differ from the rows collected", name)
	}
	delete(s, "services")
	assertMembersMapEqual(t, name, members(t, whole), s)
	want := slices.Insert(keysInOrder(t, whole), 4, "services")
	if got := keysInOrder(t, streamed); !slices.Equal(got, want) {
		t.Errorf("%s: members %v, want %v", name, got, want)
	}
}

func members(t *testing.T, doc []byte) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatalf("%s does not parse: %v", doc[:min(len(doc), 80)], err)
	}
	return m
}

func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var ca, cb bytes.Buffer
	if json.Compact(&ca, a) != nil || json.Compact(&cb, b) != nil {
		return false
	}
	return bytes.Equal(ca.Bytes(), cb.Bytes())
}

// keysInOrder lists an object's top-level member names in order.
func keysInOrder(t *testing.T, doc []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	var keys []string
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// assertMembersEqual names the top-level members that differ, so a
// failure says which field the streaming writer misses.
func assertMembersEqual(t *testing.T, name string, whole, streamed []byte) {
	t.Helper()
	assertMembersMapEqual(t, name, members(t, whole), members(t, streamed))
}

func assertMembersMapEqual(t *testing.T, name string, w, s map[string]json.RawMessage) {
	t.Helper()
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
