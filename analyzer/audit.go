package analyzer

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
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
// An unknown rule ID in opts is an error; nothing else is. Subjects are
// checked on every core (parallel.For; newMemo fills the memo first); the result does not depend on
// the order they finish in.
func Audit(f *fleet.Fleet, opts Options) (*Result, error) {
	rules, err := selectRules(Rules(), opts)
	if err != nil {
		return nil, err
	}
	m := newMemo(f)
	tasks := make([]checked, len(f.TaskDefinitions))
	parallel.For(len(tasks), func(i int) {
		subj := &Subject{Fleet: f, TaskDef: f.TaskDefinitions[i], memo: m}
		tasks[i] = check(rules, ScopeTask, subj, nil)
	})
	byTask := make(map[*fleet.TaskDefinition][]Finding, len(tasks))
	for i, td := range f.TaskDefinitions {
		byTask[td] = tasks[i].findings
	}
	services := make([]checked, len(f.Services))
	parallel.For(len(services), func(i int) {
		s := f.Services[i]
		subj := &Subject{Fleet: f, TaskDef: s.TaskDef, Service: s, memo: m}
		services[i] = check(rules, ScopeService, subj, byTask[s.TaskDef])
	})
	clear(byTask)
	n := 0
	for _, part := range [][]checked{tasks, services} {
		for _, c := range part {
			n += len(c.findings)
		}
	}
	// Sized once: growing the list by appending copied about 150 MB of
	// findings per audit of 10,000 services.
	res := &Result{Rules: rules, Findings: make([]Finding, 0, n), Verdicts: make([]Verdict, 0, len(tasks)+len(services))}
	for _, part := range [][]checked{tasks, services} {
		for i := range part {
			c := &part[i]
			res.Findings = append(res.Findings, c.findings...)
			res.NotChecked = append(res.NotChecked, c.notChecked...)
			res.Verdicts = append(res.Verdicts, c.verdict)
			// Each subject's list is garbage once copied, so the collector
			// can take it back while the rest are copied, not after.
			*c = checked{}
		}
	}
	sortFindings(res.Findings)
	sortVerdicts(res.Verdicts)
	return res, nil
}

// checked is what the rules of one scope found on one subject.
type checked struct {
	findings   []Finding
	notChecked []NotChecked
	verdict    Verdict
}

// Check applies the rules of one scope to one subject as Audit does (rule
// ID, severity and location filled in) and returns the findings in Audit's
// order, leaving out the checks that could not run. It judges nothing and
// warms no lookups: it is for callers, like the rewrite, that audit one
// document several times.
func Check(rules []Rule, scope Scope, subj *Subject) []Finding {
	c := run(rules, scope, subj)
	sortFindings(c.findings)
	return c.findings
}

// CheckAsIfKnown is Check for a caller that must act although the subject's
// document leaves some values unknown (the rewrite moving a service whose
// code leaves its launch type to an unknown cluster's default): each rule
// that Check would leave unchecked for an unknown value runs as if the
// value were absent. assumed gives, by rule ID, why such a rule's findings
// rest on that assumption.
func CheckAsIfKnown(rules []Rule, scope Scope, subj *Subject) (found []Finding, assumed map[string]string) {
	unknown := subjectUnknowns(subj)
	for _, rule := range rules {
		if rule.Scope != scope || rule.NeedsTaskDefinition && subj.TaskDef == nil {
			continue
		}
		field, why, isUnknown := unknownOf(rule, unknown)
		for _, f := range rule.Check(subj) {
			if f = complete(f, rule, subj); f.needs == "" {
				found = append(found, f)
				if isUnknown {
					if assumed == nil {
						assumed = map[string]string{}
					}
					assumed[rule.ID] = field + ": " + why
				}
			}
		}
	}
	sortFindings(found)
	return found, assumed
}

// check applies the rules of one scope to a subject and judges it; a
// service's verdict also counts inherited, its task definition's findings.
func check(rules []Rule, scope Scope, subj *Subject, inherited []Finding) checked {
	c := run(rules, scope, subj)
	// inherited and the subject's own findings are judged as one list
	// without joining them: a joined copy per subject cost about 50 MB per
	// audit of 10,000 services.
	c.verdict = verdictFor(rules, subj, inherited, c.findings)
	return c
}

// run applies the rules of one scope to a subject, splitting what they
// found from the checks that could not run.
func run(rules []Rule, scope Scope, subj *Subject) checked {
	var c checked
	texts := subj.memo.interner()
	unknown := subjectUnknowns(subj)
	for _, rule := range rules {
		if rule.Scope != scope || rule.NeedsTaskDefinition && subj.TaskDef == nil {
			continue
		}
		if field, why, ok := unknownOf(rule, unknown); ok {
			c.notChecked = append(c.notChecked, notCheckedOf(complete(Unchecked(field+": "+why), rule, subj)))
			continue
		}
		found, why := withdrawUnknown(rule.Check(subj), subjectDoc(subj))
		if why != "" {
			c.notChecked = append(c.notChecked, notCheckedOf(complete(Unchecked(why), rule, subj)))
		}
		for _, f := range found {
			f = complete(f, rule, subj)
			if f.needs != "" {
				c.notChecked = append(c.notChecked, notCheckedOf(f))
				continue
			}
			c.findings = append(c.findings, texts.intern(f))
		}
	}
	return c
}

func notCheckedOf(f Finding) NotChecked {
	return NotChecked{RuleID: f.RuleID, Account: f.Account, Region: f.Region, Cluster: f.Cluster, Service: f.Service,
		TaskDefinition: f.TaskDefinition, Container: f.Container, Needs: f.needs}
}

// subjectDoc is the document a subject's findings are about: the
// service's, or the task definition's.
func subjectDoc(subj *Subject) fleet.Doc {
	switch {
	case subj.Service != nil:
		return subj.Service.Doc
	case subj.TaskDef != nil:
		return subj.TaskDef.Doc
	}
	return fleet.Doc{}
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
		f.Account, f.Region = subj.TaskDef.Identity.Account, subj.TaskDef.Identity.Region
		doc = subj.TaskDef.Doc
	}
	if subj.Service != nil {
		f.Cluster, f.Service = subj.Service.Cluster, subj.Service.Name()
		f.Account, f.Region = subj.Service.Identity.Account, subj.Service.Identity.Region
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
