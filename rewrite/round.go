package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// round is one pass of the rewrite: the findings on the current document
// turned into a plan of edits by their rules' fixes (analyzer.Rule.Fix).
// Fixes cascade (a new awslogs configuration needs an execution role), so
// passes repeat until nothing is left to fix.
type round struct {
	p    *plan
	td   *fleet.TaskDefinition // the current document, decoded
	subj *analyzer.Subject     // td as the audit saw it, for the fixes
	top  *jsonedit.Top         // the current document, its members listed
	opts Options
	*shared
	fired map[string]bool // rule IDs with a fixable finding this round
	sized bool            // the task size is planned
	role  roleAsk         // the execution role the fixes asked for
}

// shared is what all rounds share about the task definition.
type shared struct {
	family  string
	origin  origin
	windows bool        // the fleet's platform decision (fleet.Platform)
	notes   []Remaining // added by fixes (e.g. "the default role must exist")
	usage   *usageSize  // the size --size-from usage sets; nil otherwise
}

// fixes is each rule's fix by rule ID, from the catalogue.
var fixes = func() map[string]analyzer.Fix {
	m := map[string]analyzer.Fix{}
	for _, r := range catalogue {
		if r.Fix != nil {
			m[r.ID] = r.Fix
		}
	}
	return m
}()

// fixNeeds is what each rule's fix may need from the inputs, by rule ID.
var fixNeeds = func() map[string]analyzer.FixInput {
	m := map[string]analyzer.FixInput{}
	for _, r := range catalogue {
		if r.FixNeeds != 0 {
			m[r.ID] = r.FixNeeds
		}
	}
	return m
}()

// planRound plans the fixes the audit's fixable findings on the current
// document call for: each finding's rule fixes it through the round (see
// fixer). The task size is chosen once a round whether or not a sizing
// rule fired (a valid size is still written in the API's form), and the
// execution role once, after every fix has said why it needs one.
func (r *round) planRound(findings []analyzer.Finding) {
	r.fired = map[string]bool{}
	for _, f := range findings {
		if f.Severity == analyzer.Fixable {
			r.fired[f.RuleID] = true
		}
	}
	// --size-from usage sets the size from measured use; the sizing
	// rules' fixes then have nothing left to choose.
	r.sized = usageSizeStep(r)
	for _, f := range findings {
		if fix := fixes[f.RuleID]; fix != nil && f.Severity == analyzer.Fixable {
			fix(fixer{r, f}, r.subj, f)
		}
	}
	if !r.sized {
		r.sizeTask()
	}
	r.planRole()
}
