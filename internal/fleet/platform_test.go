package fleet

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// platformFleet is one EC2 task definition without runtimePlatform, run by
// one service on cluster "c" whose hosts are given.
func platformFleet(td ecstypes.TaskDefinition, hosts ...*ContainerInstance) (*Fleet, *TaskDefinition) {
	t := &TaskDefinition{Def: td}
	svc := &Service{Svc: ecstypes.Service{ServiceName: aws.String("svc")}, Cluster: "c", TaskDef: t}
	for _, h := range hosts {
		h.Cluster = "c"
	}
	cl := &Cluster{Name: "c", Services: []*Service{svc}, ContainerInstances: hosts}
	return &Fleet{TaskDefinitions: []*TaskDefinition{t}, Services: []*Service{svc}, Clusters: []*Cluster{cl}}, t
}

func ec2TD(image string, c ecstypes.ContainerDefinition) ecstypes.TaskDefinition {
	c.Name, c.Image = aws.String("app"), aws.String(image)
	return ecstypes.TaskDefinition{Family: aws.String("app"), RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityEc2},
		ContainerDefinitions: []ecstypes.ContainerDefinition{c}}
}

func attrHost(attrs map[string]string) *ContainerInstance {
	ci := &ContainerInstance{}
	for k, v := range attrs {
		ci.CI.Attributes = append(ci.CI.Attributes, ecstypes.Attribute{Name: aws.String(k), Value: aws.String(v)})
	}
	return ci
}

func TestPlatformWindowsEvidence(t *testing.T) {
	private := "registry.acme.internal/app:1"
	cases := []struct {
		name       string
		td         ecstypes.TaskDefinition
		hosts      []*ContainerInstance
		wantFamily string
		evidence   string
	}{
		{"ecs.os-type attribute", ec2TD(private, ecstypes.ContainerDefinition{}),
			[]*ContainerInstance{attrHost(map[string]string{"ecs.os-type": "windows", "ecs.os-family": "WINDOWS_SERVER_2019_FULL"})},
			"WINDOWS_SERVER_2019_FULL", "ecs.os-type windows"},
		{"EC2 Platform", ec2TD("mcr.microsoft.com/windows/servercore:ltsc2019", ecstypes.ContainerDefinition{}),
			[]*ContainerInstance{{Instance: &Instance{EC2: ec2types.Instance{Platform: ec2types.PlatformValuesWindows}}}},
			"WINDOWS_SERVER_2019_CORE", "Platform windows"},
		{"EC2 PlatformDetails", ec2TD(private, ecstypes.ContainerDefinition{}),
			[]*ContainerInstance{{Instance: &Instance{EC2: ec2types.Instance{PlatformDetails: aws.String("Windows")}}}},
			"", "PlatformDetails Windows"},
		{"image", ec2TD("mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", ecstypes.ContainerDefinition{}), nil,
			"WINDOWS_SERVER_2022_CORE", "is a Windows image"},
		{".NET Framework image", ec2TD("mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019", ecstypes.ContainerDefinition{}), nil,
			"WINDOWS_SERVER_2019_CORE", "is a Windows image"},
		{"powershell command", ec2TD(private, ecstypes.ContainerDefinition{EntryPoint: []string{"powershell", "-Command"}}), nil,
			"", "entryPoint is a Windows command"},
		{"drive path", ec2TD(private, ecstypes.ContainerDefinition{Command: []string{`C:\app\run.exe`, "--port", "80"}}), nil,
			"", "command is a Windows command"},
		{"cmd.exe", ec2TD(private, ecstypes.ContainerDefinition{Command: []string{"cmd.exe", "/c", "start.bat"}}), nil,
			"", "command is a Windows command"},
		{"named pipe mount", ec2TD(private, ecstypes.ContainerDefinition{MountPoints: []ecstypes.MountPoint{{ContainerPath: aws.String(`\\.\pipe\docker_engine`)}}}), nil,
			"", "mountPoints.containerPath is a Windows command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, td := platformFleet(c.td, c.hosts...)
			p := f.Platform(td)
			if !p.IsWindows() || !f.IsWindows(td) {
				t.Fatalf("OS = %q, want windows (evidence %v)", p.OS, p.Evidence)
			}
			if td.DeclaresWindows() {
				t.Error("DeclaresWindows() = true for a task definition without runtimePlatform")
			}
			if p.Family != c.wantFamily {
				t.Errorf("Family = %q, want %q", p.Family, c.wantFamily)
			}
			if p.Arch != ArchX86 {
				t.Errorf("Arch = %q, want x86_64 (Windows on Fargate is X86_64 only)", p.Arch)
			}
			if !strings.Contains(strings.Join(p.Evidence, "; "), c.evidence) {
				t.Errorf("Evidence %q does not name %q", p.Evidence, c.evidence)
			}
		})
	}
}

func TestPlatformUnknownWithoutEvidence(t *testing.T) {
	td := ec2TD("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", ecstypes.ContainerDefinition{})
	td.NetworkMode = ecstypes.NetworkModeAwsvpc
	f, t0 := platformFleet(td)
	p := f.Platform(t0)
	if p.OS != OSUnknown || p.Arch != "" || len(p.Evidence) != 0 {
		t.Errorf("Platform = %+v, want OS and Arch unknown with no evidence", p)
	}
}

