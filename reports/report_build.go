package reports

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// Preview is the rewrite preview a report joins, subject by subject: a
// report asks for each service's and each unused task definition's part
// as it makes that row, on every core, and keeps none of them once the
// row is written (issue 17). Its methods are called concurrently.
type Preview interface {
	// Service is the preview of the service v judges; s is that service
	// (nil when the audit has no fleet).
	Service(v analyzer.Verdict, s *fleet.Service) SubjectPreview
	// TaskDefinition is the preview of a task definition no service runs;
	// v is its verdict, td the task definition (nil without a fleet).
	TaskDefinition(v analyzer.Verdict, td *fleet.TaskDefinition) SubjectPreview
	// Missing says why there is no preview at all (empty when there is one).
	Missing() string
}

// SubjectPreview is the rewrite preview of one service or task definition.
type SubjectPreview struct {
	// TaskDefinition is the rewrite of the task definition (the service's
	// own); nil when none was made.
	TaskDefinition *rewrite.Result
	// Service is the rewrite of the service; nil when none was made.
	Service *rewrite.ServiceResult
	// Error says why the service or its task definition could not be
	// rewritten; empty when nothing failed.
	Error string
}

// RewritePreview is what the rewrite made of the fleet, keyed for lookup:
// a Preview held whole. A missing entry means no rewrite for that task
// definition or service.
type RewritePreview struct {
	TaskDefinitions map[string]*rewrite.Result        // by TaskDefinitionKey
	Services        map[string]*rewrite.ServiceResult // by ServiceKey
	// Errors says, by ServiceKey, why a service or its task definition
	// could not be rewritten.
	Errors map[string]string
	// TaskDefinitionErrors says, by TaskDefinitionKey, why a task
	// definition no service runs could not be rewritten.
	TaskDefinitionErrors map[string]string
	// Note says why there is no preview at all (empty when there is one).
	Note string
}

// Service looks up the service's entries by its verdict's names.
func (rw RewritePreview) Service(v analyzer.Verdict, _ *fleet.Service) SubjectPreview {
	key := ServiceKey(v.Account, v.Region, v.Cluster, v.Service)
	return SubjectPreview{TaskDefinition: rw.TaskDefinitions[TaskDefinitionKey(v.Account, v.Region, v.TaskDefinition)],
		Service: rw.Services[key], Error: rw.Errors[key]}
}

// TaskDefinition looks up the task definition's entries by its verdict's names.
func (rw RewritePreview) TaskDefinition(v analyzer.Verdict, _ *fleet.TaskDefinition) SubjectPreview {
	key := TaskDefinitionKey(v.Account, v.Region, v.TaskDefinition)
	return SubjectPreview{TaskDefinition: rw.TaskDefinitions[key], Error: rw.TaskDefinitionErrors[key]}
}

// Missing is the Note.
func (rw RewritePreview) Missing() string { return rw.Note }

// ServiceKey is the RewritePreview.Services key of a service: names repeat
// across accounts and regions.
func ServiceKey(account, region, cluster, service string) string {
	return account + "/" + region + "/" + cluster + "/" + service
}

// TaskDefinitionKey is the RewritePreview.TaskDefinitions key of a task
// definition: family:revision repeats across accounts and regions.
func TaskDefinitionKey(account, region, key string) string {
	return account + "/" + region + "/" + key
}

// NewReport joins an audit, a cost report of the same fleet and a rewrite
// preview into one report, every row held. generatedAt is printed as is;
// empty means no timestamp, so that reports of the same inputs are
// byte-identical. StreamReport writes the same report without holding
// its rows.
func NewReport(a *Audit, c *Cost, rw Preview, generatedAt string) *Report {
	p := planReport(a, c, rw, generatedAt)
	p.takeRowCosts()
	r := p.report
	r.Services = make([]ServiceReport, 0, len(p.rows)) // made once: 10,000 rows are 6 MB
	r.UnusedTaskDefinitions = make([]UnusedTaskDefinition, 0, len(p.unused))
	p.each(rowHandlers{
		service: func(s *ServiceReport) {
			r.Summary.Changes += len(s.Changes)
			r.Services = append(r.Services, *s)
		},
		unused: func(u *UnusedTaskDefinition) { r.UnusedTaskDefinitions = append(r.UnusedTaskDefinitions, *u) },
	})
	return r
}

