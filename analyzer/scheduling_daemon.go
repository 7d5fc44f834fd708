package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleSchedulingDaemon is the ID of the rule below, for code that refers to it.
const RuleSchedulingDaemon = "scheduling-daemon"

var schedulingDaemon = Rule{
	ID:       RuleSchedulingDaemon,
	Scope:    ScopeService,
	Severity: Blocker,
	Title:    "DAEMON services cannot run on Fargate",
	Rationale: "Fargate has no hosts to place one task per host on; it only runs REPLICA services, and the scheduling " +
		"strategy of an existing service cannot be changed.",
	Remediation: "Turn the per-host agent into a sidecar of each task that needs it (logging, metrics, tracing), " +
		"or keep it on EC2 for workloads that stay there. A true one-per-node workload has no Fargate equivalent.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
	},
	Fallback: "stay on EC2 (or run the agent as a sidecar in each task)",
	Check:    checkSchedulingDaemon,
}

func checkSchedulingDaemon(s *Subject) []Finding {
	if st := s.Svc().SchedulingStrategy; st == ecstypes.SchedulingStrategyDaemon {
		r := DaemonReplacementOf(s.Def())
		return s.one(Flag(at("schedulingStrategy"), st, "the service uses the DAEMON scheduling strategy, which Fargate does not support; on Fargate its work becomes %s (%s)", r, r.Why))
	}
	return nil
}
