package rewrite

import (
	"context"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/rightsize"
)

// --size-from usage sets the recommended size, with the figures behind it;
// a service with too few days keeps its reservation size and says why; the
// default stays the reservation.
func TestSizeFromUsage(t *testing.T) {
	f, diags := fleet.Load(context.Background(), []string{"testdata/usage"}, nil)
	for _, d := range diags {
		t.Fatalf("diagnostic: %s", d)
	}
	tds := map[string]*fleet.TaskDefinition{}
	for _, td := range f.TaskDefinitions {
		tds[*td.Def.Family] = td
	}
	usage := Options{SizeFrom: SizeFromUsage, Rightsize: rightsize.DefaultOptions()}

	// web: p99 204.8 units + 30 % = 267, max 1024 MiB + 20 % = 1229: 512/2048.
	res, err := TaskDefinition(f, tds["web"], usage)
	if err != nil {
		t.Fatal(err)
	}
	if res.Size.CPU != 512 || res.Size.Memory != 2048 {
		t.Errorf("web size %+v, want 512/2048", res.Size)
	}
	var msgs []string
	for _, c := range res.Changes {
		if c.RuleID == UsageSizeRuleID {
			msgs = append(msgs, c.Message)
		}
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "p99 CPU 205 units + 30%, max memory 1024 MiB + 20% → 512/2048") {
		t.Errorf("usage changes %q", msgs)
	}

	// young: 3 days of data, withheld: the declared 1024/4096 stays.
	res, err = TaskDefinition(f, tds["young"], usage)
	if err != nil {
		t.Fatal(err)
	}
	if res.Size.CPU != 1024 || res.Size.Memory != 4096 {
		t.Errorf("young size %+v, want the reservation's 1024/4096", res.Size)
	}
	found := false
	for _, r := range res.Remaining {
		found = found || r.RuleID == UsageSizeRuleID && strings.Contains(r.Message, "3 days of data, fewer than 7")
	}
	if !found {
		t.Errorf("young remaining %+v: want the reason the usage size was withheld", res.Remaining)
	}

	// The default is the reservation, and the remaining items say what
	// measured use would give.
	res, err = TaskDefinition(f, tds["web"], Options{Rightsize: rightsize.DefaultOptions()})
	if err != nil || res.Size.CPU != 1024 || res.Size.Memory != 4096 {
		t.Errorf("default size %+v (%v), want 1024/4096", res.Size, err)
	}
	said := false
	for _, r := range res.Remaining {
		said = said || r.RuleID == UsageSizeRuleID && strings.Contains(r.Message, "sized from reservations (--size-from reservation); measured use gives 512/2048")
	}
	if !said {
		t.Errorf("default remaining %+v: want the source and the usage size", res.Remaining)
	}
	if err := (Options{SizeFrom: "guess"}).Validate(); err == nil {
		t.Error("--size-from guess accepted")
	}
}
