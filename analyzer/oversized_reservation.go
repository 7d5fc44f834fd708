package analyzer

var oversizedReservation = Rule{
	ID:       "oversized-reservation",
	Scope:    ScopeService,
	Severity: Info,
	Title:    "The tasks use far less than they reserve: a smaller Fargate size would do",
	Rationale: "Fargate bills each task's size per second, used or not, and EC2 reservations are often padding on a shared host. When CloudWatch shows the service's tasks using " +
		"under half of the CPU or memory they reserve (p99 CPU, maximum memory, per task), the size measured from use (p99 CPU + 30 %, maximum memory + 20 %) is a smaller, " +
		"cheaper Fargate size than the one derived from the reservation. Info: a saving to consider, not a problem; the size is not given when the data are too few, and not " +
		"made smaller where memory is near its limit, CPU at its limit, or a runtime sizes its heap from the limit.",
	Remediation: "Review the measured use and size the task from it: `ecs2fargate rewrite --size-from usage` (the change list gives the figures), " +
		"and `ecs2fargate cost` prices both sizes.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-size-best-practice.html",
	},
	NeedsTaskDefinition: true,
	Check:               checkOversizedReservation,
}

// farBelowPct is our own threshold: use under half the reservation.
const farBelowPct = 50

func checkOversizedReservation(s *Subject) []Finding {
	m, ok := measure(s)
	if !ok || !m.rec.ReservationOK {
		return nil
	}
	cpu, cpuOK := share(m.cpuP99, m.reserved.cpu)
	mem, memOK := share(m.memMax, m.reserved.mem)
	farBelow := cpuOK && cpu < farBelowPct || memOK && mem < farBelowPct
	smaller := m.rec.Size.CPU <= m.rec.Reservation.CPU && m.rec.Size.Memory <= m.rec.Reservation.Memory && m.rec.Size != m.rec.Reservation
	if !farBelow || !smaller {
		return nil
	}
	return s.one(Flag(at("taskDefinition"), s.Svc().TaskDefinition,
		"%s: the usage size %s is smaller than the reservation size %s", m.figures(), sizeText(m.rec.Size), sizeText(m.rec.Reservation)))
}
