package fleet

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

const shapesDir = "testdata/shapes"

// load reads paths with no standard input and returns the fleet and the
// diagnostics.
func load(t *testing.T, paths ...string) (*Fleet, []Diagnostic) {
	t.Helper()
	return Load(context.Background(), paths, strings.NewReader(""))
}

// loadClean is load for inputs that must read without a single diagnostic.
func loadClean(t *testing.T, paths ...string) *Fleet {
	t.Helper()
	f, diags := load(t, paths...)
	for _, d := range diags {
		t.Errorf("unexpected diagnostic: %s", d)
	}
	return f
}

// writeFile writes content to name under dir and returns the path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Each input shape is recognised and lands in its own part of the model.
func TestLoadRecognisesEveryShape(t *testing.T) {
	tests := []struct {
		file  string
		count func(*Fleet) int
		want  int
	}{
		{"describe-task-definition.json", func(f *Fleet) int { return len(f.TaskDefinitions) }, 1},
		{"describe-task-definition-bare.json", func(f *Fleet) int { return len(f.TaskDefinitions) }, 1},
		{"register-task-definition.json", func(f *Fleet) int { return len(f.TaskDefinitions) }, 1},
		{"services.json", func(f *Fleet) int { return len(f.Services) }, 3},
		{"clusters.json", func(f *Fleet) int { return countDetails(f) }, 1},
		{"container-instances.json", func(f *Fleet) int { return len(f.ContainerInstances) }, 1},
		{"instances.json", func(f *Fleet) int { return len(f.Instances) }, 1},
		{"images.json", func(f *Fleet) int { return len(f.Images) }, 1},
		{"target-groups.json", func(f *Fleet) int { return len(f.TargetGroups) }, 1},
		{"subnets.json", func(f *Fleet) int { return len(f.Subnets) }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(shapesDir, tt.file)
			f := loadClean(t, path)
			if got := tt.count(f); got != tt.want {
				t.Errorf("read %d documents, want %d", got, tt.want)
			}
			if len(f.Inputs) != 1 || f.Inputs[0] != path {
				t.Errorf("Inputs = %v, want [%s]", f.Inputs, path)
			}
		})
	}
}

func countDetails(f *Fleet) int {
	n := 0
	for _, c := range f.Clusters {
		if c.Detail != nil {
			n++
		}
	}
	return n
}

// loadTaskDef reads one fixture under testdata/shapes and returns the task
// definition key names.
func loadTaskDef(t *testing.T, file, key string) *TaskDefinition {
	t.Helper()
	f := loadClean(t, filepath.Join(shapesDir, file))
	td := f.TaskDefinition(testID, key)
	if td == nil {
		t.Fatalf("%s not found; have %v", key, keys(f))
	}
	return td
}

func TestDescribeTaskDefinitionWithWrapperAndTags(t *testing.T) {
	td := loadTaskDef(t, "describe-task-definition.json", "web:3")
	if td.Registerable {
		t.Error("describe output is not the register shape")
	}
	if raw := docBytes(t, td.Doc); td.Doc.Source.Path != "taskDefinition" || !strings.HasPrefix(strings.TrimSpace(string(raw)), "{") {
		t.Errorf("Doc = %s at %q, want the taskDefinition member", raw[:20], td.Doc.Source.Path)
	}
	if len(td.Tags) != 1 || ptr.Value(td.Tags[0].Key) != "team" || ptr.Value(td.Tags[0].Value) != "web" {
		t.Errorf("Tags = %+v", td.Tags)
	}
	cd := td.Def.ContainerDefinitions[0]
	if ptr.Value(cd.Memory) != 512 || cd.PortMappings[0].HostPort == nil || *cd.PortMappings[0].HostPort != 0 {
		t.Errorf("container not decoded: %+v", cd)
	}
	if td.Def.RegisteredAt == nil || td.Def.RegisteredAt.Year() != 2025 {
		t.Errorf("RegisteredAt = %v", td.Def.RegisteredAt)
	}
}

func TestDescribeTaskDefinitionWithoutWrapper(t *testing.T) {
	td := loadTaskDef(t, "describe-task-definition-bare.json", "worker:12")
	// Epoch seconds, as the CLI prints with cli_timestamp_format = none.
	if td.Def.RegisteredAt == nil || td.Def.RegisteredAt.Unix() != 1735787045 {
		t.Errorf("RegisteredAt = %v", td.Def.RegisteredAt)
	}
}

