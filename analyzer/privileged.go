package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RulePrivileged is the ID of the rule below, for code that refers to it.
const RulePrivileged = "privileged"

var privileged = Rule{
	ID:       RulePrivileged,
	Scope:    ScopeTask,
	Severity: Blocker,
	Also:     []Severity{Fixable},
	Title:    "Privileged containers cannot run on Fargate",
	Rationale: "Fargate runs every task on an isolated micro-VM and never grants privileged mode, so work that needs it " +
		"(Docker-in-Docker, device access, iptables, kernel tuning) fails to register. `privileged: false` is harmless but not accepted by every validator.",
	Remediation: "Remove the need for privilege (e.g. build images with Kaniko or CodeBuild instead of Docker-in-Docker), " +
		"or keep the service on EC2 or ECS Managed Instances. An explicit `privileged: false` is simply dropped by the rewrite.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html",
	},
	Fallback: "stay on EC2 or move to ECS Managed Instances",
	Check:    checkPrivileged,
	Fix:      removeField,
}

func checkPrivileged(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		switch {
		case c.Privileged == nil:
			return nil
		case *c.Privileged:
			return s.one(Flag(at(path, "privileged"), true, "container runs privileged, which Fargate does not allow"))
		default:
			return s.one(Flag(at(path, "privileged"), false, "explicit `privileged: false` is dropped by the rewrite").As(Fixable))
		}
	})
}
