package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// outputOnly are the members of describe-task-definition output that
// RegisterTaskDefinition does not accept.
var outputOnly = []string{
	"taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
	"registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt",
}

// planReadOnly strips output-only members and moves describe-time tags
// (describe-task-definition --include TAGS) into the request.
func planReadOnly(p *plan, doc []byte, td *fleet.TaskDefinition) {
	for _, k := range outputOnly {
		if _, ok := jsonedit.Get(doc, jsonedit.Path{jsonedit.Key(k)}); ok {
			p.remove("read-only-fields", k, false, k+" is output of describe-task-definition, not part of a register-task-definition request; stripped")
		}
	}
	if _, has := jsonedit.Get(doc, jsonedit.Path{jsonedit.Key("tags")}); has || len(td.Tags) == 0 {
		return
	}
	tags := make([]map[string]string, len(td.Tags))
	for i, t := range td.Tags {
		tags[i] = map[string]string{"key": deref(t.Key), "value": deref(t.Value)}
	}
	p.set("read-only-fields", "tags", tags, false, "the tags describe-task-definition returned beside the definition move into the request, so the new revision keeps them")
}
