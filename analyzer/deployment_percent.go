package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

var deploymentPercent = Rule{
	ID:       "deployment-percent",
	Scope:    ScopeService,
	Severity: Info,
	Title:    "Minimum/maximum percent are ignored for CODE_DEPLOY and EXTERNAL services on Fargate",
	Rationale: "For blue/green (CODE_DEPLOY) and EXTERNAL services on the EC2 launch type, `minimumHealthyPercent` and `maximumPercent` bound how many tasks run while instances drain; " +
		"on Fargate they are returned by describe-services but not used.",
	Remediation: "Nothing to change; size the blue/green or task-set traffic shift itself instead.",
	References:  []string{"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html"},
	Check:       checkDeploymentPercent,
}

func checkDeploymentPercent(s *Subject) []Finding {
	svc := s.Svc()
	dc, cfg := svc.DeploymentController, svc.DeploymentConfiguration
	if dc == nil || cfg == nil || (dc.Type != ecstypes.DeploymentControllerTypeCodeDeploy && dc.Type != ecstypes.DeploymentControllerTypeExternal) {
		return nil
	}
	if cfg.MaximumPercent == nil && cfg.MinimumHealthyPercent == nil {
		return nil
	}
	return s.one(Flag(at("deploymentConfiguration"), map[string]any{"maximumPercent": cfg.MaximumPercent, "minimumHealthyPercent": cfg.MinimumHealthyPercent},
		"with the %s controller on Fargate the minimum/maximum percent are not used", dc.Type))
}
