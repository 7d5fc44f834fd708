package rewrite

import (
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// platformLatest is the platform version the rewrite asks for: Linux
// 1.4.0 or Windows 1.0.0 today, and whatever is current later.
const platformLatest = "LATEST"

// planPlatform sets platformVersion LATEST, which every request the plan
// writes names (so the platform-version fix's ask is met here too); a
// service already on Fargate without one runs LATEST already.
func (p *servicePlan) planPlatform() {
	before := aws.ToString(p.svc.PlatformVersion)
	if before == platformLatest || before == "" && fleet.ServiceOnFargate(p.svc) {
		return
	}
	p.change(analyzer.RulePlatformVersion, "platformVersion", before, platformLatest, false,
		"platform version LATEST (Linux 1.4.0, Windows 1.0.0); versions before 1.4.0 are retired")
}

// updateServiceInput is the in-place move: all Fargate settings in one
// UpdateService call, so ECS starts the Fargate tasks in one deployment.
func (p *servicePlan) updateServiceInput() *ecs.UpdateServiceInput {
	in := &ecs.UpdateServiceInput{
		Cluster:                  p.clusterName(),
		Service:                  aws.String(p.s.Name()),
		TaskDefinition:           aws.String(p.newTD),
		CapacityProviderStrategy: p.strategy,
		PlatformVersion:          aws.String(platformLatest),
		NetworkConfiguration:     p.network,
		PlacementConstraints:     []ecstypes.PlacementConstraint{},
		PlacementStrategy:        []ecstypes.PlacementStrategy{},
		ForceNewDeployment:       true,
		VolumeConfigurations:     p.volumes,
	}
	if p.lbChanged {
		in.LoadBalancers = svcNonNilLBs(p.lbs)
	}
	return in
}

func (p *servicePlan) updateServiceDoc() (json.RawMessage, error) {
	return p.requestJSON(p.updateServiceInput(), awsjson.ECSCLI, updateServiceOrder)
}

// clusterName is the service's cluster; nil (the default cluster) when the
// input did not say, which a remaining finding reports.
func (p *servicePlan) clusterName() *string {
	if p.s.Cluster != "" {
		return aws.String(p.s.Cluster)
	}
	p.remain(analyzer.RuleInPlaceSwitch, "cluster", "the input names no cluster for the service (no clusterArn): the request targets the default cluster")
	return nil
}

func svcNonNilLBs(lbs []ecstypes.LoadBalancer) []ecstypes.LoadBalancer {
	if lbs == nil {
		return []ecstypes.LoadBalancer{}
	}
	return lbs
}
