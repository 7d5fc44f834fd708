package analyzer

var cpuBurstBehaviour = Rule{
	ID:       "cpu-burst-behaviour",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "The task relied on idle instance CPU, which Fargate does not give",
	Rationale: "Without a task-level cpu, an EC2 task's containers only hold cpu shares and may burst into any idle CPU of " +
		"the instance. On Fargate the task is capped at its task size; container cpu inside it is only a relative share.",
	Remediation: "Check the task's real CPU use (CloudWatch / Container Insights) and pick a task size that covers its bursts, " +
		"not just the sum of the shares.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html",
	},
	Check: checkCPUBurstBehaviour,
}

func checkCPUBurstBehaviour(s *Subject) []Finding {
	if s.Def().Cpu != nil {
		return nil
	}
	n := taskNeed(s)
	if n.ContainerCPU == 0 {
		return s.one(Flag(at("cpu"), nil, "neither the task nor its containers set cpu, so on EC2 they could use any idle CPU of the instance; on Fargate %s caps them",
			fitOrNone(s)))
	}
	return s.one(Flag(at("cpu"), nil, "the containers hold only %d cpu shares and could burst into idle instance CPU on EC2; on Fargate %s caps the task",
		n.ContainerCPU, fitOrNone(s)))
}

// fitOrNone names the chosen Fargate size for a message, or says none fits.
func fitOrNone(s *Subject) string {
	if sz, ok := s.FargateSize(); ok {
		return "the task size " + sizeText(sz)
	}
	return "the largest task size"
}
