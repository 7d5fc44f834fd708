package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// cloudFormationReplacement is the iac-replacement finding for an
// AWS::ECS::Service read from a template: what moving it to Fargate in the
// template does to it, from the CloudFormation resource schema and
// references (AWS::ECS::Service: LaunchType conditionally create-only,
// Role and ServiceName create-only, CapacityProviderStrategy,
// NetworkConfiguration and LoadBalancers updated in place;
// AWS::ElasticLoadBalancingV2::TargetGroup: TargetType create-only), the
// Name type (a custom-named resource cannot be replaced under its name)
// and CreateService (no Role with awsvpc).
func cloudFormationReplacement(s *Subject) Finding {
	svc := s.Svc()
	var says []string
	p := at("capacityProviderStrategy")
	if svc.LaunchType != "" {
		p = at("launchType")
		says = append(says, "LaunchType is conditionally create-only, so dropping it for a FARGATE CapacityProviderStrategy may replace the service")
	}
	if ptr.Value(svc.RoleArn) != "" { // set, even when its value is known only at deployment
		says = append(says, "Role must go for awsvpc (the service-linked role is used) and is create-only, so removing it replaces the service")
	}
	if len(svc.LoadBalancers) > 0 {
		says = append(says, "an instance target group cannot change TargetType (create-only): a new ip one goes beside it, and the EC2 service must keep serving "+
			"(UpdateReplacePolicy: Retain on a replacement) until the listener moves")
	}
	says = append(says, "a replacement of a service with a custom ServiceName needs a new name, and one with Service Connect fails on the name clash")
	return Flag(p, string(svc.LaunchType),
		"%s is declared in CloudFormation: move it in the template (ecs2fargate rewrite edits it). %s",
		s.Service.Doc.Source.Path, strings.Join(says, "; ")).Sure()
}
