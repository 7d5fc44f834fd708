package analyzer

import "strconv"

var fargateQuotas = Rule{
	ID:       "fargate-quotas",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "Large services can hit Fargate account quotas",
	Rationale: "Fargate limits the vCPUs an account runs per Region (On-Demand and Spot separately) and the launch rate (a token bucket of 100 burst, 20 per second; RunTask 20 calls/s with up to 10 tasks each). " +
		"ecs2fargate warns at 64 vCPUs or 100 tasks for one service; both thresholds are our own, not AWS limits.",
	Remediation: "Check the Fargate vCPU quotas in Service Quotas for the Region against the whole fleet you move (at peak and during deployments) and request increases before the cut-over; " +
		"scale large services out in steps.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/throttling.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html",
	},
	Check: checkFargateQuotas,
}

// Our warning thresholds (not AWS limits).
const (
	quotaWarnVCPU  = 64
	quotaWarnTasks = 100
)

func checkFargateQuotas(s *Subject) []Finding {
	svc := s.Svc()
	n := int(svc.DesiredCount)
	vcpu := taskVCPU(s) * float64(n)
	pool := "On-Demand"
	if len(spotItems(svc)) > 0 {
		pool = "On-Demand and Spot"
	}
	switch {
	case s.TaskDef != nil && vcpu >= quotaWarnVCPU:
		return s.one(Flag(at("desiredCount"), n,
			"%d tasks of %s vCPU need %s vCPUs on Fargate; check the %s vCPU quota for the Region", n, fmtVCPU(taskVCPU(s)), fmtVCPU(vcpu), pool))
	case n >= quotaWarnTasks:
		return s.one(Flag(at("desiredCount"), n,
			"%d tasks will launch against Fargate's launch-rate limits and the %s vCPU quota; check both before the cut-over", n, pool))
	}
	return nil
}

func fmtVCPU(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
