package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// TestOneSeverityPerRuleEverywhere walks the JSON of the audit, the report
// (its findings and the rewrite's "left to do by hand" items) and the
// rewrite's changes.json on the demo fleet: every item that names a rule
// carries a severity the catalogue gives that rule.
func TestOneSeverityPerRuleEverywhere(t *testing.T) {
	isolate(t)
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	for _, args := range [][]string{
		{"audit", "--format", "json", demoFleet},
		{"report", "--format", "json", demoFleet},
	} {
		_, out, errOut := runCLI(t, "", args...)
		var doc any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
		n := 0
		walkRuleItems(doc, func(id, sev string) {
			n++
			rule, ok := analyzer.Lookup(id)
			if !ok {
				t.Errorf("%s: unknown rule %q", args[0], id)
				return
			}
			s, err := analyzer.ParseSeverity(sev)
			if err != nil || !slices.Contains(rule.Severities(), s) {
				t.Errorf("%s: %s is %q here, the catalogue says %s", args[0], id, sev, rule.SeverityText())
			}
		})
		if n == 0 {
			t.Errorf("%v: no item with a rule and a severity", args)
		}
	}
}

// walkRuleItems calls f for every object with a ruleId and a severity.
func walkRuleItems(v any, f func(id, sev string)) {
	switch x := v.(type) {
	case map[string]any:
		id, ok1 := x["ruleId"].(string)
		sev, ok2 := x["severity"].(string)
		if ok1 && ok2 {
			f(id, sev)
		}
		for _, c := range x {
			walkRuleItems(c, f)
		}
	case []any:
		for _, c := range x {
			walkRuleItems(c, f)
		}
	}
}
