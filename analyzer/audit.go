package analyzer

import (
	"fmt"
	"sync"

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
	// Findings are kept compactly (see Findings) and read in order.
	Findings   *Findings
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
	// Subject i is task definition i, subject len(tasks)+i service i; each
	// check writes its verdict, records and unchecked rules in its place
	// (callers find a service's findings by it: Findings.SubjectOf).
	nt, n := len(f.TaskDefinitions), len(f.TaskDefinitions)+len(f.Services)
	b := newFindingsBuilderFor(n)
	res := &Result{Rules: rules, Verdicts: make([]Verdict, n)}
	records := make([][]findingRecord, n)
	notChecked := make([][]NotChecked, n)
	keep := func(i int, c checked) {
		res.Verdicts[i], records[i], notChecked[i] = c.verdict, c.records, c.notChecked
	}
	parallel.For(nt, func(i int) {
		subj := Subject{Fleet: f, TaskDef: f.TaskDefinitions[i], memo: m}
		keep(i, check(b, uint32(i), rules, ScopeTask, subj, nil))
	})
	// A service's verdict counts its task definition's findings, which
	// its task definition's verdict lists by severity already.
	byTask := make(map[*fleet.TaskDefinition]*Verdict, nt)
	for i, td := range f.TaskDefinitions {
		byTask[td] = &res.Verdicts[i]
	}
	parallel.For(len(f.Services), func(i int) {
		s := f.Services[i]
		subj := Subject{Fleet: f, TaskDef: s.TaskDef, Service: s, memo: m}
		keep(nt+i, check(b, uint32(nt+i), rules, ScopeService, subj, byTask[s.TaskDef]))
	})
	clear(byTask)
	// Sized at once: appended, the list grew by copies (14 MB allocated
	// for about 7 MB of checks not run at 100,000 services).
	nn := 0
	for _, nc := range notChecked {
		nn += len(nc)
	}
	if nn > 0 {
		res.NotChecked = make([]NotChecked, 0, nn)
	}
	for _, nc := range notChecked {
		res.NotChecked = append(res.NotChecked, nc...)
	}
	res.Findings = b.build(records, true)
	sortVerdicts(res.Verdicts)
	return res, nil
}

// checked is what the rules of one scope found on one subject: its
// findings as a list (run) or as records (check), the checks that could
// not run, its verdict, and (CheckAsIfKnown) why findings rest on an
// assumption, by rule ID.
type checked struct {
	findings   []Finding
	records    []findingRecord
	notChecked []NotChecked
	verdict    Verdict
	assumed    map[string]string
	// spare is lent to each rule for its findings, which are copied out
	// of it before the next rule runs (Subject.spare); nil outside Audit.
	spare []Finding
}

// Check applies the rules of one scope to one subject as Audit does (rule
// ID, severity and location filled in) and returns the findings in Audit's
// order, leaving out the checks that could not run. It judges nothing and
// warms no lookups: it is for callers, like the rewrite, that audit one
// document several times.
func Check(rules []Rule, scope Scope, subj *Subject) []Finding {
	c := run(rules, scope, subj, false)
	sortFindings(c.findings)
	return c.findings
}

// CheckInto is Check appending to dst[:0], with the rules' own lists lent
// from the audit's spares: a caller that audits one document after another
// (the rewrite's rewritten documents) reuses one list (issue 17: the
// lists grown for each audit were 8 MB of the report's preview at 10,000
// services). The findings are the same, in the same order.
func CheckInto(dst []Finding, rules []Rule, scope Scope, subj *Subject) []Finding {
	buf := checkScratches.Get().(*checkScratch)
	if buf.spare == nil {
		buf.spare = make([]Finding, spareFindings)
	}
	c := checked{findings: dst[:0], spare: buf.spare}
	c.run(rules, scope, subj, false)
	checkScratches.Put(buf)
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
	c := run(rules, scope, subj, true)
	sortFindings(c.findings)
	return c.findings, c.assumed
}

// check applies the rules of one scope to the subject numbered n (about)
// and judges it; a service's verdict also counts its task definition's
// (inherited, nil when none). The findings are kept as records of b.
func check(b *findingsBuilder, n uint32, rules []Rule, scope Scope, about Subject, inherited *Verdict) checked {
	// The list of findings is garbage once recorded: one list per worker,
	// reused (an audit of 10,000 services appended 110 MB of them), with
	// the worker's cache of interned handles.
	buf := checkScratches.Get().(*checkScratch)
	if buf.spare == nil {
		buf.spare = make([]Finding, spareFindings)
	}
	// So is the Subject the rules are handed (a heap allocation a subject,
	// 39 MB at 100,000 services): nothing keeps it once the subject is
	// judged. Its containers' paths depend only on how many there are
	// (containerDefinitions[i]), so they are kept for the next subject.
	subj := &buf.subject
	*subj = about
	subj.containerPaths = buf.containerPaths
	c := checked{findings: buf.findings[:0], spare: buf.spare}
	c.run(rules, scope, subj, false)
	c.verdict = verdictFor(rules, subj, inherited, c.findings)
	if len(c.findings) > 0 {
		c.records = make([]findingRecord, len(c.findings))
		b.subjects[n] = subjectOf(&c.findings[0])
		for i := range c.findings {
			c.records[i] = b.recordWith(&buf.handles, &c.findings[i], n)
		}
	}
	clear(c.findings)
	buf.findings = c.findings[:0]
	buf.containerPaths = subj.containerPaths
	*subj = Subject{}
	checkScratches.Put(buf)
	c.findings, c.spare = nil, nil
	return c
}

