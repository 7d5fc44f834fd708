package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// remaining lists the findings on the original the rewrite did not fix:
// a blocker or fixable one that the rewritten document still has (another
// rule's change may have fixed it, as the execution role added for ECR
// serves secrets too); a warning whose rule made no change, or that the
// rewritten document still has (behaviour warnings about the move need
// not show on the Fargate document, yet the user must still act); then any blocker or fixable finding that only the rewritten
// document has (a gap in the rewrite, shown rather than hidden). Info
// findings are left out.
func remaining(orig, final []analyzer.Finding, changes []Change) []Remaining {
	changed := map[string]bool{}
	for _, c := range changes {
		changed[c.RuleID] = true
	}
	still := keys(final)
	before := keys(orig)
	var out []Remaining
	for _, f := range orig {
		gone := !still[key(f)]
		if f.Severity < analyzer.Warning || gone && (changed[f.RuleID] || f.Severity >= analyzer.Fixable) {
			continue
		}
		out = append(out, remainingOf(f))
	}
	for _, f := range final {
		if f.Severity >= analyzer.Fixable && !before[key(f)] {
			out = append(out, remainingOf(f))
		}
	}
	return out
}

func remainingOf(f analyzer.Finding) Remaining {
	return Remaining{RuleID: f.RuleID, Severity: f.Severity.String(), Path: f.Path, Message: f.Message}
}

// findingKey identifies a finding across the rewrite: by rule, container,
// severity and offending value, not by path, since deleting an array
// element shifts the paths after it. (A struct, not the four joined into
// a string: each rewrite keyed every finding twice, 7 MB of the report's
// preview at 10,000 services.)
type findingKey struct{ rule, container, severity, value string }

func key(f analyzer.Finding) findingKey {
	return findingKey{f.RuleID, f.Container, f.Severity.String(), f.Value}
}

func keys(fs []analyzer.Finding) map[findingKey]bool {
	m := make(map[findingKey]bool, len(fs))
	for _, f := range fs {
		m[key(f)] = true
	}
	return m
}

func blockers(fs []analyzer.Finding) []string {
	var ids []string
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Severity == analyzer.Blocker && !seen[f.RuleID] {
			seen[f.RuleID] = true
			ids = append(ids, f.RuleID)
		}
	}
	return ids
}
