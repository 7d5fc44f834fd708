package fleet

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func TestServiceOnFargate(t *testing.T) {
	item := func(name string) ecstypes.CapacityProviderStrategyItem {
		return ecstypes.CapacityProviderStrategyItem{CapacityProvider: aws.String(name)}
	}
	for name, c := range map[string]struct {
		svc  ecstypes.Service
		want bool
	}{
		"launch type FARGATE": {ecstypes.Service{LaunchType: ecstypes.LaunchTypeFargate}, true},
		"launch type EC2":     {ecstypes.Service{LaunchType: ecstypes.LaunchTypeEc2}, false},
		"Fargate providers":   {ecstypes.Service{CapacityProviderStrategy: []ecstypes.CapacityProviderStrategyItem{item("FARGATE"), item("FARGATE_SPOT")}}, true},
		"mixed providers":     {ecstypes.Service{CapacityProviderStrategy: []ecstypes.CapacityProviderStrategyItem{item("FARGATE"), item("asg-cp")}}, false},
		"nothing said":        {ecstypes.Service{}, false},
	} {
		svc := c.svc
		if got := ServiceOnFargate(&svc); got != c.want {
			t.Errorf("%s: ServiceOnFargate = %v, want %v", name, got, c.want)
		}
		if got := (&Service{Svc: svc}).OnFargate(); got != c.want {
			t.Errorf("%s: Service.OnFargate = %v, want %v", name, got, c.want)
		}
	}
	if ServiceOnFargate(nil) || (*Service)(nil).OnFargate() {
		t.Error("a nil service is not on Fargate")
	}
}

// An EXTERNAL service with a task set still on EC2 is not on Fargate;
// with every task set on Fargate it is.
func TestServiceExternalWithEC2TaskSetIsNotOnFargate(t *testing.T) {
	svc := ecstypes.Service{DeploymentController: &ecstypes.DeploymentController{Type: ecstypes.DeploymentControllerTypeExternal},
		TaskSets: []ecstypes.TaskSet{{LaunchType: ecstypes.LaunchTypeFargate}, {LaunchType: ecstypes.LaunchTypeEc2}}}
	if ServiceOnFargate(&svc) {
		t.Error("a task set on EC2 counted as on Fargate")
	}
	svc.TaskSets[1].LaunchType = ecstypes.LaunchTypeFargate
	if !ServiceOnFargate(&svc) {
		t.Error("every task set on Fargate, and the service not counted as on Fargate")
	}
	if ServiceOnFargate(&ecstypes.Service{}) {
		t.Error("a service with no launch type, strategy or task sets counted as on Fargate")
	}
}
