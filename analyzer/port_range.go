package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var portRange = Rule{
	ID:       "port-range",
	Scope:    ScopeTask,
	Severity: Info,
	Title:    "Container port ranges work on Fargate unchanged",
	Rationale: "`containerPortRange` is supported on both EC2 and Fargate; in awsvpc the task's interface exposes the same range. " +
		"A container may have at most 100 port ranges.",
	Remediation: "Nothing to change; open the range in the task's security group.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
	},
	Check: checkPortRange,
}

func checkPortRange(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, pm := range c.PortMappings {
			if pm.ContainerPortRange == nil {
				continue
			}
			r := *pm.ContainerPortRange
			out = append(out, Flag(at(path, idx("portMappings", i), "containerPortRange"), r,
				"port range %s/%s is kept; allow it in the task's security group", r, portProtocol(pm)))
		}
		return out
	})
}
