package rewrite

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/terraform"
)

// recordingEditor is the Terraform translator as an Editor that edits
// nothing: the conversion only needs EditorOf to know the files.
type recordingEditor struct{ terraform.Translator }

func (recordingEditor) Edit([]string, []fleet.Rewrite) fleet.EditResult { return fleet.EditResult{} }

// iacReport rewrites the module dir as the command does and converts it.
func iacRewrites(t *testing.T, dir string) []fleet.Rewrite {
	t.Helper()
	f, diags := fleet.LoadWith(context.Background(), []string{dir}, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{recordingEditor{}}})
	for _, d := range diags {
		if d.Level == fleet.LevelError {
			t.Fatalf("load: %v", d)
		}
	}
	r := &Report{}
	results, errs := TaskDefinitions(f, Options{LogRegion: "us-east-1"})
	for i, res := range results {
		if errs[i] != nil {
			t.Fatalf("rewrite: %v", errs[i])
		}
		res.Source = f.TaskDefinitions[i].Doc.Source.File
		r.TaskDefinitions = append(r.TaskDefinitions, *res)
	}
	for _, s := range f.Services {
		res, err := Service(f, s, "web", ServiceOptions{})
		if err != nil {
			t.Fatal(err)
		}
		r.Services = append(r.Services, *res)
	}
	rws, err := IaCRewrites(f, r)
	if err != nil {
		t.Fatal(err)
	}
	return rws
}

func TestIaCRewritesOfATerraformModule(t *testing.T) {
	rws := iacRewrites(t, "testdata/iac/alb-service")
	if len(rws) != 3 {
		t.Fatalf("got %d rewrites, want task definition, service, target group: %+v", len(rws), rws)
	}
	td, svc, tg := rws[0], rws[1], rws[2]
	want := []struct {
		rw     fleet.Rewrite
		kind   fleet.RewriteKind
		name   string
		prefix string
	}{
		{td, fleet.RewriteTaskDefinition, "aws_ecs_task_definition.web", ""},
		{svc, fleet.RewriteService, "aws_ecs_service.web", "services[0]"},
		{tg, fleet.RewriteTargetGroup, "aws_lb_target_group.web", "TargetGroups[0]"},
	}
	for _, w := range want {
		if w.rw.Kind != w.kind || w.rw.Name != w.name || w.rw.Prefix != w.prefix || !strings.HasSuffix(w.rw.File, "main.tf") {
			t.Errorf("got %s %s %q in %s, want %s %s %q", w.rw.Kind, w.rw.Name, w.rw.Prefix, w.rw.File, w.kind, w.name, w.prefix)
		}
	}

	after := decode(t, td.After)
	if after["networkMode"] != "awsvpc" {
		t.Errorf("task definition networkMode = %v, want awsvpc", after["networkMode"])
	}
	// cpu is var.cpu, not known statically: the code keeps it.
	if _, ok := after["cpu"]; ok {
		t.Errorf("task definition After sets cpu, which the code sets to an unknown variable: %s", td.After)
	}
	if !strings.Contains(strings.Join(td.Changes, "\n"), "cpu: left as the code sets it") {
		t.Errorf("changes do not say cpu is left alone: %q", td.Changes)
	}

	s := decode(t, svc.After)
	for _, gone := range []string{"launchType", "placementStrategy", "placementConstraints"} {
		if _, ok := s[gone]; ok {
			t.Errorf("service After keeps %s: %s", gone, svc.After)
		}
	}
	if got, _ := json.Marshal(s["capacityProviderStrategy"]); !strings.Contains(string(got), `"FARGATE"`) {
		t.Errorf("service capacityProviderStrategy = %s, want FARGATE", got)
	}
	if strings.Contains(string(svc.After), "REPLACE-ME") {
		t.Errorf("service After holds a placeholder: %s", svc.After)
	}
	if svc.Inputs[subnetsPath] == "" || svc.Inputs[securityGroupsPath] == "" {
		t.Errorf("service Inputs = %v, want subnets and security groups", svc.Inputs)
	}
	if got, _ := lookupPath(s, "loadBalancers[0].targetGroupArn"); got != mustLookup(t, decode(t, svc.Before), "loadBalancers[0].targetGroupArn") {
		t.Errorf("service load balancer points at %v; it must keep the old group's translated ARN", got)
	}
	if s["taskDefinition"] == nil || s["platformVersion"] != "LATEST" {
		t.Errorf("service After = %s, want the task definition kept and platform version LATEST", svc.After)
	}

	g := decode(t, tg.After)
	if g["TargetType"] != "ip" || tg.Replacement == "" || g["TargetGroupName"] != tg.Replacement {
		t.Errorf("target group After = %s, Replacement %q: want type ip under the replacement's name", tg.After, tg.Replacement)
	}
	if g["Port"] != json.Number("8080") {
		t.Errorf("ip target group port = %v, want the container port 8080", g["Port"])
	}
}

func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	m, err := decodeObject(b)
	if err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return m
}

func mustLookup(t *testing.T, v any, p string) any {
	t.Helper()
	got, ok := lookupPath(v, p)
	if !ok {
		t.Fatalf("no %s", p)
	}
	return got
}

func TestPathHelpers(t *testing.T) {
	v := decodeMust(`{"a":{"b":[{"c":1},{"d":2}]}}`)
	if got, ok := lookupPath(v, "a.b[1].d"); !ok || got != json.Number("2") {
		t.Errorf("lookup a.b[1].d = %v %v", got, ok)
	}
	if !deletePath(v, "a.b[0].c") || deletePath(v, "a.b[0].c") {
		t.Error("deletePath a.b[0].c: want true once")
	}
	if deletePath(v, "a.b[1]") {
		t.Error("deletePath of a list element must refuse")
	}
}

func decodeMust(s string) map[string]any {
	m, err := decodeObject([]byte(s))
	if err != nil {
		panic(err)
	}
	return m
}
