package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var cpStrategyShape = Rule{
	ID:       "cp-strategy-shape",
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "The capacity provider strategy is not a valid Fargate strategy",
	Rationale: "A strategy cannot mix Auto Scaling group providers with FARGATE/FARGATE_SPOT, holds at most 20 providers, lets only one provider have a `base`, " +
		"and needs at least one weight above 0 (weights range 0–1000 and default to 0 through the API).",
	Remediation: "Replace Auto Scaling group providers with FARGATE or FARGATE_SPOT, keep a single `base` (usually on FARGATE) and give at least one provider a weight above 0.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
	},
	Check:      checkCPStrategyShape,
	FixService: func(x ServiceFixer, _ *Subject, _ Finding) { x.FargateCapacity() },
}

const maxStrategyProviders = 20

func checkCPStrategyShape(s *Subject) []Finding {
	strategy := s.Svc().CapacityProviderStrategy
	if len(strategy) == 0 {
		return nil
	}
	out := s.findings()
	var fg, withBase []string
	anyWeight := false
	for _, item := range strategy {
		name := ptr.Value(item.CapacityProvider)
		if fleet.IsFargateProvider(name) {
			fg = append(fg, name)
		}
		if item.Base > 0 {
			withBase = append(withBase, name)
		}
		anyWeight = anyWeight || item.Weight > 0
	}
	if len(fg) > 0 {
		for i, item := range strategy {
			if name := ptr.Value(item.CapacityProvider); !fleet.IsFargateProvider(name) {
				out = append(out, Flag(at(idx("capacityProviderStrategy", i), "capacityProvider"), name,
					"provider %s is an Auto Scaling group provider mixed with %s; replace it with FARGATE or FARGATE_SPOT", name, strings.Join(fg, "/")))
			}
		}
	}
	if len(strategy) > maxStrategyProviders {
		out = append(out, Flag(at("capacityProviderStrategy"), len(strategy),
			"the strategy lists %d providers; at most %d are allowed", len(strategy), maxStrategyProviders))
	}
	if len(withBase) > 1 {
		out = append(out, Flag(at("capacityProviderStrategy"), withBase,
			"providers %s all set a base; only one provider may have one", strings.Join(withBase, ", ")))
	}
	if !anyWeight {
		out = append(out, Flag(at("capacityProviderStrategy"), providerNames(s.Svc()),
			"every provider has weight 0; give at least one (e.g. FARGATE) a weight above 0"))
	}
	return out
}
