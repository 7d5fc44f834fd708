package analyzer

import (
	"strconv"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var costModel = Rule{
	ID:       "cost-model",
	Scope:    ScopeService,
	Severity: Info,
	Title:    "Fargate bills each task's configured size per second",
	Rationale: "Fargate charges per second for the task's configured vCPU and memory whether used or not, priced by operating system and architecture (ARM64 is cheaper; Windows adds a per-vCPU " +
		"licence fee and a longer minimum charge), plus ephemeral storage above 20 GiB and public IPv4 addresses. Instance bin-packing savings disappear. " +
		"Info rather than warning: it applies to every service and only points at the cost estimate.",
	Remediation: "Compare the before/after monthly estimate with `ecs2fargate cost`, right-size the task from utilisation history, and consider ARM64 and Fargate Spot where the workload allows.",
	References: []string{
		"https://aws.amazon.com/fargate/pricing/",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-size-best-practice.html",
	},
	NeedsTaskDefinition: true,
	Check:               checkCostModel,
}

func checkCostModel(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) || svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		return nil
	}
	size, ok := s.FargateSize()
	if !ok {
		return nil // too large for Fargate: task-size-too-large
	}
	return s.one(Flag(at("desiredCount"), svc.DesiredCount,
		"%d tasks will be billed per second for %s vCPU and %s GiB each, used or not; see `ecs2fargate cost` for the before/after estimate",
		svc.DesiredCount, fmtVCPU(float64(size.CPU)/1024), strconv.FormatFloat(float64(size.Memory)/1024, 'f', -1, 64)))
}
