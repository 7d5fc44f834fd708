package analyzer

import (
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func TestOnFargate(t *testing.T) {
	cp := func(names ...string) []ecstypes.CapacityProviderStrategyItem {
		var out []ecstypes.CapacityProviderStrategyItem
		for _, n := range names {
			out = append(out, ecstypes.CapacityProviderStrategyItem{CapacityProvider: ptr.To(n), Weight: 1})
		}
		return out
	}
	tests := []struct {
		name string
		svc  *ecstypes.Service
		want bool
	}{
		{"nil", nil, false},
		{"launch type FARGATE", &ecstypes.Service{LaunchType: ecstypes.LaunchTypeFargate}, true},
		{"launch type EC2", &ecstypes.Service{LaunchType: ecstypes.LaunchTypeEc2}, false},
		{"neither: cluster default", &ecstypes.Service{}, false},
		{"FARGATE and FARGATE_SPOT", &ecstypes.Service{CapacityProviderStrategy: cp("FARGATE", "FARGATE_SPOT")}, true},
		{"FARGATE_SPOT only", &ecstypes.Service{CapacityProviderStrategy: cp("FARGATE_SPOT")}, true},
		{"mixed with an ASG provider", &ecstypes.Service{CapacityProviderStrategy: cp("FARGATE", "asg-web")}, false},
		{"ASG provider only", &ecstypes.Service{CapacityProviderStrategy: cp("asg-web")}, false},
	}
	for _, tt := range tests {
		if got := onFargate(tt.svc); got != tt.want {
			t.Errorf("%s: onFargate = %t, want %t", tt.name, got, tt.want)
		}
	}
}

// A service and task definition that already run on Fargate must get no
// fixable or blocker finding from the service rules.
func TestServiceRulesQuietOnFargateReadyService(t *testing.T) {
	td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{
		Family: ptr.To("web"), Revision: 4, NetworkMode: ecstypes.NetworkModeAwsvpc,
		Cpu: ptr.To("512"), Memory: ptr.To("1024"), RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityFargate},
		ContainerDefinitions: []ecstypes.ContainerDefinition{{
			Name: ptr.To("web"), Image: ptr.To("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1"),
			PortMappings: []ecstypes.PortMapping{{ContainerPort: ptr.To[int32](8080), HostPort: ptr.To[int32](8080)}},
		}},
	}}
	svc := &fleet.Service{Cluster: "web", TaskDef: td, Svc: ecstypes.Service{
		ServiceName: ptr.To("web"), TaskDefinition: ptr.To("web:4"), DesiredCount: 3,
		CapacityProviderStrategy: []ecstypes.CapacityProviderStrategyItem{
			{CapacityProvider: ptr.To("FARGATE"), Base: 1, Weight: 1}, {CapacityProvider: ptr.To("FARGATE_SPOT"), Weight: 2},
		},
		PlatformVersion:               ptr.To("LATEST"),
		HealthCheckGracePeriodSeconds: ptr.To[int32](90),
		NetworkConfiguration: &ecstypes.NetworkConfiguration{AwsvpcConfiguration: &ecstypes.AwsVpcConfiguration{
			Subnets: []string{"subnet-1", "subnet-2"}, SecurityGroups: []string{"sg-1"},
		}},
		LoadBalancers:     []ecstypes.LoadBalancer{{TargetGroupArn: ptr.To("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1"), ContainerName: ptr.To("web"), ContainerPort: ptr.To[int32](8080)}},
		ServiceRegistries: []ecstypes.ServiceRegistry{{RegistryArn: ptr.To("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1"), ContainerName: ptr.To("web"), ContainerPort: ptr.To[int32](8080)}},
	}}
	f := &fleet.Fleet{TaskDefinitions: []*fleet.TaskDefinition{td}, Services: []*fleet.Service{svc}}
	assertQuiet(t, f, serviceRules())
}
