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
}

func checkRuntimePlatformArch(s *Subject) []Finding {
	d := s.Def()
	if d.RuntimePlatform != nil && d.RuntimePlatform.CpuArchitecture != "" || s.Windows() {
		return nil // declared; Windows architecture is windows-arm's
	}
	ev := hostsOf(s)
	switch {
	case allMultiArch(s):
		return nil
	case len(ev.Archs) == 0:
		if fargateOnly(d) {
			return nil // written for Fargate already: it ran on the X86_64 default
		}
		return []Finding{Unchecked("the CPU architecture the task ran on: " + needHosts(ev))}
	case fleet.Sole(ev.Archs) != "arm64":
		return nil
	}
	return []Finding{Flag("runtimePlatform.cpuArchitecture", nil,
		"the task ran only on arm64 instances (cluster %s) and declares no cpuArchitecture, so Fargate would run it on X86_64; set ARM64",
		strings.Join(ev.Clusters, ", "))}
}

// allMultiArch reports whether every image of the task is known, from ECR,
// to be an image index (a multi-architecture image).
func allMultiArch(s *Subject) bool {
	cs := s.Def().ContainerDefinitions
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		img := s.Fleet.Image(deref(c.Image))
		if img == nil || !isImageIndex(deref(img.Detail.ImageManifestMediaType)) {
			return false
		}
	}
	return true
}

func isImageIndex(mediaType string) bool {
	return mediaType == "application/vnd.oci.image.index.v1+json" ||
		mediaType == "application/vnd.docker.distribution.manifest.list.v2+json"
}

// declaredArch is the task's declared CPU architecture, X86_64 by default.
func declaredArch(d *ecstypes.TaskDefinition) ecstypes.CPUArchitecture {
	if d.RuntimePlatform == nil || d.RuntimePlatform.CpuArchitecture == "" {
		return ecstypes.CPUArchitectureX8664
	}
	return d.RuntimePlatform.CpuArchitecture
}
