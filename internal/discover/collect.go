package discover

import (
	"bytes"
	"sort"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// collector gathers what the readers found, from many goroutines, and
// turns it into a fleet through the snapshot format, so that live and
// offline runs share one loader.
type collector struct {
	mu sync.Mutex
	f  fleet.Fleet
}

func (c *collector) gap(scope, reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Gaps = append(c.f.Gaps, fleet.Gap{Scope: scope, Reason: reason})
}

func (c *collector) addCluster(cl ecstypes.Cluster) {
	raw := mustEncode(cl, awsjson.ECSCLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Clusters = append(c.f.Clusters, &fleet.Cluster{Name: ptr.Value(cl.ClusterName), Detail: &cl, DetailDoc: fleet.Doc{Raw: raw}})
}

func (c *collector) addService(s ecstypes.Service) {
	raw := mustEncode(s, awsjson.ECSCLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Services = append(c.f.Services, &fleet.Service{Svc: s, Doc: fleet.Doc{Raw: raw}})
}

func (c *collector) addContainerInstance(cluster string, ci ecstypes.ContainerInstance) {
	raw := mustEncode(ci, awsjson.ECSCLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.ContainerInstances = append(c.f.ContainerInstances, &fleet.ContainerInstance{CI: ci, Cluster: cluster, Doc: fleet.Doc{Raw: raw}})
}

func (c *collector) addTaskDefinition(td ecstypes.TaskDefinition, tags []ecstypes.Tag) {
	raw := mustEncode(td, awsjson.ECSCLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.TaskDefinitions = append(c.f.TaskDefinitions, &fleet.TaskDefinition{Def: td, Tags: tags, Doc: fleet.Doc{Raw: raw}})
}

// addInstance adds an instance of a reservation owned by owner (the
// account), which the instance document does not carry; the snapshot keeps it.
func (c *collector) addInstance(in ec2types.Instance, owner string) {
	raw := mustEncode(in, awsjson.EC2CLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Instances = append(c.f.Instances, &fleet.Instance{EC2: in, Doc: fleet.Doc{Raw: raw}, Identity: fleet.Identity{Account: owner}})
}

func (c *collector) addVolume(v ec2types.Volume) {
	raw := mustEncode(v, awsjson.EC2CLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Volumes = append(c.f.Volumes, &fleet.Volume{EC2: v, Doc: fleet.Doc{Raw: raw}})
}

func (c *collector) addSubnet(sn ec2types.Subnet) {
	raw := mustEncode(sn, awsjson.EC2CLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Subnets = append(c.f.Subnets, &fleet.Subnet{EC2: sn, Doc: fleet.Doc{Raw: raw}})
}

func (c *collector) addImage(img ecrtypes.ImageDetail) {
	raw := mustEncode(img, awsjson.ECSCLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Images = append(c.f.Images, &fleet.Image{Detail: img, Doc: fleet.Doc{Raw: raw}})
}

func (c *collector) addTargetGroup(tg elbtypes.TargetGroup) {
	raw := mustEncode(tg, awsjson.EC2CLI)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.TargetGroups = append(c.f.TargetGroups, &fleet.TargetGroup{TG: tg, Doc: fleet.Doc{Raw: raw}})
}

func (c *collector) addClusterMetrics(m fleet.ClusterMetrics) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.ClusterMetrics = append(c.f.ClusterMetrics, m)
}

func (c *collector) addMetrics(m fleet.ServiceMetrics) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Metrics = append(c.f.Metrics, m)
}

// fleet sorts what was found (goroutines finish in any order) and loads
// it through the snapshot format.
func (c *collector) fleet() (*fleet.Fleet, []fleet.Diagnostic) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sort()
	var buf bytes.Buffer
	if err := fleet.WriteSnapshot(&buf, &c.f, fleet.SnapshotMeta{}); err != nil {
		return &fleet.Fleet{Gaps: c.f.Gaps}, []fleet.Diagnostic{{File: "<aws>", Level: fleet.LevelError, Message: err.Error()}}
	}
	return fleet.LoadBytes("<aws>", buf.Bytes())
}

func (c *collector) sort() {
	sort.Slice(c.f.TaskDefinitions, func(i, j int) bool {
		return ptr.Value(c.f.TaskDefinitions[i].Def.TaskDefinitionArn) < ptr.Value(c.f.TaskDefinitions[j].Def.TaskDefinitionArn)
	})
	sort.Slice(c.f.Services, func(i, j int) bool {
		return ptr.Value(c.f.Services[i].Svc.ServiceArn) < ptr.Value(c.f.Services[j].Svc.ServiceArn)
	})
	sort.Slice(c.f.Clusters, func(i, j int) bool {
		return ptr.Value(c.f.Clusters[i].Detail.ClusterArn) < ptr.Value(c.f.Clusters[j].Detail.ClusterArn)
	})
	sort.Slice(c.f.ContainerInstances, func(i, j int) bool {
		return ptr.Value(c.f.ContainerInstances[i].CI.ContainerInstanceArn) < ptr.Value(c.f.ContainerInstances[j].CI.ContainerInstanceArn)
	})
	sort.Slice(c.f.Instances, func(i, j int) bool {
		return ptr.Value(c.f.Instances[i].EC2.InstanceId) < ptr.Value(c.f.Instances[j].EC2.InstanceId)
	})
	sort.Slice(c.f.Subnets, func(i, j int) bool {
		return ptr.Value(c.f.Subnets[i].EC2.SubnetId) < ptr.Value(c.f.Subnets[j].EC2.SubnetId)
	})
	sort.Slice(c.f.Volumes, func(i, j int) bool {
		return ptr.Value(c.f.Volumes[i].EC2.VolumeId) < ptr.Value(c.f.Volumes[j].EC2.VolumeId)
	})
	sort.Slice(c.f.Images, func(i, j int) bool {
		return ptr.Value(c.f.Images[i].Detail.RepositoryName)+ptr.Value(c.f.Images[i].Detail.ImageDigest) <
			ptr.Value(c.f.Images[j].Detail.RepositoryName)+ptr.Value(c.f.Images[j].Detail.ImageDigest)
	})
	sort.Slice(c.f.TargetGroups, func(i, j int) bool {
		return ptr.Value(c.f.TargetGroups[i].TG.TargetGroupArn) < ptr.Value(c.f.TargetGroups[j].TG.TargetGroupArn)
	})
	sort.Slice(c.f.Metrics, func(i, j int) bool { return c.f.Metrics[i].ServiceArn < c.f.Metrics[j].ServiceArn })
	sort.Slice(c.f.ClusterMetrics, func(i, j int) bool { return c.f.ClusterMetrics[i].ClusterArn < c.f.ClusterMetrics[j].ClusterArn })
	sort.Slice(c.f.Gaps, func(i, j int) bool {
		return c.f.Gaps[i].Scope+c.f.Gaps[i].Reason < c.f.Gaps[j].Scope+c.f.Gaps[j].Reason
	})
}

func mustEncode(v any, s awsjson.Style) []byte {
	b, err := awsjson.Marshal(v, s)
	if err != nil {
		// Only SDK structs of strings, numbers and times reach here.
		panic(err)
	}
	return b
}

// merge adds what another collector found (one account-region's).
func (c *collector) merge(o *collector) {
	o.mu.Lock()
	defer o.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.f.Gaps = append(c.f.Gaps, o.f.Gaps...)
	c.f.Clusters = append(c.f.Clusters, o.f.Clusters...)
	c.f.Services = append(c.f.Services, o.f.Services...)
	c.f.ContainerInstances = append(c.f.ContainerInstances, o.f.ContainerInstances...)
	c.f.TaskDefinitions = append(c.f.TaskDefinitions, o.f.TaskDefinitions...)
	c.f.Instances = append(c.f.Instances, o.f.Instances...)
	c.f.Volumes = append(c.f.Volumes, o.f.Volumes...)
	c.f.Subnets = append(c.f.Subnets, o.f.Subnets...)
	c.f.Images = append(c.f.Images, o.f.Images...)
	c.f.TargetGroups = append(c.f.TargetGroups, o.f.TargetGroups...)
	c.f.ClusterMetrics = append(c.f.ClusterMetrics, o.f.ClusterMetrics...)
	c.f.Metrics = append(c.f.Metrics, o.f.Metrics...)
}
