package rewrite

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TestScratchCarriesNothingOver: the Editor and the plan a rewrite reuses
// from the one before (scratches) leave nothing in the next: every rule
// fixture's task definitions rewritten one after another, then again in
// the opposite order, give the same results, documents included, as each
// rewritten with a scratch of its own.
func TestScratchCarriesNothingOver(t *testing.T) {
	fixtures, _ := filepath.Glob(filepath.Join(ruleFixtureRoot, "*", "*.json"))
	type job struct {
		f  *fleet.Fleet
		td *fleet.TaskDefinition
	}
	var jobs []job
	for _, fx := range fixtures {
		if strings.HasSuffix(fx, ".golden.json") {
			continue
		}
		f, diags := fleet.Load(context.Background(), []string{fx}, nil)
		if fleet.HasErrors(diags) {
			continue
		}
		for _, td := range f.TaskDefinitions {
			jobs = append(jobs, job{f, td})
		}
	}
	opts := Options{Force: true, LogRegion: "us-east-1", ExecutionRoleARN: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"}
	rewriteAlone := func(j job) (*Result, error) {
		scratches.Put(&scratch{plan: plan{seen: map[string]bool{}}}) // most likely the next Get
		return TaskDefinition(j.f, j.td, opts)
	}
	want := make([]*Result, len(jobs))
	for i, j := range jobs {
		want[i], _ = rewriteAlone(j)
	}
	for pass := range 2 {
		for k := range jobs {
			i := k
			if pass == 1 {
				i = len(jobs) - 1 - k
			}
			got, _ := TaskDefinition(jobs[i].f, jobs[i].td, opts)
			if !reflect.DeepEqual(got, want[i]) {
				t.Errorf("%s, rewritten after others (pass %d), differs from its rewrite alone", jobs[i].td.Key(), pass)
			}
		}
	}
	if len(jobs) < 100 {
		t.Errorf("only %d task definitions in the fixtures", len(jobs))
	}
}

// TestUnchangedDocumentOutlivesTheScratch: a definition the rewrite leaves
// as it was is returned in a slice of its own, not in the scratch's buffer
// it was read into, which the next rewrite on the same goroutine reads its
// own definition into.
func TestUnchangedDocumentOutlivesTheScratch(t *testing.T) {
	same, other := loadTDCase(t, "already-fargate"), loadTDCase(t, "links")
	scratches.Put(&scratch{plan: plan{seen: map[string]bool{}}}) // the next Get, most likely
	res, err := TaskDefinition(same.f, same.td, same.opts)
	if err != nil || len(res.Document) == 0 || len(res.Changes) != 0 {
		t.Fatalf("already-fargate: %v, %d changes, a document of %d bytes; want no change and a document", err, len(res.Changes), len(res.Document))
	}
	want := string(res.Document)
	for range 3 {
		if _, err := TaskDefinition(other.f, other.td, other.opts); err != nil {
			t.Fatal(err)
		}
	}
	if string(res.Document) != want {
		t.Errorf("the unchanged document changed under a later rewrite:\n%s\nwas\n%s", res.Document, want)
	}
}
