package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"slices"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// outputOnly are the members of describe-task-definition output that
// RegisterTaskDefinition does not accept.
var outputOnly = []string{
	"taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
	"registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt",
}

// readOnlyAndTags are the top-level members planReadOnly looks for.
var readOnlyAndTags = append(slices.Clone(outputOnly), "tags")

// outputOnlyRemovals are the path and message of stripping each of
// outputOnly, made once rather than for each definition (issue 17: 9 MB of
// the report's preview at 10,000 services); the plan only reads them.
var outputOnlyRemovals = func() []removal {
	out := make([]removal, len(outputOnly))
	for i, k := range outputOnly {
		out[i] = removal{member(k), k + " is output of describe-task-definition, not part of a register-task-definition request; stripped"}
	}
	return out
}()

// removal is a member to strip and the message of its change.
type removal struct {
	path jsonedit.Path
	msg  string
}

// planEmptyPlacement drops an empty placementConstraints list, which
// describe-task-definition prints for every definition: it constrains
// nothing, and cfn-lint rejects the member on a Fargate task definition
// (E3048).
func planEmptyPlacement(p *plan, doc *jsonedit.Top) {
	if v := doc.Members("placementConstraints")[0]; v != nil && isEmpty(v) {
		p.remove(analyzer.RuleTaskPlacementConstraints, member("placementConstraints"), false,
			"empty placementConstraints removed: it constrains nothing, and Fargate task definitions take no placement constraints")
	}
}

// planReadOnly strips output-only members and moves describe-time tags
// (describe-task-definition --include TAGS) into the request.
func planReadOnly(p *plan, doc *jsonedit.Top, td *fleet.TaskDefinition) {
	has := doc.Has(readOnlyAndTags...)
	for i, r := range outputOnlyRemovals {
		if has[i] {
			p.remove(analyzer.RuleReadOnlyFields, r.path, false, r.msg)
		}
	}
	if has[len(outputOnly)] || len(td.Tags) == 0 {
		return
	}
	tags := make([]map[string]string, len(td.Tags))
	for i, t := range td.Tags {
		tags[i] = map[string]string{"key": ptr.Value(t.Key), "value": ptr.Value(t.Value)}
	}
	p.set(analyzer.RuleReadOnlyFields, member("tags"), tags, false, "the tags describe-task-definition returned beside the definition move into the request, so the new revision keeps them")
}
