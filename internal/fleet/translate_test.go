package fleet

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// fakeTranslator reads *.fake files, one unit each; every line declares a
// resource: "td NAME PRIVILEGED" (a task definition whose one container's
// privileged is true, false, "?" for not known, or any other word, which
// the loader rejects as a string where a boolean belongs) or "svc NAME TD" (an EC2 service in cluster main running
// task definition TD). Where puts a path of a resource at its line, in the
// column of the path's length, so the test can tell which path it was given.
type fakeTranslator struct{}

func (fakeTranslator) Kind() string { return "Fake" }

func (fakeTranslator) Claim(files []string, read ReadFunc) [][]string {
	var units [][]string
	for _, f := range files {
		if strings.HasSuffix(f, ".fake") {
			units = append(units, []string{f})
		}
	}
	return units
}

func (fakeTranslator) Translate(unit []string) ([]Translated, []Diagnostic) {
	data, err := os.ReadFile(unit[0])
	if err != nil {
		return nil, []Diagnostic{{File: unit[0], Level: LevelError, Message: err.Error()}}
	}
	var out []Translated
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		w := strings.Fields(line)
		lineNo := i + 1
		t := Translated{File: unit[0], Name: w[0] + "." + w[1],
			Where: func(p string) Position { return Position{Line: lineNo, Column: len(p) + 1} }}
		switch w[0] {
		case "td":
			priv := w[2]
			if priv == "?" {
				t.Unknown = map[string]string{"containerDefinitions[0].privileged": "value of var.p is not known statically"}
				priv = "false"
			}
			if priv != "true" && priv != "false" {
				priv = fmt.Sprintf("%q", priv)
			}
			t.Data = fmt.Appendf(nil, `{"family":%q,"networkMode":"bridge","containerDefinitions":[{"name":"c","image":"nginx","memory":512,"privileged":%s}]}`, w[1], priv)
		case "svc":
			t.Data = fmt.Appendf(nil, `{"services":[{"serviceName":%q,"clusterArn":"arn:aws:ecs:us-east-1:123456789012:cluster/main","taskDefinition":%q,"launchType":"EC2"}]}`, w[1], w[2])
		}
		out = append(out, t)
	}
	return out, nil
}

func TestTranslatorFeedsTheFleet(t *testing.T) {
	dir := t.TempDir()
	stack := filepath.ToSlash(writeFile(t, dir, "stack/main.fake", "td app true\ntd worker ?\nsvc web app\ntd bad yes\n"))
	writeFile(t, dir, "stack/notes.txt", "not an input")
	hosts := filepath.ToSlash(writeFile(t, dir, "hosts/ci.json", `{"containerInstances":[{"containerInstanceArn":"arn:aws:ecs:us-east-1:123456789012:container-instance/main/abc","ec2InstanceId":"i-1"}]}`))

	f, diags := LoadWith(context.Background(), []string{dir}, strings.NewReader(""), LoadOptions{Translators: []Translator{fakeTranslator{}}})

	if got, want := strings.Join(f.Inputs, ","), hosts+","+stack; got != want {
		t.Errorf("Inputs = %s, want %s (the .txt left alone)", got, want)
	}
	if len(f.TaskDefinitions) != 3 {
		t.Fatalf("%d task definitions, want app, bad (whose privileged is skipped, as from JSON) and worker", len(f.TaskDefinitions))
	}
	app, worker := f.TaskDefinitions[0], f.TaskDefinitions[2]
	if app.Doc.Source != (Source{File: stack, Path: "td.app"}) || worker.Doc.Source != (Source{File: stack, Path: "td.worker"}) {
		t.Errorf("sources %+v and %+v: want the file and each resource's name", app.Doc.Source, worker.Doc.Source)
	}
	if got := worker.Doc.Unknown["containerDefinitions[0].privileged"]; got != "value of var.p is not known statically" {
		t.Errorf("worker's unknown privileged = %q", got)
	}
	if app.Doc.Unknown != nil {
		t.Errorf("app has unknown values %v", app.Doc.Unknown)
	}
	if len(f.Services) != 1 || f.Services[0].TaskDef != app || f.Services[0].Doc.Source.Path != "svc.web" {
		t.Fatalf("service not read or not linked to app: %+v", f.Services)
	}
	if len(f.ContainerInstances) != 1 || len(f.Clusters) != 1 || len(f.Clusters[0].ContainerInstances) != 1 || ptr.Value(f.Clusters[0].Services[0].Svc.ServiceName) != "web" {
		t.Errorf("the JSON container instance and the translated service are not one cluster: %+v", f.Clusters)
	}

	// A translated document's diagnostic is placed by Where and named by the
	// resource; the rest of the unit still loads.
	var bad []Diagnostic
	for _, d := range diags {
		if d.Level == LevelError {
			bad = append(bad, d)
		}
	}
	if len(bad) != 1 || bad[0].File != stack || bad[0].Path != "td.bad.containerDefinitions[0].privileged" ||
		bad[0].Line != 4 || bad[0].Column != len("containerDefinitions[0].privileged")+1 {
		t.Errorf("errors = %v, want one at %s:4 for td.bad's privileged", bad, stack)
	}

	// Locate maps the paths findings carry back through Where, with the
	// document's own path inside Data restored.
	pos, ok := f.Locate(stack, []string{"td.app.containerDefinitions[0].privileged", "svc.web.launchType", "svc.web", "td.none"})
	if !ok {
		t.Fatal("Locate does not know the translated file")
	}
	want := map[string]Position{
		"td.app.containerDefinitions[0].privileged": {Line: 1, Column: len("containerDefinitions[0].privileged") + 1},
		"svc.web.launchType":                        {Line: 3, Column: len("services[0].launchType") + 1},
		"svc.web":                                   {Line: 3, Column: len("services[0]") + 1},
	}
	for p, w := range want {
		if pos[p] != w {
			t.Errorf("Locate(%s) = %+v, want %+v", p, pos[p], w)
		}
	}
	if _, found := pos["td.none"]; found {
		t.Errorf("a path of no resource was located: %+v", pos["td.none"])
	}
	if _, ok := f.Locate(hosts, nil); ok {
		t.Error("Locate claims a JSON input, which the caller locates in its bytes")
	}
}

func TestNoTranslatorsWalkJSONOnly(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "main.fake", "td app true\n")
	f, diags := load(t, dir)
	if len(f.Inputs) != 0 || len(diags) != 0 {
		t.Errorf("without translators a .fake file was read: inputs %v, diagnostics %v", f.Inputs, diags)
	}
}