// reportPlan is what a report knows before any of its rows is made: which
// verdict each row is of, with the lookups its row is made with, and every
// count and total the formats show above the rows, which the audit and the
// cost comparison decide. Only the number of changes (Summary.Changes)
// waits for the rows.
type reportPlan struct {
	a      *Audit
	c      *Cost
	rw     Preview
	report *Report // the report without its rows
	rows   []rowPlan
	// costs are what the rows show of their services' cost rows, by
	// index in c's services: taken once the plan is made (takeRowCosts,
	// takeRowCostsAsWritten).
	costs  *rowCostTable
	unused []unusedPlan
	// groups are the runs of rows with one cluster label, in row order
	// with their sizes: a cluster's table is opened at its first row.
	groups []clusterRun
	// stays and compared place the rows in the like-for-like comparison
	// (placeInLikeForLike).
	stays    map[string]bool
	compared map[string][]string
}

// rowPlan is one service row before it is made.
type rowPlan struct {
	verdict    int32 // in a.Verdicts
	cost       int32 // in c's services; -1 when the service was not priced
	service    *fleet.Service
	notChecked []string
}

// unusedPlan is one task definition no service runs, before its row is made.
type unusedPlan struct {
	verdict    int32 // in a.Verdicts
	td         *fleet.TaskDefinition
	notChecked []string
}

// clusterRun is a run of rows with the same cluster label.
type clusterRun struct {
	label    string
	services int
}

// planReport decides everything but the rows.
func planReport(a *Audit, c *Cost, rw Preview, generatedAt string) *reportPlan {
	r := &Report{
		SchemaVersion: ReportSchemaVersion, Tool: a.Tool, GeneratedAt: generatedAt,
		Inputs: a.Inputs, Assumptions: c.Assumptions, AssumptionsText: c.AssumptionsLine(),
		RewriteNote: rw.Missing(), Audit: a, Cost: c, place: a.place(),
	}
	p := &reportPlan{a: a, c: c, rw: rw, report: r}
	p.planRows()
	facts := p.serviceFacts()
	r.Summary = reportSummary(facts, c.Totals, len(c.Clusters))
	r.Summary.UnusedTaskDefinitions, r.Summary.UnusedByVerdict = len(p.unused), p.unusedSummary()
	r.Clusters = reportClusters(facts, c.Clusters, r.place)
	r.BlockedByRule = blockedByRule(facts, a.Rules)
	r.DataGaps = dataGaps(a, c)
	r.DataGaps.ToAdd = gapGroups(a)
	r.Summary.Headline = headline(facts, r.Summary, r.BlockedByRule)
	r.CostChart = chartSelection(r.Clusters)
	r.RuleChart = r.BlockedByRule[:min(len(r.BlockedByRule), ChartLimit)]
	r.UtilisationChart = utilisationSelection(c.rightsizedServices(), func(s ServiceCostRow) string {
		return r.place.name(s.where.Account, s.where.Region, s.Cluster) + "/" + s.Service
	})
	p.groups = clusterRuns(facts)
	p.stays, p.compared = likeForLikePlaces(c.Totals.LikeForLike)
	return p
}

// planRows finds each row's verdict, service, cost and what could not be
// checked for it.
func (p *reportPlan) planRows() {
	a, c := p.a, p.c
	costs := make(map[string]int32, c.ServiceCount())
	for i, s := range c.services.src {
		costs[ServiceKey(s.Where().Account, s.Where().Region, s.Cluster, s.Service)] = int32(i)
	}
	var services map[string]*fleet.Service
	if a.fleet != nil {
		services = make(map[string]*fleet.Service, len(a.fleet.Services))
		for _, s := range a.fleet.Services {
			services[ServiceKey(s.Identity.Account, s.Identity.Region, s.Cluster, s.Name())] = s
		}
	}
	needs, tdNeeds := map[string][]string{}, map[string][]string{}
	for _, n := range a.NotChecked {
		if n.Service != "" {
			k := ServiceKey(n.Account, n.Region, n.Cluster, n.Service)
			needs[k] = append(needs[k], n.Needs)
		} else {
			k := TaskDefinitionKey(n.Account, n.Region, n.TaskDefinition)
			tdNeeds[k] = append(tdNeeds[k], n.Needs)
		}
	}
	n := 0
	for _, v := range a.Verdicts {
		if v.Service != "" {
			n++
		}
	}
	p.rows = make([]rowPlan, 0, n)
	shared := sharedLists{}
	for i, v := range a.Verdicts {
		if v.Service == "" {
			if td, unused := unusedTaskDefinition(a.fleet, v); unused {
				key := TaskDefinitionKey(v.Account, v.Region, v.TaskDefinition)
				p.unused = append(p.unused, unusedPlan{verdict: int32(i), td: td, notChecked: distinct(tdNeeds[key])})
			}
			continue
		}
		key := ServiceKey(v.Account, v.Region, v.Cluster, v.Service)
		cost, ok := costs[key]
		if !ok {
			cost = -1
		}
		p.rows = append(p.rows, rowPlan{verdict: int32(i), cost: cost, service: services[key], notChecked: shared.of(distinct(needs[key]))})
	}
}

