package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// clusters lists (or takes from the options) the clusters and describes
// them in batches; it returns their names.
func (r *reader) clusters(ctx context.Context) []string {
	arns := r.opts.Clusters
	if len(arns) == 0 {
		p := ecs.NewListClustersPaginator(r.ecs, &ecs.ListClustersInput{MaxResults: aws.Int32(listPageSize)})
		for p.HasMorePages() {
			var out *ecs.ListClustersOutput
			err := r.call(ctx, "ecs:ListClusters", func(ctx context.Context) (err error) { out, err = p.NextPage(ctx); return err })
			if err != nil {
				r.fail("", "ecs:ListClusters", err)
				return nil
			}
			arns = append(arns, out.ClusterArns...)
		}
	}
	var names []string
	for _, batch := range chunks(arns, describeClustersBatch) {
		var out *ecs.DescribeClustersOutput
		err := r.call(ctx, "ecs:DescribeClusters", func(ctx context.Context) (err error) {
			// SETTINGS says whether Container Insights is on, which
			// decides the metrics read for the cluster's services.
			out, err = r.ecs.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: batch,
				Include: []ecstypes.ClusterField{ecstypes.ClusterFieldSettings}})
			return err
		})
		if err != nil {
			r.fail("", "ecs:DescribeClusters", err)
			continue
		}
		for _, c := range out.Clusters {
			r.col.addCluster(c)
			names = append(names, aws.ToString(c.ClusterName))
			if fleet.ContainerInsightsOn(&c) {
				r.insights[aws.ToString(c.ClusterName)] = aws.ToString(c.ClusterArn)
			}
		}
		for _, f := range out.Failures {
			r.col.gap(r.scope+" cluster "+aws.ToString(f.Arn), "ecs:DescribeClusters: "+aws.ToString(f.Reason))
		}
	}
	r.prog.add(len(names), 0, 0)
	return names
}

func (r *reader) services(ctx context.Context, cluster string, refs *references) {
	var arns []string
	p := ecs.NewListServicesPaginator(r.ecs, &ecs.ListServicesInput{Cluster: &cluster, MaxResults: aws.Int32(listPageSize)})
	for p.HasMorePages() {
		var out *ecs.ListServicesOutput
		err := r.call(ctx, "ecs:ListServices", func(ctx context.Context) (err error) { out, err = p.NextPage(ctx); return err })
		if err != nil {
			r.fail("cluster "+cluster, "ecs:ListServices", err)
			return
		}
		arns = append(arns, out.ServiceArns...)
	}
	batches := chunks(arns, describeServicesBatch)
	parallel(len(batches), func(i int) {
		batch := batches[i]
		var out *ecs.DescribeServicesOutput
		err := r.call(ctx, "ecs:DescribeServices", func(ctx context.Context) (err error) {
			out, err = r.ecs.DescribeServices(ctx, &ecs.DescribeServicesInput{
				Cluster: &cluster, Services: batch, Include: []ecstypes.ServiceField{ecstypes.ServiceFieldTags},
			})
			return err
		})
		if err != nil {
			r.fail("cluster "+cluster, "ecs:DescribeServices", err)
			return
		}
		for _, s := range out.Services {
			r.col.addService(s)
			if refs.addService(s) {
				r.taskDefinition(ctx, aws.ToString(s.TaskDefinition))
			}
		}
		for _, f := range out.Failures {
			r.col.gap(r.scope+" cluster "+cluster+" service "+aws.ToString(f.Arn), "ecs:DescribeServices: "+aws.ToString(f.Reason))
		}
		r.prog.add(0, len(out.Services), 0)
	})
}

