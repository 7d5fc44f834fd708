package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var ulimits = Rule{
	ID:       "ulimits",
	Scope:    ScopeTask,
	Severity: Fixable,
	Also:     []Severity{Info},
	Title:    "Without explicit ulimits, Fargate's defaults replace the EC2 host's",
	Rationale: "On EC2, a container without `ulimits` inherits the Docker daemon defaults of its host (which an AMI or user data may have changed). " +
		"On Fargate the OS defaults apply, except nofile, which Fargate sets to 65535 soft and 65535 hard. Explicit Linux ulimits are honoured; " +
		"Windows containers do not support `ulimits`.",
	Remediation: "If the application needs particular limits (open files, processes, locked memory), set them explicitly in `ulimits`. " +
		"On Windows the rewrite removes the field.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Ulimit.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkUlimits,
	Fix:   removeField,
}

func checkUlimits(s *Subject) []Finding {
	windows := s.Windows()
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		p := at(path, "ulimits")
		switch {
		case windows && len(c.Ulimits) > 0:
			names := make([]string, 0, len(c.Ulimits))
			for _, u := range c.Ulimits {
				names = append(names, string(u.Name))
			}
			return s.one(Flag(p, names, "ulimits (%s) are not supported for Windows containers and are removed", quoteList(names)))
		case windows || len(c.Ulimits) > 0:
			return nil
		}
		return s.one(Flag(p, nil, "no ulimits are set, so on Fargate nofile becomes 65535/65535 and other limits the OS defaults instead of the EC2 host's Docker defaults").As(Info))
	})
}
