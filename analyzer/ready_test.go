package analyzer

import (
	"context"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// A service already running on Fargate, with everything a careful team
// sets, must get verdict ready from the whole catalogue: no rule may call
// it fixable or blocked.
func TestFargateReadyServiceIsReady(t *testing.T) {
	f, diags := fleet.Load(context.Background(), []string{"testdata/ready"}, nil)
	for _, d := range diags {
		t.Errorf("fixture diagnostic: %s", d)
	}
	assertQuiet(t, f, Rules())
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Verdicts {
		if v.Verdict != Ready {
			t.Errorf("%s/%s %s: verdict %s (blockers %v, fixable %v)", v.Cluster, v.Service, v.TaskDefinition, v.Verdict, v.Blockers, v.Fixable)
		}
	}
	if len(res.NotChecked) > 0 {
		t.Errorf("with every input present nothing should be left unchecked: %+v", res.NotChecked)
	}
}
