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
	Rationale: "CloudFormation (and CDK on top of it) replaces an ECS service when `LaunchType` changes or is swapped for a capacity provider strategy (CloudFormation aligned strategy updates with the API on 2025-06-12); " +
		"a replacement of a service that uses Service Connect fails on the name clash. A July 2025 Terraform provider change updates the strategy in place only with `force_new_deployment = true`. " +
		"We detect IaC from the service's tags (describe-services --include TAGS); untagged services are not reported, since flagging every one as not checked would be noise.",
	Remediation: "Make the change in the template, not by hand: prefer a CapacityProviderStrategy update over changing LaunchType, keep the L1 `LaunchType` via a CDK escape hatch if needed, " +
		"set `force_new_deployment = true` in Terraform, and plan a blue/green cut-over where a replacement is unavoidable.",
	References: []string{
		"https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
	},
	Unverified: "the Terraform behaviour comes from a fork's patch of the AWS provider; check the upstream provider version you use",
	Check:      checkIaCReplacement,
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
	for i, t := range svc.Tags {
		key := ptr.Value(t.Key)
		if tool := iacTool(key, ptr.Value(t.Value)); tool != "" {
			// One finding per service: the first marker names the tool.
			return []Finding{Flag(at(idx("tags", i), "key"), key,
				"tag %s shows the service is managed by %s; change it there, where swapping LaunchType for a strategy may replace the service", key, tool)}
		}
	}
	return nil
}
