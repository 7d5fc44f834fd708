package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleInPlaceSwitch is the ID of the rule below, for code that refers to it.
const RuleInPlaceSwitch = "in-place-switch"

var inPlaceSwitch = Rule{
	ID:       RuleInPlaceSwitch,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "An existing EC2 service can move to Fargate with one UpdateService call",
	Rationale: "`launchType` is not an UpdateService parameter, but since 2025-06-12 UpdateService accepts a FARGATE/FARGATE_SPOT capacity provider strategy for a service " +
		"created on the EC2 launch type, for rolling and blue/green deployments, so the service need not be recreated. The call fails unless the new task definition passes Fargate validation.",
	Remediation: "Send one UpdateService carrying the Fargate-compatible awsvpc task definition, `networkConfiguration`, ip-type target groups in `loadBalancers`, " +
		"`serviceRegistries` if ports changed, `placementConstraints: []`, `placementStrategy: []` and `capacityProviderStrategy: [FARGATE…]`. An empty strategy later returns the service to its original launch type. Try it on a test service first.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/capacity-launch-type-comparison.html",
	},
	Unverified: "the API lists the EC2-to-Fargate transition but not every combination (e.g. a bridge-to-awsvpc change together with a legacy `role`); verify the combined call on a test service",
	Check:      checkInPlaceSwitch,
	FixService: moveInPlace,
}

// moveInPlace asks for what the one UpdateService carries beside the
// Fargate task definition: the Fargate strategy and the awsvpc network
// configuration (the placement and load balancer rules ask for the rest).
func moveInPlace(x ServiceFixer, _ *Subject, _ Finding) {
	x.FargateCapacity()
	x.AwsvpcNetwork()
}

func checkInPlaceSwitch(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) || svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		return nil // DAEMON services cannot move in place: scheduling-daemon
	}
	if svc.DeploymentController != nil && svc.DeploymentController.Type == ecstypes.DeploymentControllerTypeExternal {
		return nil // task sets choose their capacity: deploy-controller-external
	}
	if svc.LaunchType != "" && svc.LaunchType != ecstypes.LaunchTypeEc2 {
		return nil // ECS Anywhere and other launch types: no documented transition
	}
	if len(svc.CapacityProviderStrategy) > 0 {
		return s.one(Flag(at("capacityProviderStrategy"), providerNames(svc),
			"switch the strategy to FARGATE/FARGATE_SPOT in the same UpdateService that carries the awsvpc task definition and network configuration; the service need not be recreated"))
	}
	return s.one(Flag(at("capacityProviderStrategy"), nil,
		"the service can move in place: one UpdateService with a FARGATE capacity provider strategy, the awsvpc task definition, network configuration and ip target groups"))
}

// providerNames lists the capacity providers of the service's strategy.
func providerNames(svc *ecstypes.Service) []string {
	var out []string
	for _, item := range svc.CapacityProviderStrategy {
		out = append(out, ptr.Value(item.CapacityProvider))
	}
	return out
}
