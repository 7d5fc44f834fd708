package rewrite

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// A service already on Fargate gets no request, whatever the options say:
// an update-service would redeploy it, move a pinned 1.4.0 to LATEST and
// replace its security groups with --security-groups.
func TestServiceAlreadyOnFargateGetsNoRequest(t *testing.T) {
	network := &ecstypes.NetworkConfiguration{AwsvpcConfiguration: &ecstypes.AwsVpcConfiguration{
		Subnets: []string{"subnet-1"}, SecurityGroups: []string{"sg-1"}, AssignPublicIp: ecstypes.AssignPublicIpDisabled}}
	lbs := []ecstypes.LoadBalancer{{TargetGroupArn: aws.String("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api/abc"), ContainerName: aws.String("app"), ContainerPort: aws.Int32(80)}}
	cases := map[string]ecstypes.Service{
		"launch type FARGATE, pinned 1.4.0": {LaunchType: ecstypes.LaunchTypeFargate, PlatformVersion: aws.String("1.4.0")},
		"FARGATE strategy, LATEST":          {CapacityProviderStrategy: fargateStrategy(0), PlatformVersion: aws.String("LATEST")},
		"FARGATE and FARGATE_SPOT":          {CapacityProviderStrategy: fargateStrategy(3)},
		"CODE_DEPLOY on Fargate":            {LaunchType: ecstypes.LaunchTypeFargate, DeploymentController: &ecstypes.DeploymentController{Type: ecstypes.DeploymentControllerTypeCodeDeploy}},
		"DAEMON would block an EC2 service": {LaunchType: ecstypes.LaunchTypeFargate, SchedulingStrategy: ecstypes.SchedulingStrategyDaemon},
		"EXTERNAL, every task set on Fargate": {DeploymentController: &ecstypes.DeploymentController{Type: ecstypes.DeploymentControllerTypeExternal},
			TaskSets: []ecstypes.TaskSet{{LaunchType: ecstypes.LaunchTypeFargate}, {CapacityProviderStrategy: fargateStrategy(1)}}},
	}
	opts := []ServiceOptions{{}, {SecurityGroups: []string{"sg-0other"}, Subnets: []string{"subnet-9"}, SpotWeight: 2, AssignPublicIP: true, Force: true}}
	for name, svc := range cases {
		for _, o := range opts {
			svc.ServiceName, svc.TaskDefinition = aws.String("api"), aws.String("arn:aws:ecs:us-east-1:1:task-definition/api:4")
			svc.NetworkConfiguration, svc.LoadBalancers = network, lbs
			f, s := svcTestFleet(svc, nil)
			res, err := Service(f, s, "api", o)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !res.AlreadyOnFargate || res.UpdateService != nil || res.CreateService != nil || len(res.TargetGroups) > 0 {
				t.Errorf("%s, options %+v: alreadyOnFargate %v, update %s, create %s, target groups %d; want no request",
					name, o, res.AlreadyOnFargate, res.UpdateService, res.CreateService, len(res.TargetGroups))
			}
			if len(res.Changes) != 0 || res.NotInPlace != "" || res.Forced {
				t.Errorf("%s: changes %+v, notInPlace %q, forced %v; want none", name, res.Changes, res.NotInPlace, res.Forced)
			}
		}
	}
}

// A retired platform version cannot start tasks: the one request a
// service on Fargate gets sets platformVersion LATEST and nothing else.
func TestServiceOnFargateRetiredPlatformVersion(t *testing.T) {
	svc := ecstypes.Service{ServiceName: aws.String("api"), LaunchType: ecstypes.LaunchTypeFargate, PlatformVersion: aws.String("1.3.0"),
		NetworkConfiguration: &ecstypes.NetworkConfiguration{AwsvpcConfiguration: &ecstypes.AwsVpcConfiguration{Subnets: []string{"subnet-1"}, SecurityGroups: []string{"sg-1"}}}}
	f, s := svcTestFleet(svc, nil)
	res, err := Service(f, s, "api", ServiceOptions{SecurityGroups: []string{"sg-0other"}})
	if err != nil {
		t.Fatal(err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(res.UpdateService, &members); err != nil {
		t.Fatalf("update-service %s: %v", res.UpdateService, err)
	}
	delete(members, "forceNewDeployment") // a bool the SDK always sends; false here
	if len(members) != 3 || string(members["platformVersion"]) != `"LATEST"` || string(members["service"]) != `"api"` || string(members["cluster"]) != `"c"` {
		t.Errorf("update-service = %s, want only cluster, service and platformVersion LATEST", res.UpdateService)
	}
	var in ecs.UpdateServiceInput
	svcStrictDecode(t, "update-service", res.UpdateService, &in)
	if len(res.Changes) != 1 || res.Changes[0].RuleID != "platform-version" || !res.AlreadyOnFargate {
		t.Errorf("changes %+v, alreadyOnFargate %v", res.Changes, res.AlreadyOnFargate)
	}
	res, _ = Service(f, s, "api", ServiceOptions{Preview: true})
	if res.UpdateService != nil || len(res.Changes) != 1 {
		t.Errorf("preview: document %s, changes %d", res.UpdateService, len(res.Changes))
	}
}
