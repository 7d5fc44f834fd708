package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// nullMessage explains the removal of a null member or element.
const nullMessage = "null removed: the API reads it as an absent member, but the AWS CLI's parameter validation rejects null"

// stripNulls removes every null member and array element of doc before
// the rounds start, so that no fix has to edit through a null and the
// request passes the AWS CLI's validation. Rules read a null as absent,
// so the findings do not change. The edits are made in ed's buffers.
func stripNulls(ed *jsonedit.Editor, doc []byte) ([]byte, []Change, error) {
	nulls := jsonedit.Nulls(doc)
	if len(nulls) == 0 {
		return doc, nil, nil
	}
	p := newPlan()
	for _, n := range nulls {
		p.remove(analyzer.RuleNullMembers, n, false, nullMessage)
	}
	return p.apply(ed, doc)
}
