package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var hostname = Rule{
	ID:       "hostname",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "A container `hostname` cannot be set in awsvpc mode",
	Rationale: "`hostname` is not supported with the awsvpc network mode that Fargate requires; the container gets the host name " +
		"of the task's network interface instead.",
	Remediation: "The rewrite removes `hostname` (lossy). If the application or its peers rely on that name (cluster membership, " +
		"licence checks, log tags), pass it as an environment variable or use Service Connect or Cloud Map names instead.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
	},
	Check: checkHostname,
	Fix:   dropField,
}

func checkHostname(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.Hostname == nil {
			return nil
		}
		h := *c.Hostname
		return s.one(Flag(at(path, "hostname"), h,
			"hostname %s cannot be set in awsvpc mode and is removed (lossy if the application relies on it)", h))
	})
}
