package analyzer

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var dependsOn = Rule{
	ID:       "depends-on",
	Scope:    ScopeTask,
	Severity: Warning,
	Also:     []Severity{Info},
	Title:    "Container dependencies carry over to Fargate",
	Rationale: "dependsOn works on Fargate from platform version 1.3.0 (Linux) and 1.0.0 (Windows), so it needs no change. " +
		"On either launch type a COMPLETE or SUCCESS condition must not point at an essential container.",
	Remediation: "Keep dependsOn. If a COMPLETE or SUCCESS condition targets an essential container, mark that container " +
		"essential: false (it is expected to exit) or use START/HEALTHY instead.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html",
	},
	Check: checkDependsOn,
}

func checkDependsOn(s *Subject) []Finding {
	if s.Def() == nil {
		return nil
	}
	byName := map[string]*ecstypes.ContainerDefinition{}
	for i := range s.Def().ContainerDefinitions {
		c := &s.Def().ContainerDefinitions[i]
		byName[ptr.Value(c.Name)] = c
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if len(c.DependsOn) == 0 {
			return nil
		}
		out := s.findings()
		for i, d := range c.DependsOn {
			target := ptr.Value(d.ContainerName)
			cond := d.Condition
			if (cond == ecstypes.ContainerConditionComplete || cond == ecstypes.ContainerConditionSuccess) &&
				byName[target] != nil && essential(byName[target]) {
				out = append(out, Flag(at(path, idx("dependsOn", i), "condition"), cond,
					"dependsOn waits for essential container %s to reach %s, which is invalid on any launch type; make %s non-essential or use START/HEALTHY",
					target, cond, target))
			}
		}
		if len(out) == 0 {
			var waits []string
			for _, d := range c.DependsOn {
				waits = append(waits, fmt.Sprintf("%s (%s)", ptr.Value(d.ContainerName), d.Condition))
			}
			out = append(out, Flag(at(path, "dependsOn"), waits,
				"container %s waits for %s; dependsOn is supported on Fargate from platform version 1.3.0, no change needed",
				ptr.Value(c.Name), strings.Join(waits, ", ")).As(Info))
		}
		return out
	})
}