func TestPlatformLinuxEvidence(t *testing.T) {
	img := "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
	bridge := ec2TD(img, ecstypes.ContainerDefinition{})
	bridge.NetworkMode = ecstypes.NetworkModeBridge
	fargateOnly := ec2TD(img, ecstypes.ContainerDefinition{})
	fargateOnly.RequiresCompatibilities = []ecstypes.Compatibility{ecstypes.CompatibilityFargate}
	declared := ec2TD(img, ecstypes.ContainerDefinition{})
	declared.RuntimePlatform = &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyLinux}
	for name, td := range map[string]ecstypes.TaskDefinition{
		"bridge":       bridge,
		"fargate only": fargateOnly,
		"declared":     declared,
		"posix":        ec2TD(img, ecstypes.ContainerDefinition{Command: []string{"/usr/bin/app", "serve"}}),
		"sh":           ec2TD(img, ecstypes.ContainerDefinition{EntryPoint: []string{"sh", "-c"}}),
	} {
		f, t0 := platformFleet(td)
		if p := f.Platform(t0); p.OS != OSLinux || len(p.Evidence) == 0 {
			t.Errorf("%s: Platform = %+v, want linux with evidence", name, p)
		}
	}
	// Linux hosts outrank a Windows-looking command.
	f, t0 := platformFleet(ec2TD(img, ecstypes.ContainerDefinition{Command: []string{`C:\x`}}), attrHost(map[string]string{"ecs.os-type": "linux"}))
	if p := f.Platform(t0); p.OS != OSLinux || len(p.Conflicts) == 0 {
		t.Errorf("Linux hosts: Platform = %+v, want linux with the command as a conflict", p)
	}
}

func TestPlatformArch(t *testing.T) {
	img := "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
	f, td := platformFleet(ec2TD(img, ecstypes.ContainerDefinition{}), attrHost(map[string]string{"ecs.os-type": "linux", "ecs.cpu-architecture": "arm64"}))
	if p := f.Platform(td); !p.IsARM() {
		t.Errorf("arm64 hosts: Arch = %q, want arm64", p.Arch)
	}
	// The same hosts with a multi-arch image: Fargate's X86_64 default runs it.
	f, td = platformFleet(ec2TD(img, ecstypes.ContainerDefinition{}), attrHost(map[string]string{"ecs.os-type": "linux", "ecs.cpu-architecture": "arm64"}))
	f.Images = []*Image{multiArchImage("application/vnd.oci.image.index.v1+json")}
	if p := f.Platform(td); p.Arch != ArchX86 {
		t.Errorf("arm64 hosts, multi-arch image: Arch = %q, want x86_64", p.Arch)
	}
	declared := ec2TD(img, ecstypes.ContainerDefinition{})
	declared.RuntimePlatform = &ecstypes.RuntimePlatform{CpuArchitecture: ecstypes.CPUArchitectureArm64}
	f, td = platformFleet(declared)
	if p := f.Platform(td); !p.IsARM() {
		t.Errorf("declared ARM64: Arch = %q", p.Arch)
	}
}

// A declared Windows family that differs from the hosts' is outranked:
// the image was built for the Windows the hosts ran.
func TestPlatformHostFamilyOutranksDeclared(t *testing.T) {
	td := ec2TD("registry.acme.internal/app:1", ecstypes.ContainerDefinition{})
	td.RuntimePlatform = &ecstypes.RuntimePlatform{OperatingSystemFamily: ecstypes.OSFamilyWindowsServer2022Core}
	f, t0 := platformFleet(td, attrHost(map[string]string{"ecs.os-type": "windows", "ecs.os-family": "WINDOWS_SERVER_2019_FULL"}))
	p := f.Platform(t0)
	if !t0.DeclaresWindows() || p.Family != "WINDOWS_SERVER_2019_FULL" || len(p.Conflicts) == 0 {
		t.Errorf("Platform = %+v, want the hosts' WINDOWS_SERVER_2019_FULL with the declaration as a conflict", p)
	}
}

func TestWindowsCommandMatching(t *testing.T) {
	for s, want := range map[string]bool{
		`C:\inetpub\wwwroot`:                           true,
		`New-Item -Path C:\inetpub\wwwroot\index.html`: true,
		`d:\data`:                true,
		`\\.\pipe\docker_engine`: true,
		"powershell":             true,
		`C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe -Command x`: true,
		"cmd":                            true,
		"cmd /c start.bat":               true,
		"cmd.exe":                        true,
		"pwsh":                           false, // PowerShell 7 runs on Linux too
		"/usr/bin/cmdline-tool":          false,
		"echo http://example.com:8080/x": false,
		"sh -c 'exec app --dsn=postgres://db:5432'": false,
		"ABC:\\x": false, // not a drive letter after a separator
	} {
		if got := isWindowsCommand(s); got != want {
			t.Errorf("isWindowsCommand(%q) = %v, want %v", s, got, want)
		}
	}
	for img, want := range map[string]bool{
		"mcr.microsoft.com/windows/servercore/iis":      true,
		"mcr.microsoft.com/windows:ltsc2019":            true,
		"mcr.microsoft.com/dotnet/framework/aspnet:4.8": true,
		"microsoft/iis": true,
		"acme/app:1.0-windowsservercore-ltsc2022":                             true,
		"mcr.microsoft.com/dotnet/aspnet:8.0":                                 false,
		"mcr.microsoft.com/powershell:lts-ubuntu-22.04":                       false,
		"123456789012.dkr.ecr.us-east-1.amazonaws.com/windows-exporter-ish:1": false,
	} {
		if got := isWindowsImage(img); got != want {
			t.Errorf("isWindowsImage(%q) = %v, want %v", img, got, want)
		}
	}
}
