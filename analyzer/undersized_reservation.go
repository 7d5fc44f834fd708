package analyzer

var undersizedReservation = Rule{
	ID:       "undersized-reservation",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "The tasks use as much as they reserve or more: the reservation size would starve them on Fargate",
	Rationale: "On EC2 a task whose containers set only cpu shares or soft memory limits may use idle host CPU and memory beyond its reservation; on Fargate a task gets " +
		"exactly its size. When CloudWatch shows the p99 CPU at or above the CPU reserved, or the maximum memory within 10 % of the memory reserved, the size derived " +
		"from the reservation would throttle the task or stop it for memory. Warning: the move would work, but slower or with restarts.",
	Remediation: "Size the task from measured use (`ecs2fargate rewrite --size-from usage`, which adds 30 % to p99 CPU and 20 % to maximum memory), or raise the task-level " +
		"cpu and memory; `ecs2fargate cost` prices both sizes.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html",
		"https://aws.amazon.com/blogs/containers/how-amazon-ecs-manages-cpu-and-memory-resources/",
	},
	NeedsTaskDefinition: true,
	Check:               checkUndersizedReservation,
}

// Our own thresholds: p99 CPU at the reservation; memory within 10 % of it.
const (
	atReservationCPUPct    = 100
	atReservationMemoryPct = 90
)

func checkUndersizedReservation(s *Subject) []Finding {
	m, ok := measure(s)
	if !ok {
		return nil
	}
	cpu, cpuOK := share(m.cpuP99, m.reserved.cpu)
	mem, memOK := share(m.memMax, m.reserved.mem)
	if !(cpuOK && cpu >= atReservationCPUPct || memOK && mem >= atReservationMemoryPct) {
		return nil
	}
	reservation := "no Fargate size holds the reservation"
	if m.rec.ReservationOK {
		reservation = sizeText(m.rec.Reservation)
	}
	return s.one(Flag(at("taskDefinition"), s.Svc().TaskDefinition,
		"%s: on Fargate a task gets only its size; the usage size is %s, the reservation size %s",
		m.figures(), sizeText(m.rec.Size), reservation))
}
