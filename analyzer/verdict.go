package analyzer

import (
	"slices"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Verdict values.
const (
	Ready   = "ready"   // runs on Fargate as written
	Fixed   = "fixable" // runs on Fargate after the automatic rewrite
	Blocked = "blocked" // needs a design change or another capacity type
	// Unknown: the inputs do not say enough to judge: the service's task
	// definition is absent, or its platform cannot be decided (platform-unknown).
	Unknown = "unknown"
)

// Verdict is the judgement on one task definition (Service empty) or one
// service (its task definition's findings plus the service rules').
type Verdict struct {
	// Account and Region are the subject's (see fleet.Identity); empty when
	// the inputs did not say. IdentityAssumed is true when the input
	// carried no ARN and they were taken from --region or the AWS config.
	Account         string   `json:"account"`
	Region          string   `json:"region"`
	IdentityAssumed bool     `json:"identityAssumed,omitempty"`
	Cluster         string   `json:"cluster"`
	Service         string   `json:"service"`
	TaskDefinition  string   `json:"taskDefinition"`
	Verdict         string   `json:"verdict"`
	Blockers        []string `json:"blockers"` // rule IDs
	Fixable         []string `json:"fixable"`  // rule IDs the rewrite fixes
	Warnings        []string `json:"warnings"` // rule IDs that change behaviour or cost
	// Fallback says where a blocked workload can run instead.
	Fallback string `json:"fallback,omitempty"`
	// Workloads are the agents or runners recognised from the task's
	// images that Fallback's advice rests on (added within schemaVersion 1).
	Workloads []fleet.Workload `json:"workloads,omitempty"`
	Notes     []string         `json:"notes,omitempty"`
}

// verdictFor judges a subject by its findings and, for a service, by its
// task definition's, as that definition's verdict lists them (inherited;
// nil when there is none).
func verdictFor(rules []Rule, subj *Subject, inherited *Verdict, found []Finding) Verdict {
	var v Verdict
	if subj.Service != nil {
		v.Cluster, v.Service, v.TaskDefinition = subj.Service.Cluster, subj.Service.Name(), subj.Service.TaskDefinitionKey()
		v.Account, v.Region, v.IdentityAssumed = subj.Service.Identity.Account, subj.Service.Identity.Region, subj.Service.IdentityAssumed
	} else {
		v.TaskDefinition = subj.TaskDef.Key()
		v.Account, v.Region, v.IdentityAssumed = subj.TaskDef.Identity.Account, subj.TaskDef.Identity.Region, subj.TaskDef.IdentityAssumed
	}
	// Each list holds a rule once. A subject has a few dozen findings at
	// most, so looking along the short list beats a map per verdict. The
	// lists are gathered on the stack and kept at their length: grown by
	// append they were 64 MB of an audit of 100,000 services, and a
	// quarter of their room unused while the verdicts live.
	var room [3][verdictRoom]string
	lists := [3][]string{room[0][:0], room[1][:0], room[2][:0]} // blockers, fixable, warnings
	if inherited != nil {
		for i, ids := range [3][]string{inherited.Blockers, inherited.Fixable, inherited.Warnings} {
			for _, id := range ids {
				lists[i] = addOnce(lists[i], id)
			}
		}
	}
	for _, f := range found {
		switch f.Severity {
		case Blocker:
			lists[0] = addOnce(lists[0], f.RuleID)
		case Fixable:
			lists[1] = addOnce(lists[1], f.RuleID)
		case Warning:
			lists[2] = addOnce(lists[2], f.RuleID)
		}
	}
	for i := range lists {
		slices.Sort(lists[i])
	}
	share := subj.memo.verdictShare()
	v.Blockers, v.Fixable, v.Warnings = keptIDs(share, lists[0]), keptIDs(share, lists[1]), keptIDs(share, lists[2])
	switch {
	case len(v.Blockers) > 0:
		v.Verdict = Blocked
		v.Fallback, v.Workloads = fallbackFor(rules, v.Blockers, fleet.Workloads(subj.Def()))
		v.Fallback = share.text(v.Fallback)
	case subj.Service != nil && subj.TaskDef == nil:
		v.Verdict = Unknown
	case slices.Contains(v.Warnings, platformUnknownID):
		// A Linux rewrite of what may be a Windows task would register and
		// fail at launch: neither ready nor fixable until the inputs say.
		v.Verdict = Unknown
		v.Notes = append(v.Notes, "the platform (Linux or Windows) cannot be decided from the inputs: see "+platformUnknownID)
	case len(v.Fixable) > 0:
		v.Verdict = Fixed
	default:
		v.Verdict = Ready
	}
	if subj.Service != nil && subj.TaskDef == nil {
		v.Notes = append(v.Notes, "task definition "+v.TaskDefinition+" is not among the inputs, so its task and container rules were not checked; add its aws ecs describe-task-definition output")
	}
	return v
}

// verdictRoom is how many rule IDs of each severity a verdict gathers on
// the stack; more spill to the heap.
const verdictRoom = 16

// addOnce appends id to ids unless ids holds it.
func addOnce(ids []string, id string) []string {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

// keptIDs is the list a verdict keeps of ids, which lie on verdictFor's
// stack: the audit's shared copy (verdictShare.list copies a list it has
// not seen), else a copy of its own length.
func keptIDs(share *verdictShare, ids []string) []string { return share.list(ids) }

// exactIDs is a copy of ids of its length, [] (not null in JSON) when empty.
func exactIDs(ids []string) []string {
	if len(ids) == 0 {
		return []string{}
	}
	return append(make([]string, 0, len(ids)), ids...)
}

// fallbacks joins the distinct fallbacks of the blocking rules. It looks
// each blocker up in rules directly: a blocked verdict has a few blockers,
// and a map of all rules built per verdict cost about 25 MB per audit of
// 10,000 services.
func fallbacks(rules []Rule, blockers []string) string {
	var out []string
	for _, id := range blockers {
		if fb := ruleFallback(rules, id); fb != "" && !slices.Contains(out, fb) {
			out = append(out, fb)
		}
	}
	if len(out) == 0 {
		return "stay on EC2 until the blockers are redesigned"
	}
	return strings.Join(out, "; ")
}

// ruleFallback is the fallback of the rule with that id ("" when none).
func ruleFallback(rules []Rule, id string) string {
	for _, r := range rules {
		if r.ID == id {
			return r.Fallback
		}
	}
	return ""
}

func sortVerdicts(vs []Verdict) {
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if a.Cluster != b.Cluster {
			return a.Cluster < b.Cluster
		}
		// A cluster's services stay together; task definitions (no
		// cluster) keep their order by name, the same key in several
		// accounts or regions side by side (see sortFindings).
		if a.Cluster != "" && (a.Account != b.Account || a.Region != b.Region) {
			return a.Account < b.Account || a.Account == b.Account && a.Region < b.Region
		}
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		if a.TaskDefinition != b.TaskDefinition {
			return a.TaskDefinition < b.TaskDefinition
		}
		if a.Account != b.Account {
			return a.Account < b.Account
		}
		return a.Region < b.Region
	})
}

// UnjudgedServices counts the services whose verdict is unknown because
// their task definition is not among the inputs (absent), and because their
// platform is not decided (undecided: a platform-unknown warning).
func UnjudgedServices(verdicts []Verdict) (absent, undecided int) {
	for _, v := range verdicts {
		if v.Service == "" || v.Verdict != Unknown {
			continue
		}
		if slices.Contains(v.Warnings, platformUnknownID) {
			undecided++
		} else {
			absent++
		}
	}
	return absent, undecided
}
