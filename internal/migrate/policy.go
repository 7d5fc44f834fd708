package migrate

import "encoding/json"

// Actions are the IAM actions migrate can call, one per API operation (a
// test checks this list against the calls in the code, both ways).
var Actions = []string{
	"ecs:DeregisterTaskDefinition",
	"ecs:DescribeClusters",
	"ecs:DescribeServices",
	"ecs:PutClusterCapacityProviders",
	"ecs:RegisterTaskDefinition",
	"ecs:UpdateService",
	"elasticloadbalancing:CreateTargetGroup",
	"elasticloadbalancing:DeleteTargetGroup",
	"elasticloadbalancing:DescribeListeners",
	"elasticloadbalancing:DescribeRules",
	"elasticloadbalancing:DescribeTargetGroups",
	"elasticloadbalancing:DescribeTargetHealth",
	"elasticloadbalancing:ModifyListener",
	"elasticloadbalancing:ModifyRule",
	"iam:AttachRolePolicy",
	"iam:CreateRole",
	"iam:CreateServiceLinkedRole",
	"iam:DeleteRole",
	"iam:DetachRolePolicy",
	"iam:GetRole",
	"iam:ListRoles",
	"logs:CreateLogGroup",
	"logs:DeleteLogGroup",
	"logs:DescribeLogGroups",
	"sts:GetCallerIdentity",
}

// IAMPolicy is the policy migrate needs. UpdateService and
// RegisterTaskDefinition name the task execution role, so ECS needs
// iam:PassRole on it; it is granted only towards ecs-tasks.amazonaws.com.
// The resource is "*" for the rest: the services, target groups and
// listeners are the user's choice at run time.
func IAMPolicy() []byte {
	doc := map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{{
			"Sid":      "Ecs2FargateMigrate",
			"Effect":   "Allow",
			"Action":   Actions,
			"Resource": "*",
		}, {
			"Sid":       "Ecs2FargatePassTaskRoles",
			"Effect":    "Allow",
			"Action":    []string{"iam:PassRole"},
			"Resource":  "*",
			"Condition": map[string]any{"StringEquals": map[string]string{"iam:PassedToService": "ecs-tasks.amazonaws.com"}},
		}},
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return append(b, '\n')
}
