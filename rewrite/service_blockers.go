package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// serviceBlocker is one reason a service cannot move to Fargate with
// UpdateService.
type serviceBlocker struct {
	rule, path string
	reason     string // for NotInPlace
	advice     string // what to do instead, for Remaining
	// hard blockers make ECS reject the update; a soft one (legacy role)
	// is only unverified, so --force may still write the update.
	hard bool
	// sideBySide is false when not even a new service helps (EXTERNAL:
	// the move is a new task set).
	sideBySide bool
}

// serviceBlockers lists why svc cannot move in place, in a fixed order.
func serviceBlockers(svc *ecstypes.Service) []serviceBlocker {
	var out []serviceBlocker
	if svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		out = append(out, serviceBlocker{rule: analyzer.RuleSchedulingDaemon, path: "schedulingStrategy", hard: true, sideBySide: true,
			reason: "it uses the DAEMON scheduling strategy, which Fargate does not have and UpdateService cannot change",
			advice: "a per-host agent belongs in each task as a sidecar; only a workload that does not care about hosts fits the side-by-side REPLICA service"})
	}
	if svc.LaunchType == ecstypes.LaunchTypeExternal {
		out = append(out, serviceBlocker{rule: analyzer.RuleInPlaceSwitch, path: "launchType", hard: true, sideBySide: true,
			reason: "it uses the EXTERNAL launch type (ECS Anywhere), which has no documented UpdateService transition to Fargate",
			advice: "create the side-by-side Fargate service and move traffic to it"})
	}
	switch controllerType(svc) {
	case ecstypes.DeploymentControllerTypeCodeDeploy:
		out = append(out, serviceBlocker{rule: analyzer.RuleDeployControllerCodeDeploy, path: "deploymentController.type", hard: true, sideBySide: true,
			reason: "it uses the CODE_DEPLOY deployment controller, so its task definition, network configuration and load balancers change only through a CodeDeploy deployment",
			advice: "either deploy the Fargate task definition, networkConfiguration and an ip target group pair through CodeDeploy (AppSpec) after switching capacityProviderStrategy, " +
				"or create the side-by-side service and a CodeDeploy deployment group for it; either way the deployment group's second target group " +
				"(not in the service's description) needs an ip copy too"})
	case ecstypes.DeploymentControllerTypeExternal:
		out = append(out, serviceBlocker{rule: analyzer.RuleDeployControllerExternal, path: "deploymentController.type", hard: true,
			reason: "it uses the EXTERNAL deployment controller, which takes the launch type, network configuration and load balancers per task set",
			advice: "create a task set on Fargate (aws ecs create-task-set with the Fargate task definition, capacityProviderStrategy FARGATE, networkConfiguration and the ip target group), " +
				"shift traffic to it and delete the old task set"})
	}
	if role := aws.ToString(svc.RoleArn); role != "" && !strings.Contains(role, ":role/aws-service-role/") {
		out = append(out, serviceBlocker{rule: analyzer.RuleServiceRole, path: "roleArn", sideBySide: true,
			reason: "it was created with the legacy load-balancer role " + role + ", which awsvpc services may not have and UpdateService cannot remove",
			advice: "test the in-place update on a copy of the service (--force writes it); otherwise create the side-by-side service, which omits the role"})
	}
	for i, lb := range svc.LoadBalancers {
		if name := aws.ToString(lb.LoadBalancerName); name != "" {
			out = append(out, serviceBlocker{rule: analyzer.RuleLBClassic, path: svcIndexPath("loadBalancers", i, "loadBalancerName"), hard: true, sideBySide: true,
				reason: "it uses the Classic Load Balancer " + name + ", which cannot route to awsvpc tasks",
				advice: "create an ALB or NLB with an ip target group, add it to the side-by-side service's loadBalancers, then move DNS from the Classic Load Balancer"})
		}
	}
	return out
}

func controllerType(svc *ecstypes.Service) ecstypes.DeploymentControllerType {
	if svc.DeploymentController == nil {
		return ecstypes.DeploymentControllerTypeEcs
	}
	return svc.DeploymentController.Type
}

// blockerReasons joins the reasons into NotInPlace.
func blockerReasons(bs []serviceBlocker) string {
	reasons := make([]string, len(bs))
	for i, b := range bs {
		reasons[i] = b.reason
	}
	return strings.Join(reasons, "; ")
}

// blockerRemaining turns the blockers into remaining findings.
func blockerRemaining(bs []serviceBlocker) []Remaining {
	var out []Remaining
	for _, b := range bs {
		out = append(out, Remaining{RuleID: b.rule, Severity: ruleSeverity(b.rule), Path: b.path, Message: "not moved in place: " + b.reason + "; " + b.advice})
	}
	return out
}

func anyHardBlocker(bs []serviceBlocker) bool {
	for _, b := range bs {
		if b.hard {
			return true
		}
	}
	return false
}

// sideBySidePossible reports whether a new Fargate service can replace the
// old one (not when any blocker rules that out).
func sideBySidePossible(bs []serviceBlocker) bool {
	for _, b := range bs {
		if !b.sideBySide {
			return false
		}
	}
	return true
}
