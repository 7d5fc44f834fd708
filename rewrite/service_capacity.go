package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Fargate capacity provider names; they exist in every account.
const (
	capacityFargate     = fleet.ProviderFargate
	capacityFargateSpot = fleet.ProviderFargateSpot
)

// planStrategy, when a fix asked for Fargate capacity, sets the FARGATE capacity provider strategy. With a spot
// weight, FARGATE keeps base 1 (one task that Spot interruptions cannot
// take away) and weight 1, FARGATE_SPOT gets the spot weight: of the tasks
// beyond the first, weight/(weight+1) run on Spot.
func (p *servicePlan) planStrategy() {
	if !p.asks.capacity {
		return
	}
	spot := p.opts.SpotWeight
	if spot > 0 && p.f.IsWindows(p.s.TaskDef) {
		p.remain(analyzer.RuleFargateSpotBehaviour, "capacityProviderStrategy",
			"FARGATE_SPOT not added: Windows tasks cannot run on Fargate Spot")
		spot = 0
	}
	if p.svc.LaunchType == ecstypes.LaunchTypeFargate {
		p.keepFargateLaunchType(spot)
		return
	}
	p.strategy = fargateStrategy(spot)
	before := p.svc.CapacityProviderStrategy
	if !reflect.DeepEqual(svcJSON(before), svcJSON(p.strategy)) {
		p.change(analyzer.RuleInPlaceSwitch, "capacityProviderStrategy", before, p.strategy, false, strategyMessage(p.svc, spot))
	}
	if spot > 0 {
		p.remain(analyzer.RuleFargateSpotBehaviour, "capacityProviderStrategy",
			"Fargate Spot tasks can be stopped with a 2-minute warning and do not fall back to FARGATE; keep stopTimeout at most 120 s and enough tasks for the loss of the Spot share")
	}
}

func fargateStrategy(spot int) []ecstypes.CapacityProviderStrategyItem {
	if spot == 0 {
		return []ecstypes.CapacityProviderStrategyItem{{CapacityProvider: aws.String(capacityFargate), Weight: 1}}
	}
	return []ecstypes.CapacityProviderStrategyItem{
		{CapacityProvider: aws.String(capacityFargate), Base: 1, Weight: 1},
		{CapacityProvider: aws.String(capacityFargateSpot), Weight: int32(spot)},
	}
}

func strategyMessage(svc *ecstypes.Service, spot int) string {
	was := "the cluster's default capacity provider strategy"
	switch {
	case len(svc.CapacityProviderStrategy) > 0:
		was = "capacity providers " + providerNames(svc.CapacityProviderStrategy)
	case svc.LaunchType != "":
		was = "launch type " + string(svc.LaunchType)
	}
	msg := "tasks run on the FARGATE capacity provider instead of " + was
	if spot > 0 {
		msg += "; FARGATE keeps base 1, and FARGATE_SPOT (weight " + strconv.Itoa(spot) + " to 1) takes " +
			strconv.Itoa(spot) + " of every " + strconv.Itoa(spot+1) + " tasks beyond the first"
	}
	return msg
}

func providerNames(items []ecstypes.CapacityProviderStrategyItem) string {
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = aws.ToString(it.CapacityProvider)
	}
	return strings.Join(names, ", ")
}

// clusterProviders reports a cluster, known from describe-clusters, that
// does not have the Fargate capacity providers the strategy names: FARGATE
// when the cluster-fargate-providers fix asked (no request can associate
// it), FARGATE_SPOT too when the strategy gets it (--spot-weight, the
// user's choice, which the audit does not know).
func (p *servicePlan) clusterProviders() {
	spot := p.asks.capacity && p.opts.SpotWeight > 0 && !p.f.IsWindows(p.s.TaskDef)
	if !p.asks.clusterProviders && !spot || p.svc.LaunchType == ecstypes.LaunchTypeFargate {
		return
	}
	c := p.f.ClusterOf(p.s)
	if c == nil || c.Detail == nil {
		return
	}
	want := []string{capacityFargate}
	if spot {
		want = append(want, capacityFargateSpot)
	}
	var missing []string
	for _, name := range want {
		if !slices.Contains(c.Detail.CapacityProviders, name) {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		p.remain(analyzer.RuleClusterFargateProviders, "capacityProviderStrategy",
			"cluster "+p.s.Cluster+" does not have "+strings.Join(missing, " and ")+": add them with aws ecs put-cluster-capacity-providers "+
				"(list the existing providers and default strategy too, the call replaces both) before update-service")
	}
}

// keepFargateLaunchType leaves a service on the FARGATE launch type as it
// is: the UpdateService API lists no transition from it to the Fargate
// capacity providers, so the strategy is not sent.
func (p *servicePlan) keepFargateLaunchType(spot int) {
	if spot > 0 {
		p.remain(analyzer.RuleInPlaceSwitch, "capacityProviderStrategy",
			"the service uses the FARGATE launch type; moving it to a FARGATE_SPOT strategy is not a documented UpdateService transition, so --spot-weight was not applied")
	}
}
