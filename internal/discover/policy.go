package discover

import "encoding/json"

// Actions are the IAM actions discovery can call, one per API operation
// (a test checks this list against the calls in the code, both ways).
var Actions = []string{
	"cloudwatch:GetMetricData",
	"ec2:DescribeInstances",
	"ec2:DescribeRegions",
	"ec2:DescribeSubnets",
	"ec2:DescribeVolumes",
	"ecr:DescribeImages",
	"ecs:DescribeClusters",
	"ecs:DescribeContainerInstances",
	"ecs:DescribeServices",
	"ecs:DescribeTaskDefinition",
	"ecs:ListClusters",
	"ecs:ListContainerInstances",
	"ecs:ListServices",
	"elasticloadbalancing:DescribeTargetGroups",
	"organizations:ListAccounts",
	"sts:AssumeRole",
	"sts:GetCallerIdentity",
}

// IAMPolicy is the read-only policy document discovery needs. All these
// actions are reads; none supports narrowing by resource for every call,
// so the resource is "*".
func IAMPolicy() []byte {
	doc := map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{{
			"Sid":      "Ecs2FargateDiscovery",
			"Effect":   "Allow",
			"Action":   Actions,
			"Resource": "*",
		}},
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return append(b, '\n')
}
