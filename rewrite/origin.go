package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// origin is where a task definition lives: partition, account and Region,
// read from its ARN, else from the services that run it, else from its
// ECR images. Empty parts are unknown.
type origin struct {
	partition, account, region string
}

func originOf(td *fleet.TaskDefinition, services []*fleet.Service) origin {
	o := origin{}
	add := func(arn string) {
		a, ok := fleet.ParseARN(arn)
		if !ok {
			return
		}
		if o.partition == "" {
			o.partition = a.Partition
		}
		if o.account == "" {
			o.account = a.Account
		}
		if o.region == "" {
			o.region = a.Region
		}
	}
	add(ptr.Value(td.Def.TaskDefinitionArn))
	for _, s := range services {
		add(ptr.Value(s.Svc.ServiceArn))
		add(ptr.Value(s.Svc.ClusterArn))
	}
	add(ptr.Value(td.Def.TaskRoleArn)) // IAM ARNs carry an account but no Region
	for _, c := range td.Def.ContainerDefinitions {
		if r := fleet.ParseImageRef(ptr.Value(c.Image)); r.IsECR() {
			if o.account == "" {
				o.account = r.Account
			}
			if o.region == "" {
				o.region = r.Region
			}
		}
	}
	if o.partition == "" {
		o.partition = "aws"
	}
	return o
}
