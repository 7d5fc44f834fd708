package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var newServiceLaunchType = Rule{
	ID:       "new-service-launch-type",
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "A Fargate service needs the FARGATE launch type or a Fargate capacity provider strategy",
	Rationale: "A service lands on Fargate only through `launchType: FARGATE` or a `capacityProviderStrategy` of FARGATE/FARGATE_SPOT; the two are mutually exclusive. " +
		"With neither, the cluster's default strategy decides, which may point at an Auto Scaling group provider. Fargate Spot is reachable only through a strategy.",
	Remediation: "When creating the Fargate service, set either `launchType: FARGATE` or an explicit strategy such as `[{capacityProvider: FARGATE, base: 1, weight: 1}]`, never both and never neither.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html",
	},
	Check:      checkNewServiceLaunchType,
	FixService: fargateService,
}

// fargateService asks for a Fargate strategy and, as every Fargate task
// uses awsvpc, for the network configuration the request carries with it
// (also when the service has a valid one, which network-configuration
// does not flag: a new service must be given it).
func fargateService(x ServiceFixer, _ *Subject, _ Finding) {
	x.FargateCapacity()
	x.AwsvpcNetwork()
}

func checkNewServiceLaunchType(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) {
		return nil
	}
	var providers []string
	hasFargate := false
	for _, item := range svc.CapacityProviderStrategy {
		name := ptr.Value(item.CapacityProvider)
		providers = append(providers, name)
		hasFargate = hasFargate || fleet.IsFargateProvider(name)
	}
	switch {
	case hasFargate:
		return nil // a mixed strategy: cp-strategy-shape
	case len(providers) > 0:
		return s.one(Flag(at("capacityProviderStrategy"), providers,
			"the strategy uses only Auto Scaling group providers (%s); a Fargate service needs FARGATE or FARGATE_SPOT instead", strings.Join(providers, ", ")))
	case svc.LaunchType == "":
		return s.one(Flag(at("launchType"), nil,
			"neither a launch type nor a strategy is set, so the cluster default strategy applies; the Fargate service needs an explicit FARGATE launch type or strategy"))
	case svc.LaunchType != ecstypes.LaunchTypeFargate:
		return s.one(Flag(at("launchType"), svc.LaunchType,
			"launch type %s must become FARGATE, or be replaced by a FARGATE/FARGATE_SPOT capacity provider strategy (never both)", svc.LaunchType))
	}
	return nil
}
