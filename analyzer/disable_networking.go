package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var disableNetworking = Rule{
	ID:       "disable-networking",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "`disableNetworking` is not valid on Fargate",
	Rationale: "Fargate does not accept `disableNetworking`; every container of an awsvpc task shares the task's network interface. " +
		"A container that ran without a network on EC2 gains one.",
	Remediation: "The rewrite removes the key (lossy when it was true). Restrict what the task can reach with its security group " +
		"(e.g. no egress rules) and, if only this container must stay offline, move it into a task of its own.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkDisableNetworking,
	Fix:   fixDisableNetworking,
}

func checkDisableNetworking(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		switch {
		case c.DisableNetworking == nil:
			return nil
		case *c.DisableNetworking:
			return s.one(Flag(at(path, "disableNetworking"), true,
				"the container ran without networking; on Fargate it shares the task's network interface (lossy: restrict it with security groups)"))
		default:
			return s.one(Flag(at(path, "disableNetworking"), false, "explicit `disableNetworking: false` is dropped by the rewrite"))
		}
	})
}

// fixDisableNetworking removes the member; lossy when it was true (the
// container gains a network interface).
func fixDisableNetworking(x Fixer, _ *Subject, f Finding) {
	x.Delete(f.Field, f.Value == "true", f.Message)
}
