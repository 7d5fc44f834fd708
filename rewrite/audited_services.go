package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// auditedServices holds, for each service of the audited fleet whose
// documents (its own and its task definition's) leave no value unknown,
// the places in the audit's findings of its fixable findings under the
// rules with a service fix: what askFixes would otherwise find again with
// analyzer.CheckAsIfKnown (issue 17: 40 MB of what the report's preview
// allocated at 10,000 services, 1.4 cpu-s at 100,000).
//
// Why the two agree there: with nothing unknown, CheckAsIfKnown is Check
// (no rule is run on an assumption, none withdrawn), and Check runs a
// service's rules as the audit did, on the same subject, in catalogue
// order, and sorts them as the audit sorts its findings (by container,
// rule and path within a subject, stably); serviceFixRules are a
// subsequence of the catalogue, so the audit's list of the service kept
// to them is Check's list, in its order. A service with an unknown value
// is left out: askFixes asks the analyzer, which runs the rules as if the
// value were absent and says so (asks.assumed).
type auditedServices struct {
	of map[*fleet.Service]placeRun
	// places are each service's findings' places in the audit's, a run a
	// service, in the audit's order: 4 bytes a finding, and no pointer for
	// the collector to follow.
	places []int32
}

// placeRun is a service's run in auditedServices.places.
type placeRun struct{ start, end int32 }

// servicesAuditedBy gathers the services' fixable findings from res, an
// analyzer.Audit of f, by the places Audit gives its subjects
// (Findings.SubjectOf). If res does not fit f (another count of subjects,
// or a finding whose service is not the one at its place), it knows no
// service's.
func servicesAuditedBy(res *analyzer.Result, f *fleet.Fleet) auditedServices {
	nt, ns := len(f.TaskDefinitions), len(f.Services)
	if len(res.Verdicts) != nt+ns {
		return auditedServices{}
	}
	fs := res.Findings
	// The service of finding i, when it is one the fixes act on, else -1;
	// false when the finding's service is not the one at its place.
	serviceOf := func(i int) (int, bool) {
		k := fs.SubjectOf(i) - nt
		if k < 0 || k >= ns {
			return -1, true
		}
		fd := fs.At(i)
		if s := f.Services[k]; fd.Service != s.Name() || fd.Cluster != s.Cluster {
			return -1, false
		}
		if fd.Severity != analyzer.Fixable || serviceFixByRule[fd.RuleID] == nil {
			return -1, true
		}
		return k, true
	}
	// Count each service's, then lay them out in runs: start[k] is where
	// service k's run begins, start[k+1] where it ends.
	start := make([]int32, ns+1)
	for i := range fs.Len() {
		k, ok := serviceOf(i)
		if !ok {
			return auditedServices{}
		}
		if k >= 0 {
			start[k+1]++
		}
	}
	for k := range ns {
		start[k+1] += start[k]
	}
	a := auditedServices{places: make([]int32, start[ns]), of: make(map[*fleet.Service]placeRun, ns)}
	next := make([]int32, ns) // each run's next free place
	copy(next, start[:ns])
	for i := range fs.Len() {
		if k, _ := serviceOf(i); k >= 0 {
			a.places[next[k]] = int32(i)
			next[k]++
		}
	}
	for k, s := range f.Services {
		if len(s.Doc.Unknown) > 0 || s.TaskDef != nil && len(s.TaskDef.Doc.Unknown) > 0 {
			continue
		}
		a.of[s] = placeRun{start[k], start[k+1]}
	}
	return a
}

// serviceFixable is the places of s's fixable findings under the rules
// with a service fix, in the audit's order, if a knows them.
func (a *Audited) serviceFixable(s *fleet.Service) ([]int32, bool) {
	if a == nil {
		return nil, false
	}
	run, ok := a.services.of[s]
	if !ok {
		return nil, false
	}
	return a.services.places[run.start:run.end], true
}
