package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var ebsConfiguredAtLaunch = Rule{
	ID:       "ebs-configured-at-launch",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "A volume is configured at launch (Amazon EBS)",
	Rationale: "EBS volumes configured at launch work on Fargate Linux (platform version 1.4.0, since January 2024), but a " +
		"revision may have only one, it must be mounted by a container, and the service must supply it with an infrastructure role. Magnetic (`standard`) volumes are not supported on Fargate.",
	Remediation: "Keep the volume; make sure the Fargate service's `volumeConfigurations` names the volume, an ECS infrastructure " +
		"role (`roleArn`), and a volume type other than `standard` (e.g. gp3).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html",
	},
	Check: checkEBSConfiguredAtLaunch,
}

func checkEBSConfiguredAtLaunch(s *Subject) []Finding {
	out := s.findings()
	n := 0
	for i, v := range s.Def().Volumes {
		if !ptr.Value(v.ConfiguredAtLaunch) {
			continue
		}
		n++
		name := ptr.Value(v.Name)
		path := at(idx("volumes", i), "configuredAtLaunch")
		switch {
		case n > 1:
			out = append(out, Flag(path, true, "volume %s is a second volume configured at launch; a revision may have only one", name))
		case !mounted(s.Def(), name):
			out = append(out, Flag(path, true, "volume %s is configured at launch but no container mounts it, which ECS requires", name))
		default:
			out = append(out, Flag(path, true, "volume %s is configured at launch: the Fargate service must supply it with an infrastructure role and a non-magnetic volume type (e.g. gp3)", name))
		}
	}
	return out
}

// mounted reports whether any container mounts the named volume.
func mounted(d *ecstypes.TaskDefinition, volume string) bool {
	for _, c := range d.ContainerDefinitions {
		for _, mp := range c.MountPoints {
			if ptr.Value(mp.SourceVolume) == volume {
				return true
			}
		}
	}
	return false
}
