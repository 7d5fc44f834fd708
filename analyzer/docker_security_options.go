package analyzer

import (
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var dockerSecurityOptions = Rule{
	ID:       "docker-security-options",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "`dockerSecurityOptions` (SELinux, AppArmor, no-new-privileges) is not valid on Fargate",
	Rationale: "Fargate rejects `dockerSecurityOptions`: SELinux labels, AppArmor profiles and no-new-privileges set on EC2 hosts cannot be " +
		"applied. gMSA credential specs in this field are covered by gmsa-linux and gmsa-windows.",
	Remediation: "The rewrite removes the entries (lossy: the extra confinement is gone). Compensate with a non-root `user`, " +
		"`readonlyRootFilesystem`, dropped capabilities and images without setuid binaries.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Check: checkDockerSecurityOptions,
	Fix:   dropField,
}

func checkDockerSecurityOptions(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, opt := range c.DockerSecurityOptions {
			if isCredSpec(opt) {
				continue // gmsa-linux / gmsa-windows
			}
			p := at(path, idx("dockerSecurityOptions", i))
			lower := strings.ToLower(strings.TrimSpace(opt))
			switch {
			case lower == "no-new-privileges" || strings.HasPrefix(lower, "no-new-privileges"):
				out = append(out, Flag(p, opt, "no-new-privileges cannot be set on Fargate and is removed (lossy: setuid binaries can raise privileges again)"))
			case strings.HasPrefix(lower, "apparmor:"):
				out = append(out, Flag(p, opt, "AppArmor profile %s cannot be applied on Fargate and is removed (lossy)", opt[len("apparmor:"):]))
			case strings.HasPrefix(lower, "label:"):
				out = append(out, Flag(p, opt, "SELinux label option %s cannot be applied on Fargate and is removed (lossy)", opt[len("label:"):]))
			default:
				out = append(out, Flag(p, opt, "security option %s is not valid on Fargate and is removed (lossy)", opt))
			}
		}
		return out
	})
}