// checkScratch is what a check worker reuses from one subject to the next.
type checkScratch struct {
	findings []Finding
	spare    []Finding // lent to each rule in turn (Subject.spare)
	handles  recentHandles
	// subject is the Subject being checked; containerPaths its
	// eachContainer paths, kept from one subject to the next.
	subject        Subject
	containerPaths []Path
}

var checkScratches = sync.Pool{New: func() any { return new(checkScratch) }}

// run applies the rules of one scope to a subject, splitting what they
// found from the checks that could not run. With asIfKnown (see
// CheckAsIfKnown) a rule is run although a value it reads is unknown, its
// findings kept and the assumption noted, and the checks that could not
// run are left out.
func run(rules []Rule, scope Scope, subj *Subject, asIfKnown bool) checked {
	var c checked
	c.run(rules, scope, subj, asIfKnown)
	return c
}

// run is run appending to c's lists.
func (c *checked) run(rules []Rule, scope Scope, subj *Subject, asIfKnown bool) {
	unknown := subjectUnknowns(subj)
	where := whereOf(subj)
	for i := range rules {
		rule := &rules[i]
		if rule.Scope != scope || rule.NeedsTaskDefinition && subj.TaskDef == nil {
			continue
		}
		field, why, isUnknown := unknownOf(rule, unknown)
		if isUnknown && !asIfKnown {
			f := Unchecked(field + ": " + why)
			where.complete(&f, rule)
			c.notChecked = append(c.notChecked, notCheckedOf(&f))
			continue
		}
		subj.spare = c.spare
		found := rule.Check(subj)
		subj.spare = nil
		if !asIfKnown {
			var withdrawn string
			if found, withdrawn = withdrawUnknown(found, subjectDoc(subj)); withdrawn != "" {
				f := Unchecked(withdrawn)
				where.complete(&f, rule)
				c.notChecked = append(c.notChecked, notCheckedOf(&f))
			}
		}
		for j := range found {
			f := &found[j]
			where.complete(f, rule)
			if f.needs != "" {
				if !asIfKnown {
					c.notChecked = append(c.notChecked, notCheckedOf(f))
				}
				continue
			}
			c.findings = append(c.findings, *f)
			if isUnknown {
				if c.assumed == nil {
					c.assumed = map[string]string{}
				}
				c.assumed[rule.ID] = field + ": " + why
			}
		}
	}
}

func notCheckedOf(f *Finding) NotChecked {
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

// where is what complete fills in that is the same for every finding
// about one subject: worked out once per subject, not per finding (the
// task definition's key and the service's are built strings).
type where struct {
	account, region, cluster, service, taskDefinition, file, docPath string
	hasTask, hasService                                              bool
}

func whereOf(subj *Subject) where {
	var w where
	doc := fleet.Doc{}
	if subj.TaskDef != nil {
		w.hasTask = true
		if subj.Service == nil { // a service names its task definition itself (below)
			w.taskDefinition = subj.TaskDef.Key()
		}
		w.account, w.region = subj.TaskDef.Identity.Account, subj.TaskDef.Identity.Region
		doc = subj.TaskDef.Doc
	}
	if subj.Service != nil {
		w.hasService = true
		w.cluster, w.service = subj.Service.Cluster, subj.Service.Name()
		w.account, w.region = subj.Service.Identity.Account, subj.Service.Identity.Region
		w.taskDefinition = subj.Service.TaskDefinitionKey()
		doc = subj.Service.Doc
	}
	w.file, w.docPath = doc.Source.File, doc.Source.Path
	return w
}

// complete fills in f what the engine knows and the check need not say.
func (w *where) complete(f *Finding, rule *Rule) {
	f.RuleID = rule.ID
	if f.Severity == 0 {
		f.Severity = rule.Severity
	}
	f.Unverified = rule.Unverified != "" && !f.sure
	if w.hasTask || w.hasService {
		f.Account, f.Region = w.account, w.region
		f.TaskDefinition = w.taskDefinition
	}
	if w.hasService {
		f.Cluster, f.Service = w.cluster, w.service
	}
	f.File, f.DocPath = w.file, w.docPath
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
