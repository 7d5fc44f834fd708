package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

var iacReplacement = Rule{
	ID:       "iac-replacement",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "Switching an IaC-managed service to Fargate may replace it",
	Rationale: "A service declared in Terraform or CloudFormation must move in the code, or the next apply undoes the move, and the code's tool decides whether the change updates the service or replaces it. " +
		"In the current Terraform AWS provider, `launch_type` forces a new service when its value changes but is also computed, so removing it plans no change; " +
		"a `capacity_provider_strategy` change of an existing service is made in place and is refused unless `force_new_deployment = true` (older provider versions replaced the service when a strategy was added where there was none); " +
		"a target group's `target_type` forces a new target group. " +
		"CloudFormation (and CDK on top of it) replaces an ECS service when `LaunchType` changes or is swapped for a capacity provider strategy (CloudFormation aligned strategy updates with the API on 2025-06-12); " +
		"a replacement of a service that uses Service Connect fails on the name clash. " +
		"For a service read from Terraform or a CloudFormation template the finding comes from the code (for CloudFormation from the resource schema: LaunchType conditionally create-only, Role and ServiceName create-only, a target group's TargetType create-only); for one read from AWS it comes from the service's tags (describe-services --include TAGS), and untagged services are not reported, since flagging every one as not checked would be noise.",
	Remediation: "Make the change in the code, not by hand (`ecs2fargate rewrite` on the code writes it): in Terraform remove `launch_type`, add a FARGATE `capacity_provider_strategy` with `force_new_deployment = true`, and add the ip target group beside the instance one with `create_before_destroy`, moving listeners to it once it is healthy; " +
		"in CloudFormation prefer a CapacityProviderStrategy update over changing LaunchType, keep the L1 `LaunchType` via a CDK escape hatch if needed, and plan a blue/green cut-over where a replacement is unavoidable.",
	References: []string{
		"https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
		"https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service",
		"https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ecs/service.go",
		"https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_target_group",
		"https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html",
		"https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-name.html",
	},
	Check: checkIaCReplacement,
}

// iacCodeFindings gives, per kind of infrastructure as code
// (fleet.IaCKind), the finding for a service that code declares: what
// moving it to Fargate in the code does to it, from the tool's own
// documentation, so the finding rests on no unverified fact.
var iacCodeFindings = map[string]func(s *Subject) Finding{
	"Terraform":      terraformReplacement,
	"CloudFormation": cloudFormationReplacement, // iac_replacement_cloudformation.go
}

// terraformReplacement is the finding for an aws_ecs_service, from the
// AWS provider's schema (internal/service/ecs/service.go: launch_type
// ForceNew, Optional and Computed; capacityProviderStrategyCustomizeDiff
// refusing a strategy change without force_new_deployment) and the
// lb_target_group documentation (target_type forces a new resource).
func terraformReplacement(s *Subject) Finding {
	svc := s.Svc()
	where := s.Service.Doc.Source.Path
	p := at("launchType")
	if svc.LaunchType == "" {
		p = at("capacityProviderStrategy")
	}
	return Flag(p, string(svc.LaunchType),
		"%s is declared in Terraform: move it in the code. With the current AWS provider it is updated in place when launch_type is removed (not changed to FARGATE, which would replace it) "+
			"and a FARGATE capacity_provider_strategy is added with force_new_deployment = true, which the provider requires; its instance target groups cannot change type and need new ip ones beside them",
		where).Sure()
}

// iacTool names the IaC tool a service tag points to, or "".
func iacTool(key, value string) string {
	k, v := strings.ToLower(key), strings.ToLower(value)
	switch {
	case k == "aws:cloudformation:stack-name" || k == "aws:cloudformation:stack-id":
		return "CloudFormation"
	case strings.HasPrefix(k, "copilot-"):
		return "Copilot (CloudFormation)"
	case strings.HasPrefix(k, "pulumi") || (isManagedByKey(k) && strings.Contains(v, "pulumi")):
		return "Pulumi"
	case strings.Contains(k, "terraform") || (isManagedByKey(k) && strings.Contains(v, "terraform")):
		return "Terraform"
	case isManagedByKey(k) && (strings.Contains(v, "cdk") || strings.Contains(v, "cloudformation")):
		return "CloudFormation"
	}
	return ""
}

// keySeparators folds "managed-by", "managed_by" and "Managed By" together.
var keySeparators = strings.NewReplacer("-", "", "_", "", ":", "", " ", "")

func isManagedByKey(k string) bool {
	k = keySeparators.Replace(k)
	return k == "managedby" || k == "provisionedby" || k == "createdby" || k == "iac" || k == "tool"
}

func checkIaCReplacement(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) {
		return nil
	}
	if code, ok := iacCodeFindings[s.Fleet.IaCKind(s.Service.Doc.Source.File)]; ok {
		return s.one(code(s))
	}
	for i, t := range svc.Tags {
		key := ptr.Value(t.Key)
		if tool := iacTool(key, ptr.Value(t.Value)); tool != "" {
			// One finding per service: the first marker names the tool.
			return s.one(Flag(at(idx("tags", i), "key"), key,
				"tag %s shows the service is managed by %s; change it there, where swapping LaunchType for a strategy may replace the service", key, tool))
		}
	}
	return nil
}
