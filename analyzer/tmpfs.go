package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var tmpfs = Rule{
	ID:       "tmpfs",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "tmpfs mounts work on Fargate since January 2026 but use task memory",
	Rationale: "Fargate gained tmpfs support in January 2026 (the API reference dropped its \"not supported on Fargate\" sentence in " +
		"April 2026; the Fargate differences page and older validators still reject it). A tmpfs is RAM-backed, so on Fargate it " +
		"counts against the fixed task memory rather than spare instance memory.",
	Remediation: "Keep the mounts and size task memory to cover the application plus every tmpfs at its full size. " +
		"If a validator in your pipeline still rejects tmpfs for Fargate, update it.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tmpfs.html",
		"https://github.com/aws/containers-roadmap/issues/736",
	},
	Check: checkTmpfs,
}

func checkTmpfs(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil {
			return nil
		}
		out := s.findings()
		for i, m := range lp.Tmpfs {
			where := ptr.Value(m.ContainerPath)
			out = append(out, Flag(at(path, "linuxParameters", idx("tmpfs", i)), where,
				"tmpfs at %s (%d MiB) is kept; on Fargate it is taken from task memory, so budget %d MiB for it", where, m.Size, m.Size))
		}
		return out
	})
}
