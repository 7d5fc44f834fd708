package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var windowsBindMounts = Rule{
	ID:       "windows-bind-mounts",
	Scope:    ScopeTask,
	Severity: Blocker,
	Title:    "Windows tasks on Fargate cannot share bind-mount volumes between containers",
	Rationale: "The Fargate storage documentation says bind mounts on the task's ephemeral storage are not supported for " +
		"Windows containers, so volumes and `volumesFrom` that share files between a Windows task's containers have no Fargate equivalent.",
	Remediation: "Redesign the file exchange (e.g. through S3 or an application protocol), or keep the workload on EC2 Windows.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html",
	},
	Fallback:   "stay on EC2 Windows",
	Unverified: "only the Fargate storage page states that bind mounts are unsupported for Windows containers; the API reference does not confirm it",
	Check:      checkWindowsBindMounts,
}

func checkWindowsBindMounts(s *Subject) []Finding {
	if !s.Windows() {
		return nil
	}
	out := s.findings()
	for i, v := range s.Def().Volumes {
		if isBindMount(v) {
			out = append(out, Flag(at(idx("volumes", i), "name"), v.Name,
				"bind-mount volume %s is not supported for Windows containers on Fargate", ptr.Value(v.Name)))
		}
	}
	return append(out, s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, vf := range c.VolumesFrom {
			src := ptr.Value(vf.SourceContainer)
			out = append(out, Flag(at(path, idx("volumesFrom", i), "sourceContainer"), src,
				"volumesFrom %s shares bind mounts between Windows containers, which Fargate does not support", src))
		}
		return out
	})...)
}
