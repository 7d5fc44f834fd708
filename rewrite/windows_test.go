package rewrite

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// windowsOpts name what a task definition without ARNs cannot tell.
var windowsOpts = Options{LogRegion: "us-east-1", ExecutionRoleARN: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"}

// windowsFleet is an EC2 task definition without runtimePlatform, run by a
// service on cluster "win" with the given hosts.
func windowsFleet(c ecstypes.ContainerDefinition, hosts ...*fleet.ContainerInstance) (*fleet.Fleet, *fleet.TaskDefinition) {
	c.Name, c.Essential = aws.String("app"), aws.Bool(true)
	c.Cpu, c.Memory = 512, aws.Int32(768)
	td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{Family: aws.String("win-app"),
		RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityEc2},
		ContainerDefinitions:    []ecstypes.ContainerDefinition{c}}}
	raw, _ := json.Marshal(map[string]any{"family": "win-app", "requiresCompatibilities": []string{"EC2"},
		"containerDefinitions": []any{containerJSON(c)}})
	td.Doc.Raw = raw
	svc := &fleet.Service{Svc: ecstypes.Service{ServiceName: aws.String("win-app")}, Cluster: "win", TaskDef: td}
	for _, h := range hosts {
		h.Cluster = "win"
	}
	cl := &fleet.Cluster{Name: "win", Services: []*fleet.Service{svc}, ContainerInstances: hosts}
	return &fleet.Fleet{TaskDefinitions: []*fleet.TaskDefinition{td}, Services: []*fleet.Service{svc}, Clusters: []*fleet.Cluster{cl}}, td
}

func containerJSON(c ecstypes.ContainerDefinition) map[string]any {
	m := map[string]any{"name": *c.Name, "image": *c.Image, "essential": true, "cpu": c.Cpu, "memory": *c.Memory}
	if len(c.EntryPoint) > 0 {
		m["entryPoint"] = c.EntryPoint
	}
	if len(c.Command) > 0 {
		m["command"] = c.Command
	}
	return m
}

// assertWindowsRewrite checks that a rewritten document declares the
// Windows family and X86_64 and has a Windows Fargate size.
func assertWindowsRewrite(t *testing.T, res *Result, wantFamily string) {
	t.Helper()
	if res == nil || res.Document == nil {
		t.Fatalf("no document written: %+v", res)
	}
	var doc struct {
		RuntimePlatform struct{ OperatingSystemFamily, CpuArchitecture string }
		Cpu, Memory     string
	}
	if err := json.Unmarshal(res.Document, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.RuntimePlatform.OperatingSystemFamily != wantFamily || doc.RuntimePlatform.CpuArchitecture != "X86_64" {
		t.Errorf("runtimePlatform = %+v, want %s on X86_64", doc.RuntimePlatform, wantFamily)
	}
	cpu, _ := fargate.ParseCPU(doc.Cpu)
	mem, _ := fargate.ParseMemory(doc.Memory)
	if !fargate.Valid(fargate.Size{CPU: cpu, Memory: mem}, true) {
		t.Errorf("size cpu %s memory %s is not a Windows Fargate size", doc.Cpu, doc.Memory)
	}
}

func host(attrs map[string]string, in *ec2types.Instance) *fleet.ContainerInstance {
	ci := &fleet.ContainerInstance{}
	for k, v := range attrs {
		ci.CI.Attributes = append(ci.CI.Attributes, ecstypes.Attribute{Name: aws.String(k), Value: aws.String(v)})
	}
	if in != nil {
		ci.Instance = &fleet.Instance{EC2: *in}
	}
	return ci
}

// TestWindowsRewriteFromEachEvidence: a Windows task definition without
// runtimePlatform becomes a Windows Fargate task definition whichever
// evidence says Windows: the hosts' attributes, their EC2 platform, the
// image, or (with the family from the hosts) the command and paths.
func TestWindowsRewriteFromEachEvidence(t *testing.T) {
	private := "123456789012.dkr.ecr.us-east-1.amazonaws.com/legacy/app:7"
	cases := []struct {
		name       string
		c          ecstypes.ContainerDefinition
		hosts      []*fleet.ContainerInstance
		wantFamily string
	}{
		{"ecs.os-type attribute", ecstypes.ContainerDefinition{Image: aws.String(private)},
			[]*fleet.ContainerInstance{host(map[string]string{"ecs.os-type": "windows", "ecs.os-family": "WINDOWS_SERVER_2019_FULL"}, nil)},
			"WINDOWS_SERVER_2019_FULL"},
		{"EC2 Platform", ecstypes.ContainerDefinition{Image: aws.String("mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019")},
			[]*fleet.ContainerInstance{host(nil, &ec2types.Instance{Platform: ec2types.PlatformValuesWindows})},
			"WINDOWS_SERVER_2019_CORE"},
		{"image", ecstypes.ContainerDefinition{Image: aws.String("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022")}, nil,
			"WINDOWS_SERVER_2022_CORE"},
		{"command and path", ecstypes.ContainerDefinition{Image: aws.String(private), EntryPoint: []string{"powershell", "-Command"}, Command: []string{`C:\app\start.ps1`}},
			[]*fleet.ContainerInstance{host(map[string]string{"ecs.os-family": "WINDOWS_SERVER_2022_FULL"}, nil)},
			"WINDOWS_SERVER_2022_FULL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, td := windowsFleet(c.c, c.hosts...)
			res, err := TaskDefinition(f, td, windowsOpts)
			if err != nil {
				t.Fatal(err)
			}
			assertWindowsRewrite(t, res, c.wantFamily)
			for _, r := range res.Remaining {
				if r.Severity == "fixable" {
					t.Errorf("fixable finding left after the rewrite: %+v", r)
				}
			}
		})
	}
}

