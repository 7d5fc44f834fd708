package analyzer

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// The spare list is lent once per rule call: a helper the rule calls gets
// none, so two lists never share it; outside an audit there is none.
func TestSpareFindingsAreLentOnce(t *testing.T) {
	s := &Subject{spare: make([]Finding, spareFindings)}
	first := s.findings()
	if len(first) != 0 || cap(first) != spareFindings {
		t.Fatalf("first call: len %d cap %d, want 0 and %d", len(first), cap(first), spareFindings)
	}
	if again := s.findings(); again != nil {
		t.Fatalf("second call: cap %d, want nil (the spare is lent once)", cap(again))
	}
	if one := (&Subject{}).one(Finding{Message: "m"}); len(one) != 1 || one[0].Message != "m" {
		t.Fatalf("one outside an audit: %+v", one)
	}
}

// A rule's findings come out of the engine as the rule made them, however
// many there are (more than the spare holds, too), rule after rule, with
// the earlier rules' findings left as they were.
func TestCheckCopiesEachRulesFindingsOutOfTheSpare(t *testing.T) {
	many := func(rule string, n int) Rule {
		return Rule{ID: rule, Scope: ScopeTask, Severity: Warning, Check: func(s *Subject) []Finding {
			out := s.findings()
			for i := range n {
				out = append(out, Flag(at("family"), i, "%s finding %d", rule, i))
			}
			return out
		}}
	}
	rules := []Rule{many("a", 3), many("b", spareFindings+9), many("c", 1), many("d", 0), many("e", 2)}
	td := &fleet.TaskDefinition{}
	b := newFindingsBuilder()
	b.subjects = make([]findingSubject, 1)
	c := check(b, 0, rules, ScopeTask, Subject{TaskDef: td}, nil)
	got := b.build([][]findingRecord{c.records}, false).Slice()
	var want []string
	for _, r := range []struct {
		id string
		n  int
	}{{"a", 3}, {"b", spareFindings + 9}, {"c", 1}, {"e", 2}} {
		for i := range r.n {
			want = append(want, fmt.Sprintf("%s finding %d", r.id, i))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d findings, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Message != want[i] || got[i].Value != fmt.Sprint(i-indexOfFirst(want, want[i][:1])) {
			t.Fatalf("finding %d: %q (value %q), want %q", i, got[i].Message, got[i].Value, want[i])
		}
	}
}

// indexOfFirst is the index of the first message of rule id in want.
func indexOfFirst(want []string, id string) int {
	for i, m := range want {
		if m[:1] == id {
			return i
		}
	}
	return -1
}

// An audit finds what Check finds subject by subject, where no rule has a
// spare list: the lending changes no finding.
func TestAuditFindsWhatCheckFinds(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 300, PerCluster: 30}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want []Finding
	for _, td := range f.TaskDefinitions {
		want = append(want, Check(res.Rules, ScopeTask, &Subject{Fleet: f, TaskDef: td})...)
	}
	for _, svc := range f.Services {
		want = append(want, Check(res.Rules, ScopeService, &Subject{Fleet: f, TaskDef: svc.TaskDef, Service: svc})...)
	}
	got := res.Findings.Slice()
	if len(want) < 100 {
		t.Fatalf("only %d findings: the comparison proves little", len(want))
	}
	sortFindings(want)
	sortFindings(got)
	if len(got) != len(want) {
		t.Fatalf("Audit found %d, Check %d", len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("finding %d: Audit %+v, Check %+v", i, got[i], want[i])
		}
	}
}
