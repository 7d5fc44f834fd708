package awsfake

import (
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// Estate is what one account holds in one region.
type Estate struct {
	Clusters           []ecstypes.Cluster
	Services           map[string][]ecstypes.Service           // by cluster name
	ContainerInstances map[string][]ecstypes.ContainerInstance // by cluster name
	TaskDefinitions    map[string]TaskDefinition               // by ARN
	Instances          []ec2types.Instance
	Subnets            []ec2types.Subnet
	Volumes            []ec2types.Volume
	Images             map[string][]ecrtypes.ImageDetail // by repository name
	TargetGroups       []elbtypes.TargetGroup
	Listeners          []elbtypes.Listener
	Rules              map[string][]elbtypes.Rule                    // by listener ARN, the default rule included
	Targets            map[string][]elbtypes.TargetHealthDescription // by target group ARN
	LogGroups          []string
	// FailDeployments makes every UpdateService deployment fail its
	// circuit breaker and roll back.
	FailDeployments bool
	// StallDeployments keeps every deployment in progress for ever.
	StallDeployments bool
	deployments      map[string]*deployment // by cluster/service
	// Metrics by "cluster/service" (service metrics) or "cluster"
	// (cluster metrics).
	Metrics map[string]Utilisation
	// MetricDays, by the same keys, is how many of the most recent days
	// have data (all of the window when absent): fewer makes a gap.
	MetricDays map[string]int
}

// TaskDefinition is a task definition with the tags DescribeTaskDefinition
// returns when asked to include them.
type TaskDefinition struct {
	Def  ecstypes.TaskDefinition
	Tags []ecstypes.Tag
}

// NewEstate returns an empty estate ready to fill.
func NewEstate() *Estate {
	return &Estate{
		Services:           map[string][]ecstypes.Service{},
		ContainerInstances: map[string][]ecstypes.ContainerInstance{},
		TaskDefinitions:    map[string]TaskDefinition{},
		Images:             map[string][]ecrtypes.ImageDetail{},
		Metrics:            map[string]Utilisation{},
		MetricDays:         map[string]int{},
	}
}

func (e *Estate) cluster(nameOrArn string) (ecstypes.Cluster, bool) {
	for _, c := range e.Clusters {
		if ptr.Value(c.ClusterName) == nameOrArn || ptr.Value(c.ClusterArn) == nameOrArn {
			return c, true
		}
	}
	return ecstypes.Cluster{}, false
}
