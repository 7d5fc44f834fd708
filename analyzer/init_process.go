package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var initProcess = Rule{
	ID:       "init-process",
	Scope:    ScopeTask,
	Severity: Info,
	Title:    "`initProcessEnabled` works on Fargate unchanged",
	Rationale: "Fargate does not restrict `linuxParameters.initProcessEnabled`, so a container that runs an init process to forward " +
		"signals and reap zombies keeps doing so.",
	Remediation: "Nothing to change. It is also what ECS Exec recommends, to avoid orphaned SSM agent processes.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
	},
	Check: checkInitProcess,
}

func checkInitProcess(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		lp := s.linuxParams(c)
		if lp == nil || lp.InitProcessEnabled == nil {
			return nil
		}
		v := *lp.InitProcessEnabled
		return s.one(Flag(at(path, "linuxParameters", "initProcessEnabled"), v, "initProcessEnabled %t is kept as is on Fargate", v))
	})
}
