package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// appendRemaining lists the findings on the original the rewrite did not fix:
// a blocker or fixable one that the rewritten document still has (another
// rule's change may have fixed it, as the execution role added for ECR
// serves secrets too); a warning whose rule made no change, or that the
// rewritten document still has (behaviour warnings about the move need
// not show on the Fargate document, yet the user must still act); then any blocker or fixable finding that only the rewritten
// document has (a gap in the rewrite, shown rather than hidden). Info
// findings are left out. It appends them to dst, keeping its sets in m.
func (m *remainingMaps) appendRemaining(dst []Remaining, orig, final []analyzer.Finding, changes []Change) []Remaining {
	m.reset()
	for _, c := range changes {
		m.changed[c.RuleID] = true
	}
	addKeys(m.still, final)
	addKeys(m.before, orig)
	for _, f := range orig {
		gone := !m.still[key(f)]
		if f.Severity < analyzer.Warning || gone && (m.changed[f.RuleID] || f.Severity >= analyzer.Fixable) {
			continue
		}
		dst = append(dst, remainingOf(f))
	}
	for _, f := range final {
		if f.Severity >= analyzer.Fixable && !m.before[key(f)] {
			dst = append(dst, remainingOf(f))
		}
	}
	return dst
}

// remainingMaps are the sets appendRemaining keeps, emptied and used
// again by a scratch's rewrites one after another (issue 17: made for each
// definition, they were 5 MB of the report's preview at 10,000 services).
type remainingMaps struct {
	changed       map[string]bool
	still, before map[findingKey]bool
}

// reset empties m's sets, making them on first use.
func (m *remainingMaps) reset() {
	if m.changed == nil {
		m.changed, m.still, m.before = map[string]bool{}, map[findingKey]bool{}, map[findingKey]bool{}
		return
	}
	clear(m.changed)
	clear(m.still)
	clear(m.before)
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

// addKeys adds the keys of fs to m.
func addKeys(m map[findingKey]bool, fs []analyzer.Finding) {
	for _, f := range fs {
		m[key(f)] = true
	}
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
