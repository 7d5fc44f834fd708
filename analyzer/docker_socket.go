package analyzer

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// RuleDockerSocket is the ID of the rule below, for code that refers to it.
const RuleDockerSocket = "docker-socket"

var dockerSocket = Rule{
	ID:       RuleDockerSocket,
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "The task uses the Docker daemon, which Fargate does not expose",
	Rationale: "Fargate gives no access to a Docker daemon: the Docker socket cannot be mounted and Docker-in-Docker needs " +
		"privileged mode, which Fargate refuses. Image builds, container-spawning CI agents and host-level monitoring agents rely on it.",
	Remediation: "Build images with CodeBuild or a daemonless builder (Kaniko, BuildKit rootless, Buildah), take container " +
		"metadata from the task metadata endpoint, or keep this workload on EC2.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances (or use CodeBuild / a daemonless builder)",
	Check:    checkDockerSocket,
}

func checkDockerSocket(s *Subject) []Finding {
	out := s.findings()
	for i, v := range s.Def().Volumes {
		if v.Host != nil && isDockerSocket(ptr.Value(v.Host.SourcePath)) {
			out = append(out, Flag(at(idx("volumes", i), "host", "sourcePath"), *v.Host.SourcePath,
				"volume %s mounts the Docker socket %s, which does not exist on Fargate", ptr.Value(v.Name), *v.Host.SourcePath))
		}
	}
	return append(out, s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if ref := ptr.Value(c.Image); fleet.IsDockerInDocker(ref) {
			return s.one(Flag(at(path, "image"), ref, "image %s runs Docker-in-Docker, which needs privileged mode that Fargate does not allow", ref))
		}
		return nil
	})...)
}
