package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleDeployControllerCodeDeploy is the ID of the rule below, for code that refers to it.
const RuleDeployControllerCodeDeploy = "deploy-controller-codedeploy"

var deployControllerCodeDeploy = Rule{
	ID:       RuleDeployControllerCodeDeploy,
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "CodeDeploy blue/green services move through a CodeDeploy deployment",
	Rationale: "With the CODE_DEPLOY controller, UpdateService only changes a few settings (the capacity provider strategy among them); the task definition, network configuration, " +
		"platform version and load balancers change through a CodeDeploy deployment. Both target groups of the blue/green pair must be re-created as ip type.",
	Remediation: "Create ip-type copies of both target groups, update the CodeDeploy deployment group to use them, switch the capacity provider strategy to FARGATE and deploy " +
		"the awsvpc task definition and network configuration through CodeDeploy (AppSpec).",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentController.html",
	},
	Check: checkDeployControllerCodeDeploy,
}

func checkDeployControllerCodeDeploy(s *Subject) []Finding {
	svc := s.Svc()
	if onFargate(svc) || svc.DeploymentController == nil || svc.DeploymentController.Type != ecstypes.DeploymentControllerTypeCodeDeploy {
		return nil
	}
	return s.one(Flag(at("deploymentController", "type"), svc.DeploymentController.Type,
		"the move to Fargate goes through a CodeDeploy deployment (new task definition, network configuration, both target groups as ip type), not UpdateService alone"))
}
