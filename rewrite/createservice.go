package rewrite

import (
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
)

// sideBySideSuffix names the new service: <service>-fargate.
const sideBySideSuffix = "-fargate"

// maxServiceName is ECS's limit on service names.
const maxServiceName = 255

// createServiceInput is a new Fargate service beside one that cannot move
// in place. It carries what describe-services shows of the old one
// (deployment settings, service registries, tags, ECS Exec) and leaves out
// what Fargate or a new service cannot have (role, placement, DAEMON).
func (p *servicePlan) createServiceInput() *ecs.CreateServiceInput {
	svc := p.svc
	in := &ecs.CreateServiceInput{
		Cluster:                     p.clusterName(),
		ServiceName:                 aws.String(p.sideBySideName()),
		TaskDefinition:              aws.String(p.newTD),
		DesiredCount:                aws.Int32(p.sideBySideCount()),
		CapacityProviderStrategy:    p.strategy,
		PlatformVersion:             aws.String(platformLatest),
		NetworkConfiguration:        p.network,
		SchedulingStrategy:          ecstypes.SchedulingStrategyReplica,
		DeploymentConfiguration:     svc.DeploymentConfiguration,
		DeploymentController:        svc.DeploymentController,
		ServiceRegistries:           svcNilIfEmpty(svc.ServiceRegistries),
		Tags:                        svcNilIfEmpty(svc.Tags),
		PropagateTags:               svc.PropagateTags,
		EnableECSManagedTags:        svc.EnableECSManagedTags,
		EnableExecuteCommand:        svc.EnableExecuteCommand,
		AvailabilityZoneRebalancing: svc.AvailabilityZoneRebalancing,
	}
	if len(in.CapacityProviderStrategy) == 0 {
		in.LaunchType = ecstypes.LaunchTypeFargate // never the cluster's default strategy, which may be EC2
	}
	if len(p.lbs) > 0 {
		in.LoadBalancers = p.lbs
		in.HealthCheckGracePeriodSeconds = svc.HealthCheckGracePeriodSeconds
	}
	return in
}

func (p *servicePlan) createServiceDoc() (json.RawMessage, error) {
	for i := range p.changes { // a new service has no placement to clear
		if c := &p.changes[i]; c.Path == "placementConstraints" || c.Path == "placementStrategy" {
			c.After = nil
		}
	}
	p.sideBySideChanges()
	return p.requestJSON(p.createServiceInput(), awsjson.ECSCLI, createServiceOrder)
}

func (p *servicePlan) sideBySideName() string {
	name := p.s.Name()
	if len(name)+len(sideBySideSuffix) > maxServiceName {
		name = name[:maxServiceName-len(sideBySideSuffix)]
	}
	return name + sideBySideSuffix
}

// sideBySideChanges explains how the new service differs from the old one
// beyond the Fargate settings both documents share.
func (p *servicePlan) sideBySideChanges() {
	svc := p.svc
	p.change(analyzer.RuleImmutableServiceFields, "serviceName", p.s.Name(), p.sideBySideName(), false,
		"a new service beside the old one (the old one cannot move in place); move traffic to it, then scale the old one to 0 and delete it")
	if svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		p.change(analyzer.RuleSchedulingDaemon, "schedulingStrategy", string(svc.SchedulingStrategy), string(ecstypes.SchedulingStrategyReplica), true,
			"DAEMON becomes REPLICA: Fargate has no hosts, so the tasks no longer run one per instance")
		p.change(analyzer.RuleSchedulingDaemon, "desiredCount", svcPositive(svc.DesiredCount), p.sideBySideCount(), true, p.daemonCountMessage())
	}
	if ask := p.asks.role; ask != nil {
		p.change(ask.rule, "role", aws.ToString(svc.RoleArn), nil, false, ask.msg)
	}
	p.uncarriedDeploymentSettings()
}

// uncarriedDeploymentSettings reports settings describe-services shows
// only on deployments, which the new service does not copy: Service Connect
// names would clash with the old service's, and EBS volume settings
// depend on the task definition's volume.
func (p *servicePlan) uncarriedDeploymentSettings() {
	for _, i := range svcPrimaryDeployments(p.svc) {
		d := p.svc.Deployments[i]
		if d.ServiceConnectConfiguration != nil {
			p.remain(analyzer.RuleImmutableServiceFields, svcIndexPath("deployments", i, "serviceConnectConfiguration"),
				"Service Connect settings were not copied to the new service: two services cannot publish the same names; move them when the old service is gone")
		}
		if len(d.VolumeConfigurations) > 0 {
			p.remain(analyzer.RuleImmutableServiceFields, svcIndexPath("deployments", i, "volumeConfigurations"),
				"the volumes configured at launch were not copied to the new service: add volumeConfigurations to create-service by hand")
		}
	}
}

// svcPrimaryDeployments gives the PRIMARY deployment, or every deployment
// when none is marked (hand-written input).
func svcPrimaryDeployments(svc *ecstypes.Service) []int {
	var all, primary []int
	for i, d := range svc.Deployments {
		all = append(all, i)
		if aws.ToString(d.Status) == "PRIMARY" {
			primary = append(primary, i)
		}
	}
	if len(primary) > 0 {
		return primary
	}
	return all
}

// svcPositive is n, or nil (absent) when n is 0.
func svcPositive(n int32) any {
	if n > 0 {
		return n
	}
	return nil
}

// svcNilIfEmpty drops an empty list, so the request leaves the member out.
func svcNilIfEmpty[T any](items []T) []T {
	if len(items) == 0 {
		return nil
	}
	return items
}
