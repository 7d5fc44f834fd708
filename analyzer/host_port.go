package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var hostPort = Rule{
	ID:       "host-port",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "In awsvpc mode the host port must be absent or equal the container port",
	Rationale: "Fargate tasks have their own network interface, so there is no host port to translate: `hostPort` must be left out " +
		"or equal `containerPort`. A different or dynamic (0) host port used in bridge mode disappears, and traffic reaches the container port directly.",
	Remediation: "The rewrite deletes `hostPort`. Then make the target group health check, the security group rules and any " +
		"service-discovery SRV records use the container port.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
	},
	Check: checkHostPort,
	Fix:   fixHostPort,
}

func checkHostPort(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, pm := range c.PortMappings {
			if pm.HostPort == nil || pm.ContainerPort == nil || *pm.HostPort == *pm.ContainerPort {
				continue
			}
			hp, cp := *pm.HostPort, *pm.ContainerPort
			p := at(path, idx("portMappings", i), "hostPort")
			if hp == 0 {
				out = append(out, Flag(p, hp, "dynamic host port (0) for container port %d is removed; traffic, health checks and security groups must use port %d", cp, cp))
				continue
			}
			out = append(out, Flag(p, hp, "host port %d for container port %d is removed; clients, health checks and security groups must use port %d instead of %d", hp, cp, cp, hp))
		}
		return out
	})
}

// fixHostPort removes the host port; lossy unless it was dynamic (0).
func fixHostPort(x Fixer, _ *Subject, f Finding) { x.Delete(f.Field, f.Value != "0", f.Message) }
