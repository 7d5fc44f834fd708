package rewrite

import (
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// round is one pass of the rewrite: the findings on the current document
// turned into a plan of edits. Fixes cascade (a new awslogs configuration
// needs an execution role), so passes repeat until nothing is left to fix.
type round struct {
	p    *plan
	td   *fleet.TaskDefinition // the current document, decoded
	top  *jsonedit.Top         // the current document, its members listed
	opts Options
	*shared
	fired map[string]bool // rule IDs with a fixable finding this round
}

// shared is what all rounds share about the task definition.
type shared struct {
	family   string
	origin   origin
	windows  bool   // the fleet's platform decision (fleet.Platform)
	osFamily string // the Windows family the platform decision names; "" for Linux
	images   func(ref string) *fleet.Image
	notes    []Remaining // added by steps (e.g. "the default role must exist")
	usage    *usageSize  // the size --size-from usage sets; nil otherwise
}

// planRound plans the fixes for findings on the current document.
func (r *round) planRound(findings []analyzer.Finding) {
	r.fired = map[string]bool{}
	for _, f := range findings {
		if f.Severity == analyzer.Fixable {
			r.fired[f.RuleID] = true
		}
	}
	// A converted or added log configuration is awslogs, which needs the
	// execution role as much as an existing one does.
	if r.fired["log-driver"] || r.fired["no-log-config"] {
		r.fired["exec-role-awslogs"] = true
	}
	sized := usageSizeStep(r)
	for _, f := range findings {
		s, ok := steps[f.RuleID]
		if !ok || f.Severity != analyzer.Fixable {
			continue
		}
		if isSizeRule(f.RuleID) {
			if sized {
				continue
			}
			sized = true
		}
		s(r, f)
	}
	if !sized {
		sizeStep(r, analyzer.Finding{})
	}
	r.cascadeRole()
}

// cascadeRole adds the execution role in the same round as a new awslogs
// configuration, which would otherwise take one more audit to ask for it.
func (r *round) cascadeRole() {
	if r.p.seen["executionRoleArn"] || ptr.Value(r.td.Def.ExecutionRoleArn) != "" {
		return
	}
	for _, e := range r.p.edits {
		if e.change.RuleID == "log-driver" || e.change.RuleID == "no-log-config" {
			r.fired["exec-role-awslogs"] = true
			setExecutionRole(r, analyzer.Finding{RuleID: "exec-role-awslogs"})
			return
		}
	}
}

// containerIndex reads i from a path starting containerDefinitions[i].
func containerIndex(path string) (int, bool) {
	rest, ok := strings.CutPrefix(path, "containerDefinitions[")
	if !ok {
		return 0, false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, false
	}
	i, err := strconv.Atoi(rest[:end])
	return i, err == nil
}

func registryOf(image *string) string { return fleet.ParseImageRef(ptr.Value(image)).Registry }
