package analyzer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// RuleClusterFargateProviders is the ID of the rule below, for code that refers to it.
const RuleClusterFargateProviders = "cluster-fargate-providers"

var clusterFargateProviders = Rule{
	ID:       RuleClusterFargateProviders,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "The cluster must have the FARGATE capacity providers associated",
	Rationale: "A service can only use capacity providers associated with its cluster. FARGATE and FARGATE_SPOT exist in every account but must be associated with the cluster " +
		"(PutClusterCapacityProviders) before a strategy can name them.",
	Remediation: "Run `aws ecs put-cluster-capacity-providers` listing FARGATE and FARGATE_SPOT together with the cluster's existing providers, and repeat the current default strategy " +
		"(the call replaces both lists).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html",
	},
	Check:      checkClusterFargateProviders,
	FixService: func(x ServiceFixer, _ *Subject, _ Finding) { x.ClusterProviders() },
}

func checkClusterFargateProviders(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) {
		return nil
	}
	name := s.Service.Cluster
	c := s.Fleet.ClusterOf(s.Service)
	if c == nil || c.Detail == nil {
		return s.one(Unchecked("the capacity providers of cluster " + name + ": add `aws ecs describe-clusters --clusters " + name + "` output"))
	}
	var missing []string
	for _, p := range []string{providerFargate, providerFargateSpot} {
		if !slices.Contains(c.Detail.CapacityProviders, p) {
			missing = append(missing, p)
		}
	}
	if !slices.Contains(missing, providerFargate) {
		return nil // FARGATE_SPOT alone is optional
	}
	has := "none"
	if len(c.Detail.CapacityProviders) > 0 {
		has = strings.Join(c.Detail.CapacityProviders, ", ")
	}
	return s.one(Flag(at("clusterArn"), cmp.Or(ptr.Value(svc.ClusterArn), fleet.ClusterName(name)),
		"cluster %s has no %s capacity provider associated (it has: %s); add it with put-cluster-capacity-providers, keeping the existing ones",
		name, strings.Join(missing, "/"), has))
}
