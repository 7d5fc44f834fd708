package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// jsonLine is one JSON Lines record: its type and its other members.
type jsonLine struct {
	typ     string
	members map[string]json.RawMessage
}

// readJSONLines reads out line by line, as a streaming consumer would:
// every line must be one whole JSON object with a string "type".
func readJSONLines(t *testing.T, out string) []jsonLine {
	t.Helper()
	var lines []jsonLine
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d is not a JSON object: %v\n%s", n, err, sc.Text())
		}
		var typ string
		if err := json.Unmarshal(m["type"], &typ); err != nil || typ == "" {
			t.Fatalf("line %d has no string \"type\": %s", n, sc.Text())
		}
		if !bytes.HasPrefix(sc.Bytes(), []byte(`{"type":`)) {
			t.Errorf("line %d does not start with its type", n)
		}
		delete(m, "type")
		lines = append(lines, jsonLine{typ, m})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out, "\n") {
		t.Error("the last line does not end in a newline")
	}
	return lines
}

// audit --format jsonl holds, line by line, what the JSON document holds:
// a first "audit" line, then every finding, verdict and not-checked record
// with the same members, in the same order.
func TestAuditJSONLines(t *testing.T) {
	code, stdout, stderr, path := auditDemo(t, "jsonl")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	golden.Assert(t, path, []byte(stdout))
	lines := readJSONLines(t, stdout)
	_, doc, _ := runCLI(t, "", "audit", "--format", "json", demoFleet)
	var whole map[string]json.RawMessage
	if err := json.Unmarshal([]byte(doc), &whole); err != nil {
		t.Fatal(err)
	}
	if lines[0].typ != "audit" || string(lines[0].members["summary"]) == "" {
		t.Fatalf("first line is a %q, want the audit with its summary", lines[0].typ)
	}
	assertSameJSON(t, "summary", whole["summary"], lines[0].members["summary"])
	for typ, member := range map[string]string{"finding": "findings", "verdict": "verdicts", "notChecked": "notChecked", "diagnostic": "diagnostics", "gap": "gaps"} {
		var want []map[string]any
		if err := json.Unmarshal(whole[member], &want); err != nil {
			t.Fatal(err)
		}
		var got []map[string]any
		for _, l := range lines {
			if l.typ == typ {
				obj := map[string]any{}
				for k, v := range l.members {
					var x any
					json.Unmarshal(v, &x)
					obj[k] = x
				}
				got = append(got, obj)
			}
		}
		if len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("%s lines: %d, differing from the JSON document's %d %s", typ, len(got), len(want), member)
		}
	}
}

func assertSameJSON(t *testing.T, what string, a, b json.RawMessage) {
	t.Helper()
	var x, y any
	json.Unmarshal(a, &x)
	json.Unmarshal(b, &y)
	if !reflect.DeepEqual(x, y) {
		t.Errorf("%s differs: %s vs %s", what, a, b)
	}
}

// cost --format jsonl: a "cost" line, a line per service and cluster, the
// totals; the rows are the JSON document's.
func TestCostJSONLines(t *testing.T) {
	isolate(t)
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	_, stdout, stderr := runCLI(t, "", "cost", "--format", "jsonl", demoFleet)
	lines := readJSONLines(t, stdout)
	if len(lines) == 0 || lines[0].typ != "cost" {
		t.Fatalf("no cost line first; stderr:\n%s", stderr)
	}
	_, doc, _ := runCLI(t, "", "cost", "--format", "json", demoFleet)
	var whole struct {
		Services []json.RawMessage
		Clusters []json.RawMessage
		Totals   json.RawMessage
	}
	if err := json.Unmarshal([]byte(doc), &whole); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, l := range lines {
		count[l.typ]++
		if l.typ == "totals" {
			b, _ := json.Marshal(l.members)
			assertSameJSON(t, "totals", whole.Totals, b)
		}
	}
	if count["service"] != len(whole.Services) || count["cluster"] != len(whole.Clusters) || count["totals"] != 1 {
		t.Errorf("lines by type %v; want %d services, %d clusters, 1 totals", count, len(whole.Services), len(whole.Clusters))
	}
}

// jq, the tool JSON Lines is for, reads the output as a stream of objects.
func TestAuditJSONLinesWithJq(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("JQ IS NOT INSTALLED: the jq check of --format jsonl did not run (the line-by-line reader in TestAuditJSONLines did)")
	}
	_, stdout, _, _ := auditDemo(t, "jsonl")
	cmd := exec.Command(jq, "-r", `select(.type == "finding") | .ruleId`)
	cmd.Stdin = strings.NewReader(stdout)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("jq: %v", err)
	}
	if got, want := strings.Count(string(out), "\n"), strings.Count(stdout, `{"type":"finding",`); got != want || want == 0 {
		t.Errorf("jq selected %d findings, the output has %d", got, want)
	}
}
