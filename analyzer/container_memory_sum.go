package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleContainerMemorySum is the ID of the rule below, for code that refers to it.
const RuleContainerMemorySum = "container-memory-sum"

var containerMemorySum = Rule{
	ID:       RuleContainerMemorySum,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Container memory exceeds the task's memory",
	Rationale: "A container's hard limit cannot exceed the task memory, and the memory the containers reserve together must " +
		"fit inside it; on Fargate the task memory is a hard ceiling with no instance memory to borrow.",
	Remediation: "Pick task memory at least max(sum of reservations, largest hard limit) (the rewrite does), or lower the container limits.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-size-best-practice.html",
	},
	Check: checkContainerMemorySum,
	Fix:   fixTaskSize,
}

func checkContainerMemorySum(s *Subject) []Finding {
	mem, ok := taskMemory(s.Def())
	if !ok {
		return nil
	}
	out := s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		if c.Memory != nil && int(*c.Memory) > mem {
			return s.one(Flag(at(path, "memory"), *c.Memory, "container hard limit %d MiB exceeds the task memory of %d MiB; %s",
				*c.Memory, mem, choiceText(s)))
		}
		return nil
	})
	reserved := 0
	for _, c := range s.Def().ContainerDefinitions {
		switch {
		case c.MemoryReservation != nil:
			reserved += int(*c.MemoryReservation)
		case c.Memory != nil:
			reserved += int(*c.Memory)
		}
	}
	if reserved > mem && len(out) == 0 { // an oversized hard limit already explains it
		out = append(out, Flag(at("memory"), s.Def().Memory, "the containers reserve %d MiB in total, more than the task memory of %d MiB; %s",
			reserved, mem, choiceText(s)))
	}
	return out
}
