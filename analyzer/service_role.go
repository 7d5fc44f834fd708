package analyzer

import "github.com/ecs2fargate/ecs2fargate/internal/ptr"

// RuleServiceRole is the ID of the rule below, for code that refers to it.
const RuleServiceRole = "service-role"

var serviceRole = Rule{
	ID:       RuleServiceRole,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "The legacy load-balancer service role is not allowed with awsvpc",
	Rationale: "`role` may only be given for services with a load balancer whose tasks do not use awsvpc; awsvpc services use the ECS service-linked role. " +
		"A new Fargate service simply omits it, but `role` is not an UpdateService parameter, so an existing service keeps it.",
	Remediation: "Omit `role` when creating the Fargate service. For an in-place switch, test on a copy of the service first; if ECS rejects the update, recreate the service.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html",
	},
	Unverified: "whether UpdateService can move a service created with a legacy `role` to Fargate in place",
	Check:      checkServiceRole,
	FixService: func(x ServiceFixer, _ *Subject, _ Finding) {
		x.OmitRole("role left out: awsvpc services use the ECS service-linked role")
	},
}

func checkServiceRole(s *Subject) []Finding {
	svc := s.Svc()
	role := ptr.Value(svc.RoleArn)
	if role == "" || isServiceLinkedRole(role) || onFargate(svc) {
		return nil
	}
	return s.one(Flag(at("roleArn"), role,
		"service role %s is not allowed with awsvpc: omit it on a new service; an existing service cannot drop it, so test the in-place switch first", serviceRoleName(role)))
}
