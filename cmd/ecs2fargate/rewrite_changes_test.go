package main

import (
	"bytes"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonindent"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// changes.json, written element by element, is the whole changesFile
// encoded at once, with and without errors: a member added to
// rewrite.Report but not to changesJSON fails here.
func TestChangesJSONStreamedEqualsWhole(t *testing.T) {
	for _, errs := range [][]string{nil, {"a.json: not a task definition"}} {
		r := &rewrite.Report{
			TaskDefinitions: []rewrite.Result{{Key: "web:3", Document: []byte(`{"family":"web"}`), Changes: []rewrite.Change{{RuleID: "network-mode-awsvpc", Path: "networkMode"}}}},
			Services:        []rewrite.ServiceResult{{Cluster: "prod", Service: "web", UpdateService: []byte(`{}`), Changes: []rewrite.Change{}}},
			Errors:          errs,
		}
		var whole, streamed bytes.Buffer
		if err := jsonindent.Encode(&whole, changesFile{reports.Tool{Name: "ecs2fargate", Version: version}, r.WithoutDocuments()}, "  "); err != nil {
			t.Fatal(err)
		}
		if err := changesJSON(&streamed, r); err != nil {
			t.Fatal(err)
		}
		if whole.String() != streamed.String() {
			t.Errorf("errors %v: streamed changes.json:\n%s\nwhole:\n%s", errs, streamed.String(), whole.String())
		}
	}
}