// TestWindowsCommandWithoutFamily: the command says Windows but nothing
// says which Windows Server: the rewrite declares no family and leaves
// platform-unknown, saying what to add.
func TestWindowsCommandWithoutFamily(t *testing.T) {
	f, td := windowsFleet(ecstypes.ContainerDefinition{Image: aws.String("123456789012.dkr.ecr.us-east-1.amazonaws.com/legacy/app:7"), EntryPoint: []string{"powershell", "-Command"}})
	res, err := TaskDefinition(f, td, windowsOpts)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(res.Document), "operatingSystemFamily") {
		t.Errorf("a family was declared without evidence of one:\n%s", res.Document)
	}
	found := false
	for _, r := range res.Remaining {
		found = found || r.RuleID == "platform-unknown" && strings.Contains(r.Message, "describe-container-instances")
	}
	if !found {
		t.Errorf("platform-unknown not left to do: %+v", res.Remaining)
	}
}

// TestWindowsDocsSampleRewritesToWindows: the AWS documentation's EC2
// Windows sample (testdata/rewrite/windows-iis-docs-sample, provenance
// beside it) was rewritten to a 0.5 vCPU / 1 GB Linux task definition;
// it must come out Windows, and re-audit with nothing fixable left.
func TestWindowsDocsSampleRewritesToWindows(t *testing.T) {
	c := loadTDCase(t, filepath.Base("windows-iis-docs-sample"))
	if c.err != nil {
		t.Fatal(c.err)
	}
	if !c.f.IsWindows(c.td) {
		t.Fatalf("the sample is not decided Windows: %+v", c.f.Platform(c.td))
	}
	assertWindowsRewrite(t, c.res, "WINDOWS_SERVER_2022_CORE")
	a := newAuditor(c.f, c.td)
	out, err := a.decode(c.res.Document)
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range a.audit(out) {
		if fd.Severity == analyzer.Fixable || fd.Severity == analyzer.Blocker {
			t.Errorf("re-audit of the rewrite: %s %s: %s", fd.Severity, fd.RuleID, fd.Message)
		}
	}
}
