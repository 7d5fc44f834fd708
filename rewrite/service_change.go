package rewrite

import (
	"encoding/json"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
)

// change records one edit of the service's settings; before and after are
// SDK values or plain Go values, written as the ECS CLI spells them.
func (p *servicePlan) change(rule, path string, before, after any, lossy bool, msg string) {
	p.changes = append(p.changes, Change{RuleID: rule, Path: path, Before: svcJSON(before), After: svcJSON(after), Lossy: lossy, Message: msg})
}

// remain records a finding the rewrite leaves to the user.
func (p *servicePlan) remain(rule, severity, path, msg string) {
	p.remaining = append(p.remaining, Remaining{RuleID: rule, Severity: severity, Path: path, Message: msg})
}

// svcJSON encodes a change's value; nil and "" mean "absent".
func svcJSON(v any) json.RawMessage {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if x == "" {
			return nil
		}
	case json.RawMessage:
		return x
	}
	b, err := awsjson.Marshal(v, awsjson.ECSCLI)
	if err != nil || string(b) == "null" {
		return nil
	}
	return b
}
