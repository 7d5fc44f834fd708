package analyzer

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TestNullIsAbsentForEveryRule audits a real console export full of nulls
// and the same document with its null members removed: every rule but
// null-members finds the same, and both get the same verdict.
func TestNullIsAbsentForEveryRule(t *testing.T) {
	src := filepath.Join(fixtureRoot, "null-members", "fail-console-export.json")
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	stripped, _ := json.Marshal(dropNulls(doc))
	dir := t.TempDir()
	withoutNulls := filepath.Join(dir, "console-export.json")
	if err := os.WriteFile(withoutNulls, stripped, 0o644); err != nil {
		t.Fatal(err)
	}
	type audited struct {
		Findings []Finding
		Verdicts []Verdict
	}
	audit := func(path string) audited {
		f, diags := fleet.Load(context.Background(), []string{path}, nil)
		if fleet.HasErrors(diags) {
			t.Fatalf("%s: %v", path, diags)
		}
		res, err := Audit(f, Options{Skip: []string{"null-members"}})
		if err != nil {
			t.Fatal(err)
		}
		fs := res.Findings.Slice()
		for i := range fs {
			fs[i].File = "" // the two files differ in directory
		}
		return audited{fs, res.Verdicts}
	}
	with, without := audit(src), audit(withoutNulls)
	if len(with.Findings) == 0 {
		t.Fatal("the console export gave no findings; the comparison proves nothing")
	}
	if !reflect.DeepEqual(with.Findings, without.Findings) {
		t.Errorf("nulls changed the findings:\nwith nulls:    %+v\nwithout nulls: %+v", with.Findings, without.Findings)
	}
	if !reflect.DeepEqual(with.Verdicts, without.Verdicts) {
		t.Errorf("nulls changed the verdict: %+v vs %+v", with.Verdicts, without.Verdicts)
	}
}

// dropNulls removes null members and elements, as a tool that omits unset
// members would have written the document.
func dropNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, val := range x {
			if val != nil {
				out[k] = dropNulls(val)
			}
		}
		return out
	case []any:
		out := []any{}
		for _, val := range x {
			if val != nil {
				out = append(out, dropNulls(val))
			}
		}
		return out
	}
	return v
}
