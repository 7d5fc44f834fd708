package analyzer

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// RuleDeployControllerExternal is the ID of the rule below, for code that refers to it.
const RuleDeployControllerExternal = "deploy-controller-external"

var deployControllerExternal = Rule{
	ID:       RuleDeployControllerExternal,
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "With an EXTERNAL controller, Fargate is chosen per task set",
	Rationale: "A service with the EXTERNAL deployment controller gets its tasks from task sets, and each task set carries its own launch type or capacity provider strategy; " +
		"changing the service itself does not move any task.",
	Remediation: "Create a new task set with launch type FARGATE (or a Fargate strategy), the awsvpc task definition, network configuration and ip target groups, " +
		"shift traffic to it with your deployment tool and delete the old task set.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateTaskSet.html",
	},
	Check: checkDeployControllerExternal,
}

func checkDeployControllerExternal(s *Subject) []Finding {
	svc := s.Svc()
	if svc.DeploymentController == nil || svc.DeploymentController.Type != ecstypes.DeploymentControllerTypeExternal {
		return nil
	}
	if len(svc.TaskSets) > 0 && fleet.TaskSetsOnFargate(svc.TaskSets) {
		return nil
	}
	return s.one(Flag(at("deploymentController", "type"), svc.DeploymentController.Type,
		"the service's tasks come from task sets: create a new task set on Fargate and shift traffic to it"))
}
