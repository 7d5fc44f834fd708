package analyzer

import (
	"fmt"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// check hands the rules a Subject it reuses from one subject to the next,
// keeping the containers' paths: subjects of 3, 1, 3, 2 and 0 containers
// judged in turn each see their own containers at their own paths, and
// nothing of the subject before (its platform, its spare list).
func TestCheckReusesNoAnswerOfTheSubjectBefore(t *testing.T) {
	calls := 0
	rules := []Rule{{ID: "each", Scope: ScopeTask, Severity: Warning, Check: func(s *Subject) []Finding {
		calls++
		if s.platformKnown {
			t.Errorf("call %d: the subject came with a platform already decided", calls)
		}
		s.Platform() // decided for this subject; the next must not see it
		if s.spare == nil {
			t.Errorf("call %d: no spare list lent", calls)
		}
		return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
			return s.one(Flag(at(path, "image"), c.Image, "container %s", *c.Name))
		})
	}}}
	b := newFindingsBuilder()
	counts := []int{3, 1, 3, 2, 0}
	b.subjects = make([]findingSubject, len(counts))
	var parts [][]findingRecord
	var want []string
	for n, count := range counts {
		td := &fleet.TaskDefinition{}
		for i := range count {
			name, image := fmt.Sprintf("td%d-c%d", n, i), fmt.Sprintf("image%d", i)
			td.Def.ContainerDefinitions = append(td.Def.ContainerDefinitions, ecstypes.ContainerDefinition{Name: &name, Image: &image})
			want = append(want, fmt.Sprintf("%s containerDefinitions[%d].image image%d", name, i, i))
		}
		c := check(b, uint32(n), rules, ScopeTask, Subject{Fleet: &fleet.Fleet{}, TaskDef: td}, nil)
		parts = append(parts, c.records)
	}
	var got []string
	for f := range b.build(parts, false).All() {
		got = append(got, fmt.Sprintf("%s %s %s", f.Container, f.Path, f.Value))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings\n got %q\nwant %q", got, want)
	}
	if calls != len(counts) {
		t.Errorf("the rule ran %d times, want %d", calls, len(counts))
	}
}