func TestRegisterShape(t *testing.T) {
	td := loadTaskDef(t, "register-task-definition.json", "batch")
	if !td.Registerable || td.Doc.Source.Path != "" {
		t.Errorf("Registerable = %v, path %q; want true and the whole file", td.Registerable, td.Doc.Source.Path)
	}
	// A number where the API wants a string is read as that string.
	if ptr.Value(td.Def.Cpu) != "256" || ptr.Value(td.Def.Memory) != "512" {
		t.Errorf("cpu %q memory %q", ptr.Value(td.Def.Cpu), ptr.Value(td.Def.Memory))
	}
	if len(td.Tags) != 1 || ptr.Value(td.Tags[0].Key) != "owner" {
		t.Errorf("Tags = %+v", td.Tags)
	}
}

func keys(f *Fleet) []string {
	var out []string
	for _, td := range f.TaskDefinitions {
		out = append(out, td.Key())
	}
	return out
}

// Services link to task definitions by ARN, by family:revision, and by
// family alone to a register-shaped input; the cluster comes from clusterArn.
func TestServicesLinkToTaskDefinitionsAndClusters(t *testing.T) {
	f := loadClean(t, shapesDir)
	want := map[string]string{"web": "web:3", "worker": "worker:12", "batch": "batch"}
	for _, s := range f.Services {
		if s.Cluster != "shop" {
			t.Errorf("service %s: cluster %q, want shop", s.Name(), s.Cluster)
		}
		if s.TaskDef == nil || s.TaskDef.Key() != want[s.Name()] {
			t.Errorf("service %s: task definition %v, want %s", s.Name(), s.TaskDef, want[s.Name()])
		}
	}
	if len(f.Services) != 3 {
		t.Fatalf("%d services, want 3", len(f.Services))
	}
	c := f.Cluster(testID, "shop")
	if c == nil || c.Detail == nil || len(c.Services) != 3 || len(c.ContainerInstances) != 1 {
		t.Fatalf("cluster shop = %+v", c)
	}
	if got := f.ServicesUsing(f.TaskDefinition(testID, "web:3")); len(got) != 1 || got[0].Name() != "web" {
		t.Errorf("ServicesUsing(web:3) = %v", got)
	}
}

// Container instances link to EC2 instances; lookups find target groups,
// subnets and ECR images by the references services and containers use.
func TestLookups(t *testing.T) {
	f := loadClean(t, shapesDir)
	ci := f.ContainerInstances[0]
	if ci.Cluster != "shop" || ci.Instance == nil || string(ci.Instance.EC2.InstanceType) != "m5.xlarge" {
		t.Errorf("container instance: cluster %q, instance %+v", ci.Cluster, ci.Instance)
	}
	web := f.Services[1] // sorted by cluster, then name: batch, web, worker
	if web.Name() != "web" {
		t.Fatalf("services not sorted by name: %s", web.Name())
	}
	tg := f.TargetGroup(ptr.Value(web.Svc.LoadBalancers[0].TargetGroupArn))
	if tg == nil || string(tg.TG.TargetType) != "instance" {
		t.Errorf("target group = %+v", tg)
	}
	if sn := f.Subnet(testID, "subnet-0a1b2c3d"); sn == nil || ptr.Value(sn.EC2.AvailableIpAddressCount) != 250 {
		t.Errorf("subnet = %+v", sn)
	}
	img := f.Image(ptr.Value(f.TaskDefinition(testID, "web:3").Def.ContainerDefinitions[0].Image))
	if img == nil || ptr.Value(img.Detail.ImageSizeInBytes) != 52428800 {
		t.Errorf("image = %+v", img)
	}
	if f.Image("alpine:3.20") != nil || f.Subnet(testID, "subnet-none") != nil || f.TargetGroup("arn:none") != nil {
		t.Error("lookups of absent resources should be nil")
	}
	h := f.HostsOf(f.TaskDefinition(testID, "web:3"))
	if h.Instances != 1 || Sole(h.Archs) != "x86_64" || Sole(h.OSTypes) != "linux" {
		t.Errorf("HostsOf = %+v", h)
	}
}

func contextWithCancel(t *testing.T) (context.Context, context.CancelFunc) {
	return context.WithCancel(t.Context())
}

// testID is the account and region of the fixtures under testdata/shapes.
var testID = Identity{Account: "123456789012", Region: "us-east-1"}
