package pricing

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// spotRisks flags services for which a Spot interruption (two minutes'
// warning) hurts: a single task takes the service down until a replacement
// starts; state on a volume is lost or must be reattached; a daemon is not
// a service on Fargate at all (it becomes a sidecar or a managed feature:
// daemon.go). A service with any of these risks is not Spot-suitable: the
// Spot column keeps it on-demand.
func spotRisks(s *fleet.Service, td *ecstypes.TaskDefinition) []string {
	var risks []string
	if s.Svc.DesiredCount <= 1 {
		risks = append(risks, "single task")
	}
	if v := statefulVolume(td); v != "" {
		risks = append(risks, "stateful: "+v)
	}
	if s.IsDaemon() {
		risks = append(risks, "daemon")
	}
	return risks
}

// statefulVolume names the first volume that holds state, or "".
func statefulVolume(td *ecstypes.TaskDefinition) string {
	for _, v := range td.Volumes {
		name := ptr.Value(v.Name)
		switch {
		case v.EfsVolumeConfiguration != nil:
			return "EFS volume " + name
		case v.FsxWindowsFileServerVolumeConfiguration != nil:
			return "FSx volume " + name
		case v.DockerVolumeConfiguration != nil:
			return "Docker volume " + name
		case v.Host != nil && ptr.Value(v.Host.SourcePath) != "":
			return "host path volume " + name
		}
	}
	return ""
}

// armCondition says when the ARM column holds: the task already runs on
// ARM64, or its images are multi-arch indexes, or (most often) we cannot
// tell from the inputs.
func armCondition(f *fleet.Fleet, td *fleet.TaskDefinition, p Platform) string {
	switch p {
	case Windows:
		return "not available: Windows runs on x86 only"
	case LinuxARM:
		return "task already runs on ARM64"
	}
	indexes, known := 0, 0
	for _, c := range td.Def.ContainerDefinitions {
		switch f.ImageMultiArch(ptr.Value(c.Image)) {
		case fleet.MultiArchIndex:
			known++
			indexes++
		case fleet.SingleArch:
			known++
		}
	}
	n := len(td.Def.ContainerDefinitions)
	switch {
	case n > 0 && indexes == n:
		return "images are multi-platform indexes (arm64 not confirmed per image)"
	case known == n && n > 0:
		return "images are single-platform manifests: ARM needs arm64 builds"
	}
	return "if images are multi-arch"
}
