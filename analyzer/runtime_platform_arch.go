package analyzer

import (
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var runtimePlatformArch = Rule{
	ID:       "runtime-platform-arch",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "The task ran on arm64 hosts but does not declare ARM64",
	Rationale: "Fargate runs a task on X86_64 unless `runtimePlatform.cpuArchitecture` says ARM64. A task that ran only on " +
		"Graviton instances may have an arm64-only image, which then fails to start on Fargate.",
	Remediation: "Set `runtimePlatform.cpuArchitecture` to ARM64 for arm64-only images (the rewrite does when every host was " +
		"arm64); keep the X86_64 default for amd64 or multi-architecture images.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Check: checkRuntimePlatformArch,
	Fix:   fixRuntimePlatformArch,
}

func checkRuntimePlatformArch(s *Subject) []Finding {
	d := s.Def()
	p := s.Platform()
	if d.RuntimePlatform != nil && d.RuntimePlatform.CpuArchitecture != "" || p.IsWindows() {
		return nil // declared; Windows architecture is windows-arm's
	}
	switch p.Arch {
	case "":
		return s.one(Unchecked("the CPU architecture the task ran on: " + needHosts(hostsOf(s))))
	case fleet.ArchX86:
		return nil
	}
	return s.one(Flag(at("runtimePlatform", "cpuArchitecture"), nil,
		"the task ran only on arm64 instances (cluster %s) and declares no cpuArchitecture, so Fargate would run it on X86_64; set ARM64",
		strings.Join(hostsOf(s).Clusters, ", ")))
}

// declaredArch is the task's declared CPU architecture, X86_64 by default.
func declaredArch(d *ecstypes.TaskDefinition) ecstypes.CPUArchitecture {
	if d.RuntimePlatform == nil || d.RuntimePlatform.CpuArchitecture == "" {
		return ecstypes.CPUArchitectureX8664
	}
	return d.RuntimePlatform.CpuArchitecture
}

// fixRuntimePlatformArch declares ARM64, which the hosts ran on.
func fixRuntimePlatformArch(x Fixer, _ *Subject, f Finding) {
	x.Set(at("runtimePlatform", "cpuArchitecture"), "ARM64", false, f.Message)
}
