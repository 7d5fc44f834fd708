package pricing

import (
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// spotNotes flags services for which a Spot interruption (two minutes'
// warning) hurts: a single task takes the service down; state on a volume
// is lost or must be reattached.
func spotNotes(s *fleet.Service, td *ecstypes.TaskDefinition) []string {
	var notes []string
	if s.Svc.DesiredCount <= 1 {
		notes = append(notes, "single task: a Spot interruption stops the service until a replacement starts")
	}
	if v := statefulVolume(td); v != "" {
		notes = append(notes, "stateful ("+v+"): Spot interruptions need the state to survive task replacement")
	}
	if s.Svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		notes = append(notes, "daemon service: on Fargate it becomes a sidecar of each task; priced here as stand-alone tasks")
	}
	return notes
}

// statefulVolume names the first volume that holds state, or "".
func statefulVolume(td *ecstypes.TaskDefinition) string {
	for _, v := range td.Volumes {
		name := deref(v.Name)
		switch {
		case v.EfsVolumeConfiguration != nil:
			return "EFS volume " + name
		case v.FsxWindowsFileServerVolumeConfiguration != nil:
			return "FSx volume " + name
		case v.DockerVolumeConfiguration != nil:
			return "Docker volume " + name
		case v.Host != nil && deref(v.Host.SourcePath) != "":
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
		img := f.Image(deref(c.Image))
		if img == nil {
			continue
		}
		known++
		if isIndex(deref(img.Detail.ImageManifestMediaType)) || isIndex(deref(img.Detail.ArtifactMediaType)) {
			indexes++
		}
	}
	n := len(td.Def.ContainerDefinitions)
	switch {
	case n > 0 && indexes == n:
		return "images are multi-platform indexes (arm64 not confirmed per image)"
	case known == n && n > 0:
		return "images are single-platform manifests: ARM needs arm64 builds"
	}
	return "if the images are multi-arch"
}

func isIndex(mediaType string) bool {
	return strings.Contains(mediaType, "manifest.list") || strings.Contains(mediaType, "image.index")
}
