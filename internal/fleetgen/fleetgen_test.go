package fleetgen

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// small has every kind of cluster (a Windows group is the fourth, an ARM
// one the seventh) and is quick to audit.
var small = Options{Services: 420, PerCluster: 20}

// load generates opts into a temporary directory and loads it.
func load(t *testing.T, opts Options) (*fleet.Fleet, []fleet.Diagnostic) {
	t.Helper()
	dir := t.TempDir()
	if _, err := Write(context.Background(), dir, opts); err != nil {
		t.Fatal(err)
	}
	return fleet.Load(context.Background(), []string{dir}, nil)
}

func TestGeneratedFleetLoadsCleanly(t *testing.T) {
	f, diags := load(t, small)
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d)
	}
	if len(f.Services) != small.Services {
		t.Errorf("%d services, want %d", len(f.Services), small.Services)
	}
	if want := 21; len(f.Clusters) != want {
		t.Errorf("%d clusters, want %d", len(f.Clusters), want)
	}
	for _, s := range f.Services {
		if s.TaskDef == nil {
			t.Fatalf("service %s/%s: task definition %s not generated", s.Cluster, s.Name(), s.TaskDefinitionKey())
		}
	}
	for _, ci := range f.ContainerInstances {
		if ci.Instance == nil {
			t.Fatalf("container instance %s has no EC2 instance", *ci.CI.ContainerInstanceArn)
		}
	}
	if len(f.TaskDefinitions) >= len(f.Services) || len(f.TaskDefinitions) <= len(f.Services)/3 {
		t.Errorf("%d task definitions for %d services: families and revisions should be shared, but not all", len(f.TaskDefinitions), len(f.Services))
	}
	for _, shape := range [][]any{{len(f.TargetGroups), "target groups"}, {len(f.Subnets), "subnets"}, {len(f.Images), "images"}} {
		if shape[0].(int) == 0 {
			t.Errorf("no %s generated", shape[1])
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate(Options{Services: 450, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(Options{Services: 450, Seed: 7})
	c, _ := Generate(Options{Services: 450, Seed: 8})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("file %s differs between two runs", a[i].Name)
		}
	}
	if sameFiles(a, c) {
		t.Error("seeds 7 and 8 generated the same fleet")
	}
}

func sameFiles(a, b []File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

func TestWriteMatchesGenerate(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Services: 120}
	n, err := Write(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := Generate(opts)
	if n != len(files) {
		t.Errorf("wrote %d files, generated %d", n, len(files))
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s on disk differs from Generate's (%v)", f.Name, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*", "*", ".*tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestAuditFindsEveryVerdict(t *testing.T) {
	f, _ := load(t, small)
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, v := range res.Verdicts {
		if v.Service != "" {
			count[v.Verdict]++
		}
	}
	t.Logf("service verdicts: %v", count)
	for _, want := range []string{analyzer.Ready, analyzer.Fixed, analyzer.Blocked} {
		if count[want] < small.Services/50 {
			t.Errorf("only %d services %s (all: %v); the fleet should mix verdicts", count[want], want, count)
		}
	}
	if count[analyzer.Unknown] > 0 {
		t.Errorf("%d services with an unknown verdict", count[analyzer.Unknown])
	}
}

// The workloads the generator promises are all there.
func TestGeneratedFleetHasEveryWorkload(t *testing.T) {
	files, err := Generate(small)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		all.Write(f.Data)
	}
	for _, want := range []string{`"networkMode": "bridge"`, `"networkMode": "host"`, `"networkMode": "awsvpc"`, `"hostPort": 0`,
		`"links"`, `"logDriver": "awslogs"`, `"logDriver": "fluentd"`, `"logDriver": "json-file"`, `"logDriver": "syslog"`,
		`"privileged": true`, `"sourcePath": "/var/run/docker.sock"`, `"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"`,
		`"type": "GPU"`, `"schedulingStrategy": "DAEMON"`, `"TargetType": "instance"`, `"TargetType": "ip"`,
		`"type": "spread"`, `"type": "distinctInstance"`, `"capacityProvider": "FARGATE"`, `"InstanceLifecycle": "spot"`} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no generated file contains %s", want)
		}
	}
}

func TestInstanceTypesArePriced(t *testing.T) {
	book := pricing.Default()
	for _, typ := range InstanceTypes() {
		if p := book.Price("us-east-1", pricing.EC2Item(typ)); !p.Known() {
			t.Errorf("instance type %s has no price in the embedded book", typ)
		}
	}
}

func TestOptionsAreValidated(t *testing.T) {
	for _, o := range []Options{{Services: -1}, {Services: MaxServices + 1}, {PerCluster: -5}, {Account: "12"}} {
		if _, err := Generate(o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
