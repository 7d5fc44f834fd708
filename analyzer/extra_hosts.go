package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var extraHosts = Rule{
	ID:       "extra-hosts",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "`extraHosts` entries are not supported in awsvpc mode",
	Rationale: "`extraHosts` (extra /etc/hosts lines) is not valid for Fargate tasks and not supported with awsvpc, so those names " +
		"would no longer resolve.",
	Remediation: "The rewrite removes `extraHosts` (lossy). Recreate each host-to-IP pair listed in the findings as a record in a " +
		"Route 53 private hosted zone attached to the VPC, or put the address into the application's configuration.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
	},
	Check: checkExtraHosts,
	Fix:   dropField,
}

func checkExtraHosts(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, h := range c.ExtraHosts {
			name, ip := ptr.Value(h.Hostname), ptr.Value(h.IpAddress)
			out = append(out, Flag(at(path, idx("extraHosts", i)), name+" -> "+ip,
				"extra host %s -> %s is removed (lossy): add it to a Route 53 private hosted zone or the application config", name, ip))
		}
		return out
	})
}