func (r *reader) containerInstances(ctx context.Context, cluster string, refs *references) {
	var arns []string
	p := ecs.NewListContainerInstancesPaginator(r.ecs, &ecs.ListContainerInstancesInput{Cluster: &cluster, MaxResults: aws.Int32(listPageSize)})
	for p.HasMorePages() {
		var out *ecs.ListContainerInstancesOutput
		err := r.call(ctx, "ecs:ListContainerInstances", func(ctx context.Context) (err error) { out, err = p.NextPage(ctx); return err })
		if err != nil {
			r.fail("cluster "+cluster, "ecs:ListContainerInstances", err)
			return
		}
		arns = append(arns, out.ContainerInstanceArns...)
	}
	batches := chunks(arns, describeContainerInstancesBatch)
	parallel(len(batches), func(i int) {
		batch := batches[i]
		var out *ecs.DescribeContainerInstancesOutput
		err := r.call(ctx, "ecs:DescribeContainerInstances", func(ctx context.Context) (err error) {
			out, err = r.ecs.DescribeContainerInstances(ctx, &ecs.DescribeContainerInstancesInput{Cluster: &cluster, ContainerInstances: batch})
			return err
		})
		if err != nil {
			r.fail("cluster "+cluster, "ecs:DescribeContainerInstances", err)
			return
		}
		for _, ci := range out.ContainerInstances {
			r.col.addContainerInstance(cluster, ci)
			refs.add(&refs.instances, aws.ToString(ci.Ec2InstanceId))
		}
	})
}

// taskDefinition fetches one task definition, with tags, on its own
// goroutine (r.tdWait waits for it). Services start it as soon as a
// DescribeServices batch names a task definition not seen before, so
// that ECS's DescribeTaskDefinition bucket, which a sweep spends most on,
// drains while DescribeServices' does rather than after it.
func (r *reader) taskDefinition(ctx context.Context, arn string) {
	r.tdWait.Add(1)
	go func() {
		defer r.tdWait.Done()
		if c := r.opts.TaskDefinitions; c != nil {
			if td, tags, ok := c.Get(arn); ok {
				r.prog.fromCache()
				r.addTaskDefinition(ctx, td, tags, r.images)
				return
			}
		}
		var out *ecs.DescribeTaskDefinitionOutput
		err := r.call(ctx, "ecs:DescribeTaskDefinition", func(ctx context.Context) (err error) {
			out, err = r.ecs.DescribeTaskDefinition(ctx, &ecs.DescribeTaskDefinitionInput{
				TaskDefinition: aws.String(arn), Include: []ecstypes.TaskDefinitionField{ecstypes.TaskDefinitionFieldTags},
			})
			return err
		})
		if err != nil || out.TaskDefinition == nil {
			r.fail("task definition "+arn, "ecs:DescribeTaskDefinition", err)
			return
		}
		if c := r.opts.TaskDefinitions; c != nil {
			c.Put(*out.TaskDefinition, out.Tags) // a failed write only loses the copy
		}
		r.addTaskDefinition(ctx, *out.TaskDefinition, out.Tags, r.images)
	}()
}

// addTaskDefinition records a task definition and asks for its images.
func (r *reader) addTaskDefinition(ctx context.Context, td ecstypes.TaskDefinition, tags []ecstypes.Tag, images *imageFetcher) {
	r.col.addTaskDefinition(td, tags)
	var refsSeen []string
	for _, c := range td.ContainerDefinitions {
		refsSeen = append(refsSeen, aws.ToString(c.Image))
	}
	images.see(ctx, refsSeen)
}

// addService records what a service references, and says whether its
// task definition is one not seen before.
func (refs *references) addService(s ecstypes.Service) (newTaskDef bool) {
	newTaskDef = refs.addNew(&refs.taskDefs, aws.ToString(s.TaskDefinition))
	refs.addServiceRef(serviceRef{arn: aws.ToString(s.ServiceArn), cluster: fleet.ClusterName(aws.ToString(s.ClusterArn)), name: aws.ToString(s.ServiceName)})
	for _, lb := range s.LoadBalancers {
		refs.add(&refs.targetGroups, aws.ToString(lb.TargetGroupArn))
	}
	if nc := s.NetworkConfiguration; nc != nil && nc.AwsvpcConfiguration != nil {
		refs.add(&refs.subnets, nc.AwsvpcConfiguration.Subnets...)
	}
	return newTaskDef
}
