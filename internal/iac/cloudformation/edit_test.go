package cloudformation_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/cloudformation"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// rewriteTemplates loads the templates under dir, rewrites them as the
// command does and gives the editors' result.
func rewriteTemplates(t *testing.T, dir string) fleet.EditResult {
	t.Helper()
	f, diags := fleet.LoadWith(context.Background(), []string{dir}, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{cloudformation.Translator{}}})
	for _, d := range diags {
		if d.Level == fleet.LevelError {
			t.Fatalf("load: %v", d)
		}
	}
	r := &rewrite.Report{}
	results, errs := rewrite.TaskDefinitions(f, rewrite.Options{LogRegion: "us-east-1", ExecutionRoleARN: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"})
	for i, res := range results {
		if errs[i] != nil {
			t.Logf("task definition %s: %v", f.TaskDefinitions[i].Key(), errs[i])
			continue
		}
		res.Source = f.TaskDefinitions[i].Doc.Source.File
		r.TaskDefinitions = append(r.TaskDefinitions, *res)
	}
	for _, s := range f.Services {
		res, err := rewrite.Service(f, s, "web", rewrite.ServiceOptions{})
		if err != nil {
			continue
		}
		r.Services = append(r.Services, *res)
	}
	rws, err := rewrite.IaCRewrites(f, r)
	if err != nil {
		t.Fatal(err)
	}
	var out fleet.EditResult
	byUnit := map[string][]fleet.Rewrite{}
	for _, rw := range rws {
		byUnit[rw.File] = append(byUnit[rw.File], rw)
	}
	for file, rws := range byUnit {
		ed, unit, ok := f.EditorOf(file)
		if !ok {
			t.Fatalf("no editor for %s", file)
		}
		res := ed.Edit(unit, rws)
		out.Files = append(out.Files, res.Files...)
		out.Notes = append(out.Notes, res.Notes...)
		out.Diagnostics = append(out.Diagnostics, res.Diagnostics...)
	}
	return out
}