// serviceFact is what the counts above the rows read of a service.
type serviceFact struct {
	v         *analyzer.Verdict
	onFargate bool
	label     string
}

func (p *reportPlan) serviceFacts() []serviceFact {
	facts := make([]serviceFact, len(p.rows))
	for i, row := range p.rows {
		v := &p.a.Verdicts[row.verdict]
		facts[i] = serviceFact{v: v, onFargate: row.cost >= 0 && p.c.services.src[row.cost].OnFargate,
			label: p.a.place().name(v.Account, v.Region, v.Cluster)}
	}
	return facts
}

// unusedSummary counts the unused task definitions by verdict.
func (p *reportPlan) unusedSummary() map[string]int {
	m := newVerdictCounts()
	for _, u := range p.unused {
		m[p.a.Verdicts[u.verdict].Verdict]++
	}
	return m
}

// clusterRuns are the runs of services with one cluster label, as
// heldRuns finds them in held rows.
func clusterRuns(facts []serviceFact) []clusterRun {
	var out []clusterRun
	for i, f := range facts {
		if i == 0 || f.label != facts[i-1].label {
			out = append(out, clusterRun{label: f.label})
		}
		out[len(out)-1].services++
	}
	return out
}

// rowHandlers take the rows as they are made, in order: every service,
// then servicesDone (when set), then every task definition no service
// runs. A row is not kept once handed over. When failed (if set) reports
// true, no more rows are made.
type rowHandlers struct {
	service      func(*ServiceReport)
	servicesDone func()
	unused       func(*UnusedTaskDefinition)
	failed       func() bool
}

// each makes every row, on every core, and hands them over in order.
func (p *reportPlan) each(h rowHandlers) {
	type row struct {
		s *ServiceReport
		u *UnusedTaskDefinition
	}
	done := func() {
		if h.servicesDone != nil {
			h.servicesDone()
			h.servicesDone = nil
		}
	}
	parallel.Ordered(len(p.rows)+len(p.unused), func(i int) row {
		if i < len(p.rows) {
			s := p.serviceRow(i)
			return row{s: &s}
		}
		u := p.unusedRow(i - len(p.rows))
		return row{u: &u}
	}, func(_ int, r row) bool {
		if r.s != nil {
			h.service(r.s)
		} else {
			done()
			h.unused(r.u)
		}
		return h.failed == nil || !h.failed()
	})
	done()
}

// serviceRow makes row i: the service's verdict, cost, changes and next steps.
func (p *reportPlan) serviceRow(i int) ServiceReport {
	plan := &p.rows[i]
	v := p.a.Verdicts[plan.verdict]
	var cost *ServiceCostRow
	if plan.cost >= 0 {
		cost = p.costs.take(int(plan.cost))
	}
	pv := p.rw.Service(v, plan.service)
	s := serviceReport(v, cost, pv.TaskDefinition, pv.Service)
	s.label = p.a.place().name(v.Account, v.Region, v.Cluster)
	s.NotChecked = plan.notChecked
	s.RewriteError = pv.Error
	s.NextSteps = nextSteps(s, pv.TaskDefinition, pv.Service, p.report.RewriteNote == "")
	s.Plan = planOf(s)
	p.placeInLikeForLike(&s)
	return s
}

