package reports

import (
	"encoding/json"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// A service's change list is its task definition's then its own; values
// under environment or secrets never reach the report, and a list with
// nothing to drop is shared with the rewrite rather than copied.
func TestJoinChanges(t *testing.T) {
	v := json.RawMessage(`"x"`)
	plain := []rewrite.Change{{RuleID: "host-port", Path: "containerDefinitions[0].portMappings[0].hostPort", Before: v, After: v}}
	secret := []rewrite.Change{{RuleID: "env", Path: "containerDefinitions[0].environment[1].value", Before: v, After: v}}
	svc := []rewrite.Change{{RuleID: "lb-target-type-ip", Path: "loadBalancers[0].targetGroupArn", After: v}}

	if got := joinChanges(nil, nil); got == nil || len(got) != 0 {
		t.Errorf("no changes: %#v, want an empty list", got)
	}
	if got := joinChanges(plain, nil); len(got) != 1 || &got[0] != &plain[0] || cap(got) != 1 {
		t.Errorf("a safe list alone is not shared (or could be appended into): %#v", got)
	}
	got := joinChanges(secret, nil)
	if len(got) != 1 || got[0].Before != nil || got[0].After != nil || secret[0].Before == nil {
		t.Errorf("secret change: %#v (rewrite's %#v), want its values dropped in a copy", got, secret)
	}
	got = joinChanges(plain, svc)
	if len(got) != 2 || got[0].RuleID != "host-port" || got[1].RuleID != "lb-target-type-ip" || &got[0] == &plain[0] {
		t.Errorf("joined: %#v, want the task definition's then the service's, copied", got)
	}
}
