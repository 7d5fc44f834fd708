package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleImmutableServiceFields is the ID of the rule below, for code that refers to it.
const RuleImmutableServiceFields = "immutable-service-fields"

var immutableServiceFields = Rule{
	ID:       RuleImmutableServiceFields,
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "Some service fields cannot change in place",
	Rationale: "`schedulingStrategy`, `role`, `launchType` and `serviceName` are not UpdateService parameters: changing them means creating a new service. " +
		"The launch type itself can be sidestepped with a capacity provider strategy (in-place-switch), but a DAEMON strategy or a legacy load-balancer role stays with the service.",
	Remediation: "Create a new service with the Fargate settings beside the old one and cut traffic over (DNS or load balancer weights), then delete the old service.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
	},
	Check: checkImmutableServiceFields,
}

func checkImmutableServiceFields(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) {
		return nil
	}
	out := s.findings()
	if svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		out = append(out, Flag(at("schedulingStrategy"), svc.SchedulingStrategy,
			"the DAEMON scheduling strategy cannot be changed with UpdateService; a REPLICA replacement must be a new service"))
	}
	if role := ptr.Value(svc.RoleArn); role != "" && !isServiceLinkedRole(role) {
		out = append(out, Flag(at("roleArn"), role,
			"the legacy load-balancer role %s cannot be removed with UpdateService; if the in-place switch rejects it, recreate the service without it", serviceRoleName(role)))
	}
	return out
}

// isServiceLinkedRole reports whether a role ARN is ECS's service-linked
// role, which describe-services shows for services created without `role`.
func isServiceLinkedRole(arn string) bool {
	return strings.Contains(arn, ":role/aws-service-role/")
}

// roleName is the last path element of a role ARN.
func serviceRoleName(arn string) string {
	if i := strings.LastIndexByte(arn, '/'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}