func serviceReport(v analyzer.Verdict, cost *ServiceCostRow, td *rewrite.Result, svc *rewrite.ServiceResult) ServiceReport {
	s := ServiceReport{
		Account: v.Account, Region: v.Region, Cluster: v.Cluster, Service: v.Service, TaskDefinition: v.TaskDefinition, Verdict: v.Verdict,
		Blockers: nonNil(v.Blockers), Fixable: nonNil(v.Fixable), Warnings: nonNil(v.Warnings), Fallback: v.Fallback,
		EC2Monthly: Amount{}, FargateMonthly: FargateAmounts{}, Remaining: []rewrite.Remaining{},
		Unknown: []string{},
	}
	if cost != nil {
		s.OnFargate, s.Tasks, s.FargateSize = cost.OnFargate, cost.DesiredCount, cost.FargateSize
		s.EC2Monthly, s.FargateMonthly = cost.EC2Monthly, cost.FargateMonthly
		s.Unknown = nonNil(cost.Unknown)
		// The cost document's saving, so every output shows one figure:
		// its EC2 share under each option's commitment less its cost
		// after the move (on EC2 if it stays, as sidecars if a DAEMON);
		// zero for a service already on Fargate.
		s.SavingsMonthly = cost.SavingsMonthly
	} else {
		s.Unknown = []string{"the service was not priced"}
		s.SavingsMonthly = s.FargateMonthly.savings(s.EC2Monthly)
	}
	var tdChanges, svcChanges []rewrite.Change
	if td != nil {
		tdChanges = td.Changes
		s.Remaining = append(s.Remaining, td.Remaining...)
	}
	if svc != nil {
		svcChanges = svc.Changes
		s.Remaining = append(s.Remaining, svc.Remaining...)
		s.NotInPlace = svc.NotInPlace
	}
	s.Changes = joinChanges(tdChanges, svcChanges)
	s.ChangeSummary = changeSummary(s.Changes)
	return s
}

// joinChanges is the service's change list: its task definition's, then
// its own, each made safe (safeChange). Where one list alone holds values
// that are safe as they are, the rewrite's own list is shared rather than
// copied: 10,000 services' copies were 20 MB at the report's peak (issue
// 17). Nothing modifies a report's change list.
func joinChanges(td, svc []rewrite.Change) []rewrite.Change {
	switch {
	case len(td) == 0 && len(svc) == 0:
		return []rewrite.Change{}
	case len(svc) == 0 && allSafe(td):
		return td[:len(td):len(td)]
	case len(td) == 0 && allSafe(svc):
		return svc[:len(svc):len(svc)]
	}
	// Straight into the list, without slices.Concat's joined copy first
	// (11 MB of the report at 10,000 services).
	out := make([]rewrite.Change, 0, len(td)+len(svc))
	for _, c := range td {
		out = append(out, safeChange(c))
	}
	for _, c := range svc {
		out = append(out, safeChange(c))
	}
	return out
}

// safeChange drops the before and after values of a change under
// environment variables or secrets: the report names them, never their values.
func safeChange(c rewrite.Change) rewrite.Change {
	if carriesSecrets(c) {
		c.Before, c.After = nil, nil
	}
	return c
}

func carriesSecrets(c rewrite.Change) bool {
	return containsLower(c.Path, "environment") || containsLower(c.Path, "secret")
}

// containsLower is strings.Contains(strings.ToLower(s), word), word being
// lower-case ASCII letters, without the lower-cased copy where s is ASCII
// (every change's path is asked twice: 8 MB of the report at 10,000
// services). Beyond ASCII it asks ToLower, which maps some runes to ASCII
// letters (U+0130 to i).
func containsLower(s, word string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(strings.ToLower(s), word)
		}
	}
next:
	for i := 0; i+len(word) <= len(s); i++ {
		for j := 0; j < len(word); j++ {
			b := s[i+j]
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			if b != word[j] {
				continue next
			}
		}
		return true
	}
	return false
}

// allSafe reports whether no change of cs needs its values dropped.
func allSafe(cs []rewrite.Change) bool {
	for _, c := range cs {
		if carriesSecrets(c) && (c.Before != nil || c.After != nil) {
			return false
		}
	}
	return true
}

// sharedLists hands out one slice for equal lists: most services share
// the same few lists of what could not be checked (issue 17).
type sharedLists map[string][]string

func (l sharedLists) of(list []string) []string {
	k := strings.Join(list, "\x00")
	if s, ok := l[k]; ok {
		return s
	}
	l[k] = list
	return list
}

// changeSummary counts changes per rule: "host-port ×2, links".
func changeSummary(cs []rewrite.Change) string {
	count := map[string]int{}
	for _, c := range cs {
		count[c.RuleID]++
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for i, id := range ids {
		if count[id] > 1 {
			ids[i] = fmt.Sprintf("%s ×%d", id, count[id])
		}
	}
	return strings.Join(ids, ", ")
}

func distinct(s []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}
