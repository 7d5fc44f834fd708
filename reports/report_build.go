package reports

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// RewritePreview is what the rewrite made of the fleet, keyed for lookup.
// A missing entry means no rewrite for that task definition or service.
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
// preview into one report. generatedAt is printed as is; empty means no
// timestamp, so that reports of the same inputs are byte-identical.
func NewReport(a *Audit, c *Cost, rw RewritePreview, generatedAt string) *Report {
	r := &Report{
		SchemaVersion: ReportSchemaVersion, Tool: a.Tool, GeneratedAt: generatedAt,
		Inputs: a.Inputs, Assumptions: c.Assumptions, AssumptionsText: c.AssumptionsLine(),
		RewriteNote: rw.Note, Audit: a, Cost: c,
	}
	r.Services = reportServices(a, c, rw)
	r.place = a.place
	placeInLikeForLike(r.Services, c.Totals.LikeForLike)
	r.UnusedTaskDefinitions = unusedTaskDefinitions(a, rw)
	r.Summary = reportSummary(r.Services, c.Totals, len(c.Clusters))
	r.Summary.UnusedTaskDefinitions, r.Summary.UnusedByVerdict = len(r.UnusedTaskDefinitions), unusedSummary(r.UnusedTaskDefinitions)
	r.Clusters = reportClusters(r.Services, c.Clusters, r.place)
	r.BlockedByRule = blockedByRule(r.Services, a.Rules)
	r.DataGaps = dataGaps(a, c)
	r.DataGaps.ToAdd = gapGroups(a)
	r.Summary.Headline = headline(r.Services, r.Summary, r.BlockedByRule)
	r.CostChart = chartSelection(r.Clusters)
	r.RuleChart = r.BlockedByRule[:min(len(r.BlockedByRule), ChartLimit)]
	r.UtilisationChart = utilisationSelection(c.rightsizedServices(), func(s ServiceCostRow) string {
		return r.place.name(s.where.Account, s.where.Region, s.Cluster) + "/" + s.Service
	})
	return r
}

func reportServices(a *Audit, c *Cost, rw RewritePreview) []ServiceReport {
	costs := make(map[string]int, c.ServiceCount())
	for i, s := range c.services.src {
		costs[ServiceKey(s.Where().Account, s.Where().Region, s.Cluster, s.Service)] = i
	}
	needs := map[string][]string{}
	for _, n := range a.NotChecked {
		if n.Service != "" {
			k := ServiceKey(n.Account, n.Region, n.Cluster, n.Service)
			needs[k] = append(needs[k], n.Needs)
		}
	}
	n := 0
	for _, v := range a.Verdicts {
		if v.Service != "" {
			n++
		}
	}
	out := make([]ServiceReport, 0, n) // made once: 10,000 rows are 6 MB
	shared := sharedLists{}
	for _, v := range a.Verdicts {
		if v.Service == "" {
			continue
		}
		key := ServiceKey(v.Account, v.Region, v.Cluster, v.Service)
		td := rw.TaskDefinitions[TaskDefinitionKey(v.Account, v.Region, v.TaskDefinition)]
		var cost *ServiceCostRow
		if i, ok := costs[key]; ok {
			row := c.Service(i)
			cost = &row
		}
		s := serviceReport(v, cost, td, rw.Services[key])
		s.label = a.place.name(v.Account, v.Region, v.Cluster)
		s.NotChecked = shared.of(distinct(needs[key]))
		s.RewriteError = rw.Errors[key]
		s.NextSteps = nextSteps(s, td, rw.Services[key], rw.Note == "")
		s.Plan = planOf(s)
		out = append(out, s)
	}
	return out
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
	out := make([]rewrite.Change, 0, len(td)+len(svc))
	for _, c := range slices.Concat(td, svc) {
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
	p := strings.ToLower(c.Path)
	return strings.Contains(p, "environment") || strings.Contains(p, "secret")
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
