package main

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// A held rewrite gives back the result it held, change by change, with
// nil and empty values told apart and whether a document was made; each
// time a list and values of its own.
func TestHeldResultIsTheResult(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 200, PerCluster: 20}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	var results []*rewrite.Result
	rewrite.TaskDefinitionsEach(f, f.TaskDefinitions, rewrite.Options{}, nil, func(_ int, res *rewrite.Result, err error) bool {
		if res != nil {
			res.DropDocument()
			results = append(results, res)
		}
		return true
	})
	results = append(results,
		&rewrite.Result{Key: "web:1", Changes: []rewrite.Change{
			{RuleID: "env", Path: "containerDefinitions[0].environment", Before: json.RawMessage{}, After: nil, Lossy: true, Message: "m"},
			{RuleID: "x", Path: "", Before: nil, After: json.RawMessage("1"), Message: ""}}},
		&rewrite.Result{Key: "none:1"}, // no change list at all
		&rewrite.Result{Key: "empty:1", Changes: []rewrite.Change{}, Blocked: true})
	changes := 0
	for _, want := range results {
		changes += len(want.Changes)
		h := holdResult(want)
		a, b := h.result(), h.result()
		if !reflect.DeepEqual(a, want) || a.MadeDocument() != want.MadeDocument() {
			t.Errorf("%s: held gives back %+v, want %+v", want.Key, a, want)
		}
		for i := range a.Changes {
			if (a.Changes[i].Before == nil) != (want.Changes[i].Before == nil) || (a.Changes[i].After == nil) != (want.Changes[i].After == nil) {
				t.Errorf("%s change %d: nil values not kept", want.Key, i)
			}
		}
		if len(a.Changes) > 0 && &a.Changes[0] == &b.Changes[0] {
			t.Errorf("%s: two results share one change list", want.Key)
		}
		for i := range a.Changes {
			if len(a.Changes[i].Before) > 0 && &a.Changes[i].Before[0] == &b.Changes[i].Before[0] {
				t.Errorf("%s change %d: two results share one before value", want.Key, i)
			}
		}
	}
	if changes < 100 {
		t.Errorf("%d changes in %d results: the fleet does not exercise the packing", changes, len(results))
	}
}
