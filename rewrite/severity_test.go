package rewrite

import (
	"slices"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// TestRemainingCarriesTheAuditSeverity: every item a rewrite leaves to do
// by hand, for task definitions and services, names a catalogue rule and
// carries a severity the audit gives that rule's findings, so the audit,
// the rewrite and the report never disagree (security-groups-per-task was
// a warning in the audit and a blocker in the rewrite).
func TestRemainingCarriesTheAuditSeverity(t *testing.T) {
	check := func(where string, rs []Remaining) {
		for _, r := range rs {
			rule, ok := analyzer.Lookup(r.RuleID)
			if !ok {
				t.Errorf("%s: remaining item names rule %q, which is not in the catalogue", where, r.RuleID)
				continue
			}
			sev, err := analyzer.ParseSeverity(r.Severity)
			if err != nil || !slices.Contains(rule.Severities(), sev) {
				t.Errorf("%s: remaining %s is %q; the audit gives %s", where, r.RuleID, r.Severity, rule.SeverityText())
			}
		}
	}
	n := 0
	for _, c := range tdCases(t) {
		if c.err == nil {
			check("task definition case "+c.name, c.res.Remaining)
			n += len(c.res.Remaining)
		}
	}
	for _, dir := range svcCaseDirs(t) {
		_, res := svcLoadCase(t, dir)
		check("service case "+dir, res.Remaining)
		n += len(res.Remaining)
	}
	if n == 0 {
		t.Fatal("no remaining items at all: the test checks nothing")
	}
}

func TestRuleSeverityIsTheCatalogues(t *testing.T) {
	if got := ruleSeverity("security-groups-per-task"); got != "warning" {
		t.Errorf("security-groups-per-task: %q, want the audit's warning", got)
	}
	if got := ruleSeverity("network-configuration"); got != "fixable" {
		t.Errorf("network-configuration: %q, want the audit's fixable", got)
	}
}
