package analyzer

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// RuleExecRoleECR is the ID of the rule below, for code that refers to it.
const RuleExecRoleECR = "exec-role-ecr"

var execRoleECR = Rule{
	ID:       RuleExecRoleECR,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Pulling from private ECR on Fargate needs a task execution role",
	Rationale: "On EC2 the container agent pulls private ECR images with the instance role; on Fargate the pull uses the task " +
		"execution role, and the task definition has none.",
	Remediation: "Set executionRoleArn to a role with ECR pull permissions (AmazonECSTaskExecutionRolePolicy covers them). " +
		"For an image in another account, the repository policy must also allow that role.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
	},
	Check:    checkExecRoleECR,
	Fix:      fixExecutionRole,
	FixNeeds: NeedsExecutionRole,
}

func checkExecRoleECR(s *Subject) []Finding {
	if s.hasExecutionRole() {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, _ Path) []Finding {
		img := ptr.Value(c.Image)
		ref := fleet.ParseImageRef(img)
		if !ref.IsECR() {
			return nil
		}
		cross := ""
		if a, ok := fleet.ParseARN(ptr.Value(s.Def().TaskDefinitionArn)); ok && a.Account != "" && a.Account != ref.Account {
			cross = fmt.Sprintf("; the repository in account %s must also allow that role in its repository policy", ref.Account)
		}
		return s.one(Flag(at("executionRoleArn"), nil,
			"container %s pulls %s from private ECR but the task has no executionRoleArn; add an execution role with ECR pull permissions%s", ptr.Value(c.Name), img, cross))
	})
}
