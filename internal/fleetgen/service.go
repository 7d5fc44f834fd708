package fleetgen

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// addService generates the service that runs revision rev of f in cl.
func (g *gen) addService(cl *cluster, f *family, rev int32) {
	s := ecstypes.Service{
		ServiceArn:              aws.String(g.arn("ecs", fmt.Sprintf("service/%s/%s", cl.name, f.name))),
		ServiceName:             aws.String(f.name),
		ClusterArn:              aws.String(g.clusterArn(cl)),
		TaskDefinition:          aws.String(g.taskDefArn(f, rev)),
		Status:                  aws.String("ACTIVE"),
		DesiredCount:            f.desired,
		RunningCount:            f.desired,
		LaunchType:              ecstypes.LaunchTypeEc2,
		SchedulingStrategy:      ecstypes.SchedulingStrategyReplica,
		DeploymentController:    &ecstypes.DeploymentController{Type: ecstypes.DeploymentControllerTypeEcs},
		DeploymentConfiguration: deploymentConfig(200, 100),
		PlacementConstraints:    []ecstypes.PlacementConstraint{},
		PlacementStrategy:       []ecstypes.PlacementStrategy{},
		LoadBalancers:           []ecstypes.LoadBalancer{},
		ServiceRegistries:       []ecstypes.ServiceRegistry{},
		CreatedAt:               g.at(700),
		CreatedBy:               aws.String(fmt.Sprintf("arn:aws:iam::%s:role/deploy-pipeline", g.o.Account)),
		PropagateTags:           ecstypes.PropagateTagsTaskDefinition,
		EnableECSManagedTags:    true,
		Tags:                    []ecstypes.Tag{{Key: aws.String("env"), Value: aws.String(cl.env)}},
	}
	if g.chance(30) {
		s.LaunchType = ""
		s.CapacityProviderStrategy = []ecstypes.CapacityProviderStrategyItem{{CapacityProvider: aws.String(cl.name + "-asg"), Weight: 1}}
	}
	g.placeService(&s, f)
	g.networkService(cl, &s, f)
	s.Deployments = []ecstypes.Deployment{{Id: aws.String("ecs-svc/" + g.hex(16)), Status: aws.String("PRIMARY"),
		TaskDefinition: s.TaskDefinition, DesiredCount: s.DesiredCount, RunningCount: s.RunningCount, LaunchType: s.LaunchType,
		CapacityProviderStrategy: s.CapacityProviderStrategy, NetworkConfiguration: s.NetworkConfiguration,
		PlatformVersion: s.PlatformVersion, PlatformFamily: s.PlatformFamily,
		CreatedAt: s.CreatedAt, UpdatedAt: s.CreatedAt, RolloutState: ecstypes.DeploymentRolloutStateCompleted,
		RolloutStateReason: aws.String("ECS deployment " + "completed.")}}
	s.Events = []ecstypes.ServiceEvent{{Id: aws.String(g.hex(8) + "-" + g.hex(4) + "-" + g.hex(4) + "-" + g.hex(4) + "-" + g.hex(12)),
		CreatedAt: s.CreatedAt, Message: aws.String(fmt.Sprintf("(service %s) has reached a steady state.", f.name))}}
	cl.services = append(cl.services, s)
	cl.families = append(cl.families, f)
}

func deploymentConfig(maxPct, minPct int32) *ecstypes.DeploymentConfiguration {
	return &ecstypes.DeploymentConfiguration{MaximumPercent: aws.Int32(maxPct), MinimumHealthyPercent: aws.Int32(minPct),
		DeploymentCircuitBreaker: &ecstypes.DeploymentCircuitBreaker{Enable: true, Rollback: true}}
}

// placeService sets how ECS places the service's tasks on instances.
func (g *gen) placeService(s *ecstypes.Service, f *family) {
	switch {
	case f.kind == kindDaemon:
		s.SchedulingStrategy = ecstypes.SchedulingStrategyDaemon
		s.DeploymentConfiguration = deploymentConfig(100, 0)
	case f.kind == kindHostNet || f.placement == 2:
		s.PlacementConstraints = []ecstypes.PlacementConstraint{{Type: ecstypes.PlacementConstraintTypeDistinctInstance}}
	case f.placement == 1:
		s.PlacementStrategy = []ecstypes.PlacementStrategy{
			{Type: ecstypes.PlacementStrategyTypeSpread, Field: aws.String("attribute:ecs.availability-zone")},
			{Type: ecstypes.PlacementStrategyTypeBinpack, Field: aws.String("memory")}}
	}
}
