package analyzer

import (
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Scope says what a rule looks at.
type Scope string

// Task rules see one task definition (its containers included) and run once
// per task definition; Service rules see one service and its task definition.
const (
	ScopeTask    Scope = "task"
	ScopeService Scope = "service"
)

// Rule is one difference between the EC2 launch type and Fargate. Rules are
// values listed in Rules(); their IDs are a public contract (the README's
// rules catalogue is generated from them) and are never renamed or reused.
type Rule struct {
	ID       string
	Scope    Scope
	Severity Severity // the severity of its findings unless one says otherwise (Finding.As)
	// Also lists every other severity a finding of this rule may take
	// (Finding.As), so that the catalogue names every severity the audit
	// can emit for the rule; a test holds the two together.
	Also  []Severity
	Title string // one line naming the problem
	// Rationale says why it matters on Fargate; Remediation what to do.
	Rationale   string
	Remediation string
	References  []string // documentation backing the rule
	// Fallback names where a workload blocked by this rule can run instead
	// (e.g. "ECS Managed Instances"); only for blockers.
	Fallback string
	// Unverified, when set, says which part of the rule rests on a fact our
	// sources could not confirm; outputs mark such findings.
	Unverified string
	// NeedsTaskDefinition skips a service rule when the service's task
	// definition is not among the inputs (the verdict says so once).
	NeedsTaskDefinition bool
	Check               func(*Subject) []Finding
	// Fix mends the rule's fixable findings on a task definition (see
	// Fixer); every task rule that can give a fixable finding has one.
	Fix Fix
	// FixNeeds lists the inputs Fix may need (see FixInput).
	FixNeeds FixInput
	// FixService is Fix for a service rule: it asks the service rewrite
	// for the request settings its fixable findings need (see
	// ServiceFixer); every service rule that can give a fixable finding
	// has one.
	FixService ServiceFix
}

// Subject is what a check looks at: a task definition, and for service
// rules the service too, with the whole fleet for context (images, target
// groups, instances).
type Subject struct {
	Fleet   *fleet.Fleet
	TaskDef *fleet.TaskDefinition // nil for a service whose task definition is absent
	Service *fleet.Service        // nil for task rules
	// Hosts, when not nil, is what the hosts of TaskDef's services say
	// (fleet.HostsOf), given by a caller that audits a version of a task
	// definition Fleet does not hold: the rewrite audits its rewritten
	// document with its original's hosts, which the fleet knows. The rules
	// read it instead of asking Fleet for TaskDef's.
	Hosts *fleet.Hosts

	memo *memo // shared by the subjects of one audit; nil outside Audit
	// platform caches Platform(): most container rules ask, and the
	// answer may walk every container instance of the task's clusters.
	// It is held in the subject, not behind a pointer of its own: that
	// was an allocation a subject (20 MB at 100,000 services).
	platform      fleet.Platform
	platformKnown bool
	// containerPaths caches each container's path for eachContainer
	// (each with its capacity at its length: appending copies it).
	containerPaths []Path
	// spare is the check worker's list lent to the rule being run, for
	// its findings (see findings); nil outside an audit.
	spare []Finding
}

// Severities lists every severity the audit can give a finding of r,
// highest first: its Severity and Also.
func (r Rule) Severities() []Severity {
	out := append([]Severity{r.Severity}, r.Also...)
	slices.SortFunc(out, func(a, b Severity) int { return int(b - a) })
	return slices.Compact(out)
}

// SeverityText names Severities for catalogues, the rule's usual
// Severity first, e.g. "warning, blocker".
func (r Rule) SeverityText() string {
	names := []string{r.Severity.String()}
	for _, s := range r.Severities() {
		if s != r.Severity {
			names = append(names, s.String())
		}
	}
	return strings.Join(names, ", ")
}
