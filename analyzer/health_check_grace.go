package analyzer

var healthCheckGrace = Rule{
	ID:       "health-check-grace",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "The load balancer health-check grace period may be too short for Fargate start-up",
	Rationale: "A Fargate task starts by attaching its network interface and pulling the whole image (there is no layer cache on the host), so it takes longer to become healthy than " +
		"a task on a warm EC2 host; a short grace period lets the load balancer kill tasks that are still starting. The 60 s threshold is ecs2fargate's own choice, not an AWS limit.",
	Remediation: "Set `healthCheckGracePeriodSeconds` to cover the observed start-up time on Fargate (measure a test task; 60–120 s is a common start). It can be changed with UpdateService without a new deployment.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-pull-behavior.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
	},
	Check: checkHealthCheckGrace,
}

// minGraceSeconds is our own threshold for a health-check grace period.
const minGraceSeconds = 60

func checkHealthCheckGrace(s *Subject) []Finding {
	svc := s.Svc()
	if len(svc.LoadBalancers) == 0 {
		return nil
	}
	g := svc.HealthCheckGracePeriodSeconds
	if g == nil {
		return s.one(Flag(at("healthCheckGracePeriodSeconds"), nil,
			"no health-check grace period is set behind a load balancer; Fargate tasks start slower (ENI attach, full image pull): consider at least %d s", minGraceSeconds))
	}
	if *g < minGraceSeconds {
		return s.one(Flag(at("healthCheckGracePeriodSeconds"), *g,
			"a %d s grace period may fail Fargate tasks that are still starting (ENI attach, full image pull); consider at least %d s", *g, minGraceSeconds))
	}
	return nil
}
