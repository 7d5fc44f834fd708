package analyzer

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Options narrows an audit to some rules.
type Options struct {
	Only []string // run only these rule IDs (all when empty)
	Skip []string // never run these rule IDs
}

// Result is everything an audit found, in a stable order.
type Result struct {
	Findings   []Finding
	NotChecked []NotChecked
	Verdicts   []Verdict
	// Rules are the rules that ran, in catalogue order.
	Rules []Rule
}

// Audit runs the selected rules over every task definition and service.
// An unknown rule ID in opts is an error; nothing else is.
func Audit(f *fleet.Fleet, opts Options) (*Result, error) {
	rules, err := selectRules(Rules(), opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Rules: rules}
	byTask := map[*fleet.TaskDefinition][]Finding{}
	for _, td := range f.TaskDefinitions {
		subj := &Subject{Fleet: f, TaskDef: td}
		found := res.run(rules, ScopeTask, subj)
		byTask[td] = found
		res.Verdicts = append(res.Verdicts, verdictFor(rules, found, subj))
	}
	for _, s := range f.Services {
		subj := &Subject{Fleet: f, TaskDef: s.TaskDef, Service: s}
		found := res.run(rules, ScopeService, subj)
		res.Verdicts = append(res.Verdicts, verdictFor(rules, append(byTask[s.TaskDef], found...), subj))
	}
	sortFindings(res.Findings)
	sortVerdicts(res.Verdicts)
	return res, nil
}

// run applies the rules of one scope to a subject, records the findings and
// returns them.
func (r *Result) run(rules []Rule, scope Scope, subj *Subject) []Finding {
	var out []Finding
	for _, rule := range rules {
		if rule.Scope != scope || rule.NeedsTaskDefinition && subj.TaskDef == nil {
			continue
		}
		for _, f := range rule.Check(subj) {
			f = complete(f, rule, subj)
			if f.needs != "" {
				r.NotChecked = append(r.NotChecked, NotChecked{RuleID: f.RuleID, Cluster: f.Cluster, Service: f.Service,
					TaskDefinition: f.TaskDefinition, Container: f.Container, Needs: f.needs})
				continue
			}
			out = append(out, f)
		}
	}
	r.Findings = append(r.Findings, out...)
	return out
}

// complete fills in what the engine knows and the check need not say.
func complete(f Finding, rule Rule, subj *Subject) Finding {
	f.RuleID = rule.ID
	if f.Severity == 0 {
		f.Severity = rule.Severity
	}
	f.Unverified = rule.Unverified != "" && !f.sure
	doc := fleet.Doc{}
	if subj.TaskDef != nil {
		f.TaskDefinition = subj.TaskDef.Key()
		doc = subj.TaskDef.Doc
	}
	if subj.Service != nil {
		f.Cluster, f.Service = subj.Service.Cluster, subj.Service.Name()
		f.TaskDefinition = subj.Service.TaskDefinitionKey()
		doc = subj.Service.Doc
	}
	f.File, f.DocPath = doc.Source.File, doc.Source.Path
	return f
}

func selectRules(all []Rule, opts Options) ([]Rule, error) {
	known := map[string]bool{}
	for _, r := range all {
		known[r.ID] = true
	}
	for _, id := range append(append([]string{}, opts.Only...), opts.Skip...) {
		if !known[id] {
			return nil, fmt.Errorf("unknown rule %q (see `ecs2fargate rules` for the catalogue)", id)
		}
	}
	only, skip := set(opts.Only), set(opts.Skip)
	var out []Rule
	for _, r := range all {
		if (len(only) == 0 || only[r.ID]) && !skip[r.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
