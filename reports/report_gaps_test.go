package reports

import (
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// The checks the audit could not run are grouped by what to add, each
// group with one exact command per target group, set of subnets or
// cluster, whatever the number of checks that needed it.
func TestGapGroupsGiveOneCommandEach(t *testing.T) {
	tg := "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
	a := &Audit{NotChecked: []analyzer.NotChecked{
		{RuleID: "lb-target-type-ip", Region: "eu-west-1", Service: "a", Needs: "the type of target group " + tg + ": add `aws elbv2 describe-target-groups` output"},
		{RuleID: "nlb-client-ip", Region: "eu-west-1", Service: "a", Needs: "the protocol and type of target group " + tg + ": add `aws elbv2 describe-target-groups` output"},
		{RuleID: "subnet-ip-capacity", Region: "us-east-1", Service: "b", Needs: "free IP addresses of subnets subnet-1, subnet-2: add `aws ec2 describe-subnets` output"},
		{RuleID: "cluster-fargate-providers", Region: "us-east-1", Service: "b", Needs: "the capacity providers of cluster prod: add `aws ecs describe-clusters --clusters prod` output"},
		{RuleID: "cluster-fargate-providers", Region: "us-east-1", Service: "c", Needs: "the capacity providers of cluster prod: add `aws ecs describe-clusters --clusters prod` output"},
		{RuleID: "runtime-platform-arch", Region: "us-east-1", TaskDefinition: "web:1", Needs: "the CPU architecture the task ran on: the container instances of cluster prod, batch: add `aws ecs describe-container-instances` output"},
		{RuleID: "image-vs-ephemeral", TaskDefinition: "web:1", Container: "app", Needs: "the size of image redis:7 (not in ECR, so its size cannot be read from the inputs): check that it fits Fargate's ephemeral storage"},
	}}
	want := []GapGroup{
		{Add: "add `aws ecs describe-clusters` output", Checks: 2, Commands: []string{"aws ecs describe-clusters --clusters prod --region us-east-1"},
			Subjects: []string{"the capacity providers of cluster prod"}},
		{Add: "add `aws elbv2 describe-target-groups` output", Checks: 2, Commands: []string{"aws elbv2 describe-target-groups --target-group-arns " + tg + " --region eu-west-1"},
			Subjects: []string{"the protocol and type of target group " + tg, "the type of target group " + tg}},
		{Add: "add `aws ec2 describe-subnets` output", Checks: 1, Commands: []string{"aws ec2 describe-subnets --subnet-ids subnet-1 subnet-2 --region us-east-1"},
			Subjects: []string{"free IP addresses of subnets subnet-1, subnet-2"}},
		{Add: "add `aws ecs describe-container-instances` output", Checks: 1, Commands: []string{
			"aws ecs describe-container-instances --cluster batch --region us-east-1 --container-instances $(aws ecs list-container-instances --cluster batch --region us-east-1 --query containerInstanceArns --output text)",
			"aws ecs describe-container-instances --cluster prod --region us-east-1 --container-instances $(aws ecs list-container-instances --cluster prod --region us-east-1 --query containerInstanceArns --output text)"},
			Subjects: []string{"the CPU architecture the task ran on: the container instances of cluster prod, batch"}},
		{Add: "check that it fits Fargate's ephemeral storage", Checks: 1, Commands: []string{},
			Subjects: []string{"the size of image redis:7 (not in ECR, so its size cannot be read from the inputs)"}},
	}
	got := gapGroups(a)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}
