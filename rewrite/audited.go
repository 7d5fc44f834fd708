package rewrite

import (
	"slices"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Audited is what an audit already found on the task definitions of a
// fleet, so that a rewrite need not audit the originals again (the report
// audits the fleet, then previews the rewrite). A nil *Audited knows
// nothing.
type Audited struct {
	all *analyzer.Findings
	// byTD holds each task definition's findings as their places in all:
	// 4 bytes a finding rather than a copy of it.
	byTD map[*fleet.TaskDefinition][]int32
	// services are the findings of each service that its rewrite's fixes
	// act on (see auditedServices).
	services auditedServices
}

// AuditedBy gathers each task definition's own findings from res, an
// analyzer.Audit of f. It returns nil unless res ran every rule of the
// catalogue (the rewrite's audit runs them all). A task definition that
// shares its key and source with another is left out, as its findings
// cannot be told apart; the rewrite audits it itself.
func AuditedBy(res *analyzer.Result, f *fleet.Fleet) *Audited {
	if res == nil || !allRules(res.Rules) {
		return nil
	}
	owner := make(map[source]*fleet.TaskDefinition, len(f.TaskDefinitions))
	shared := map[source]bool{}
	for _, td := range f.TaskDefinitions {
		s := source{td.Key(), td.Doc.Source.File, td.Doc.Source.Path}
		shared[s] = owner[s] != nil
		owner[s] = td
	}
	a := &Audited{all: res.Findings, byTD: make(map[*fleet.TaskDefinition][]int32, len(owner))}
	for s, td := range owner {
		if !shared[s] {
			a.byTD[td] = nil
		}
	}
	task := taskRules()
	// res.Findings is sorted, and the sort is stable: one definition's
	// findings keep the order analyzer.Check gives them.
	for i := range res.Findings.Len() {
		fd := res.Findings.At(i)
		td := owner[source{fd.TaskDefinition, fd.File, fd.DocPath}]
		if places, ok := a.byTD[td]; ok && task[fd.RuleID] {
			a.byTD[td] = append(places, int32(i))
		}
	}
	a.services = servicesAuditedBy(res, f)
	return a
}

// source tells task definitions apart in findings: key, file and place
// in the file.
type source struct{ key, file, path string }

// findings returns td's findings, if a knows them.
func (a *Audited) findings(td *fleet.TaskDefinition) ([]analyzer.Finding, bool) {
	if a == nil {
		return nil, false
	}
	return a.appendFindings(nil, td)
}

// appendFindings is findings, appended to dst: a rewrite gathers them in
// its scratch's list (issue 17: a new list for each task definition was
// 13 MB of the report's preview at 10,000 services).
func (a *Audited) appendFindings(dst []analyzer.Finding, td *fleet.TaskDefinition) ([]analyzer.Finding, bool) {
	if a == nil {
		return dst, false
	}
	places, ok := a.byTD[td]
	if !ok {
		return dst, false
	}
	fs := slices.Grow(dst, len(places))
	for _, p := range places {
		fs = append(fs, a.all.At(int(p)))
	}
	if fs == nil {
		fs = []analyzer.Finding{} // known, and none: not nil, as before
	}
	return fs, true
}

// allRules reports whether rules are the whole catalogue, in its order.
func allRules(rules []analyzer.Rule) bool {
	if len(rules) != len(catalogue) {
		return false
	}
	for i, r := range rules {
		if r.ID != catalogue[i].ID {
			return false
		}
	}
	return true
}

// taskRules is the set of task-scope rule IDs.
func taskRules() map[string]bool {
	m := map[string]bool{}
	for _, r := range catalogue {
		if r.Scope == analyzer.ScopeTask {
			m[r.ID] = true
		}
	}
	return m
}

// TaskDefinitionsAudited is TaskDefinitionsOf taking the originals'
// findings from known where it has them, instead of auditing them again.
func TaskDefinitionsAudited(f *fleet.Fleet, tds []*fleet.TaskDefinition, opts Options, known *Audited) (results []*Result, errs []error) {
	results, errs = make([]*Result, len(tds)), make([]error, len(tds))
	TaskDefinitionsEach(f, tds, opts, known, func(i int, res *Result, err error) bool {
		results[i], errs[i] = res, err
		return true
	})
	return results, errs
}

// TaskDefinitionAudited rewrites td, a member of f, taking its findings
// from known where it has them (TaskDefinitionsAudited for one task
// definition, on the calling goroutine).
func TaskDefinitionAudited(f *fleet.Fleet, td *fleet.TaskDefinition, opts Options, known *Audited) (*Result, error) {
	return taskDefinition(f, td, opts, known)
}
