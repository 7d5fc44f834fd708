package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var capDrop = Rule{
	ID:       "cap-drop",
	Scope:    ScopeTask,
	Severity: Info,
	Title:    "Dropped capabilities carry over to Fargate unchanged",
	Rationale: "`linuxParameters.capabilities.drop` is supported on every Fargate platform version, so a container that drops " +
		"capabilities keeps the same hardening after the move.",
	Remediation: "Nothing to change; keep the list.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html",
	},
	Check: checkCapDrop,
}

func checkCapDrop(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil || lp.Capabilities == nil || len(lp.Capabilities.Drop) == 0 {
			return nil
		}
		drop := lp.Capabilities.Drop
		return s.one(Flag(at(path, "linuxParameters", "capabilities", "drop"), drop,
			"dropping %s works on Fargate as it did on EC2", quoteList(drop)))
	})
}
