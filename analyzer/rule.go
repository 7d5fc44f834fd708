package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/fleet"

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
	Severity Severity // the rule's usual severity; a finding may say otherwise
	Title    string   // one line naming the problem
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
}

// Subject is what a check looks at: a task definition, and for service
// rules the service too, with the whole fleet for context (images, target
// groups, instances).
type Subject struct {
	Fleet   *fleet.Fleet
	TaskDef *fleet.TaskDefinition // nil for a service whose task definition is absent
	Service *fleet.Service        // nil for task rules

	memo *memo // shared by the subjects of one audit; nil outside Audit
	// windows caches Windows(): most container rules ask, and the answer
	// may walk every container instance of the task's clusters.
	windows *bool
}
