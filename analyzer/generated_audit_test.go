package analyzer

import (
	"context"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// auditOfGenerated audits a generated estate of services services,
// perCluster a cluster, with every rule.
func auditOfGenerated(t *testing.T, services, perCluster int) *Result {
	t.Helper()
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: services, PerCluster: perCluster}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSubjectOfIsTheAuditsPlace: each finding of an audit names, by
// SubjectOf, the task definition or service it was found on, at its place
// in the fleet (task definitions first, then services), though the
// findings are sorted.
func TestSubjectOfIsTheAuditsPlace(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 120, PerCluster: 20}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	nt, services := len(f.TaskDefinitions), 0
	for i := range res.Findings.Len() {
		fd, n := res.Findings.At(i), res.Findings.SubjectOf(i)
		switch {
		case n < nt:
			if td := f.TaskDefinitions[n]; fd.Service != "" || fd.TaskDefinition != td.Key() || fd.File != td.Doc.Source.File {
				t.Fatalf("finding %d (%s on %s %s) is placed on task definition %d, %s", i, fd.RuleID, fd.Service, fd.TaskDefinition, n, td.Key())
			}
		case n < nt+len(f.Services):
			services++
			if s := f.Services[n-nt]; fd.Service != s.Name() || fd.Cluster != s.Cluster || fd.File != s.Doc.Source.File || fd.DocPath != s.Doc.Source.Path {
				t.Fatalf("finding %d (%s on %s/%s) is placed on service %d, %s/%s", i, fd.RuleID, fd.Cluster, fd.Service, n-nt, s.Cluster, s.Name())
			}
		default:
			t.Fatalf("finding %d is placed on subject %d of %d", i, n, nt+len(f.Services))
		}
	}
	if services == 0 || services == res.Findings.Len() {
		t.Errorf("%d of %d findings on services: the test proves little", services, res.Findings.Len())
	}
}

// TestCheckIntoIsCheck: CheckInto, appending to one reused list with the
// rules' lists lent, finds what Check finds, in order, on every task
// definition and service of a generated fleet (task and service rules).
func TestCheckIntoIsCheck(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 120, PerCluster: 20}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	rules := Rules()
	var list []Finding
	n := 0
	check := func(scope Scope, subj func() *Subject) {
		want := Check(rules, scope, subj())
		list = CheckInto(list, rules, scope, subj())
		if len(want) == 0 && len(list) == 0 {
			return
		}
		n += len(want)
		if !reflect.DeepEqual(list, want) {
			t.Fatalf("CheckInto found\n %+v\nCheck\n %+v", list, want)
		}
	}
	for _, td := range f.TaskDefinitions {
		check(ScopeTask, func() *Subject { return &Subject{Fleet: f, TaskDef: td} })
	}
	for _, s := range f.Services {
		check(ScopeService, func() *Subject { return &Subject{Fleet: f, TaskDef: s.TaskDef, Service: s} })
	}
	if n == 0 {
		t.Error("no findings: the test proves nothing")
	}
}
