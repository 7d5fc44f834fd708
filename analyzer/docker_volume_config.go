package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var dockerVolumeConfig = Rule{
	ID:       "docker-volume-config",
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable},
	Title:    "Docker volumes are only supported on the EC2 launch type",
	Rationale: "Fargate has no Docker volume drivers: `dockerVolumeConfiguration` is rejected. A task-scoped volume on the local " +
		"driver behaves like a plain bind mount; shared, autoprovisioned or plugin-driven volumes keep data across tasks, which a bind mount cannot.",
	Remediation: "A task-scoped local volume without driver options becomes a plain bind-mount volume (the rewrite does). For " +
		"shared or plugin volumes, move the data to EFS (`efsVolumeConfiguration`) or an EBS volume configured at launch.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DockerVolumeConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Fallback: "move the volume to EFS or EBS by hand, or stay on EC2",
	Check:    checkDockerVolumeConfig,
	Fix:      removeField,
}

func checkDockerVolumeConfig(s *Subject) []Finding {
	out := s.findings()
	for i, v := range s.Def().Volumes {
		dv := v.DockerVolumeConfiguration
		if dv == nil {
			continue
		}
		path := at(idx("volumes", i), "dockerVolumeConfiguration")
		if why := dockerVolumeBlock(dv); why != "" {
			out = append(out, Flag(path, v.Name, "Docker volume %s cannot become a plain bind mount (%s); move its data to EFS or EBS", ptr.Value(v.Name), why))
			continue
		}
		out = append(out, Flag(path, v.Name, "Docker volume %s (task scope, local driver) becomes a plain bind-mount volume", ptr.Value(v.Name)).As(Fixable))
	}
	return out
}

// dockerVolumeBlock says why a Docker volume cannot become a bind mount,
// or "" when it can.
func dockerVolumeBlock(dv *ecstypes.DockerVolumeConfiguration) string {
	var why []string
	if dv.Scope == ecstypes.ScopeShared {
		why = append(why, "shared scope")
	}
	if ptr.Value(dv.Autoprovision) {
		why = append(why, "autoprovisioned")
	}
	if d := ptr.Value(dv.Driver); d != "" && d != "local" {
		why = append(why, "driver "+d)
	}
	if len(dv.DriverOpts) > 0 {
		why = append(why, "driver options")
	}
	return strings.Join(why, ", ")
}
