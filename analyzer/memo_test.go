package analyzer

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// An audit shares one memo between its subjects and checks them on every
// core; subjects without a memo (as rule tests build them), checked one
// after another, must reach the same findings, not-checked list and
// verdicts. Run with -race, this also catches shared state written while
// subjects are checked concurrently.
func TestMemoChangesNoFinding(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 240, PerCluster: 20}); err != nil {
		t.Fatal(err)
	}
	f, diags := fleet.Load(context.Background(), []string{dir}, nil)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fresh := &freshResult{}
	byTask := map[*fleet.TaskDefinition][]Finding{}
	for _, td := range f.TaskDefinitions {
		subj := &Subject{Fleet: f, TaskDef: td}
		c := run(res.Rules, ScopeTask, subj, false)
		c.verdict = verdictFor(res.Rules, subj, nil, c.findings)
		byTask[td] = c.findings
		fresh.add(c)
	}
	for _, s := range f.Services {
		subj := &Subject{Fleet: f, TaskDef: s.TaskDef, Service: s}
		c := run(res.Rules, ScopeService, subj, false)
		// Judged on the task definition's findings themselves, not on its
		// verdict as Audit does.
		c.verdict = verdictFor(res.Rules, subj, nil, append(slices.Clone(byTask[s.TaskDef]), c.findings...))
		fresh.add(c)
	}
	sortFindings(fresh.Findings)
	sortVerdicts(fresh.Verdicts)
	if got := res.Findings.Slice(); !reflect.DeepEqual(fresh.Findings, got) || !reflect.DeepEqual(fresh.NotChecked, res.NotChecked) ||
		!reflect.DeepEqual(fresh.Verdicts, res.Verdicts) {
		t.Errorf("memoised audit: %d findings, %d not checked; without memo: %d, %d",
			res.Findings.Len(), len(res.NotChecked), len(fresh.Findings), len(fresh.NotChecked))
	}
}

// subnetDemand sums every service on a subnet set, whichever asks first.
func TestSubnetDemandSumsSharingServices(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 90, PerCluster: 15}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	m := &memo{}
	for _, svc := range f.Services {
		subnets, _ := m.taskSubnets(f, svc)
		key := subnetSetKey(svc, subnets)
		want := subnetDemand{}
		for _, other := range f.Services {
			if o, _ := clusterOrServiceSubnets(f, other); subnetSetKey(other, o) == key {
				want.need += peakIPs(other)
				want.sharing++
			}
		}
		if got := m.subnetDemand(f, key); got != want {
			t.Fatalf("%s: demand %+v, want %+v", svc.Name(), got, want)
		}
	}
}

// clusterOrServiceSubnets recomputes taskSubnets without any memo.
// freshResult is an audit's result as plain lists.
type freshResult struct {
	Findings   []Finding
	NotChecked []NotChecked
	Verdicts   []Verdict
}

func (r *freshResult) add(c checked) {
	r.Findings = append(r.Findings, c.findings...)
	r.NotChecked = append(r.NotChecked, c.notChecked...)
	r.Verdicts = append(r.Verdicts, c.verdict)
}

func clusterOrServiceSubnets(f *fleet.Fleet, svc *fleet.Service) ([]string, bool) {
	return (*memo)(nil).taskSubnets(f, svc)
}
