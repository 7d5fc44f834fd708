package awsfake

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// Shape sizes a generated estate.
type Shape struct {
	Clusters        int
	Services        int // in all, spread over the clusters
	TaskDefinitions int // distinct, shared by the services round-robin
	Instances       int // container instances in all
	// Every LoadBalanced-th service has a target group (0 = none).
	LoadBalanced int
	// ContainerInsights turns Container Insights on in every cluster's
	// settings, so discovery reads its absolute figures too.
	ContainerInsights bool
	// Repositories, when set, is how many ECR repositories the task
	// definitions' images share (round-robin, one image each); by default
	// every task definition has its own repository.
	Repositories int
}

// Generate builds a deterministic estate of the given shape: services on
// the EC2 launch type in bridge mode, each task definition with one ECR
// image of this account and region, container instances on two subnets.
func Generate(account, region string, sh Shape) *Estate {
	e := NewEstate()
	arn := func(kind, name string) string {
		return fmt.Sprintf("arn:aws:ecs:%s:%s:%s/%s", region, account, kind, name)
	}
	subnets := []string{"subnet-0a" + region, "subnet-0b" + region}
	for i, id := range subnets {
		e.Subnets = append(e.Subnets, ec2types.Subnet{SubnetId: aws.String(id), VpcId: aws.String("vpc-1"),
			AvailabilityZone: aws.String(fmt.Sprintf("%s%c", region, 'a'+i)), CidrBlock: aws.String(fmt.Sprintf("10.0.%d.0/24", i)),
			AvailableIpAddressCount: aws.Int32(200)})
	}
	for t := 0; t < sh.TaskDefinitions; t++ {
		family := fmt.Sprintf("app-%03d", t)
		repo, digest := fmt.Sprintf("team/%s", family), t
		if sh.Repositories > 0 {
			digest = t % sh.Repositories
			repo = fmt.Sprintf("team/shared-%03d", digest)
		}
		image := fmt.Sprintf("%s.dkr.ecr.%s.amazonaws.com/%s:v1", account, region, repo)
		tdArn := arn("task-definition", family+":1")
		e.TaskDefinitions[tdArn] = TaskDefinition{
			Def: ecstypes.TaskDefinition{TaskDefinitionArn: aws.String(tdArn), Family: aws.String(family), Revision: 1,
				NetworkMode: ecstypes.NetworkModeBridge, Status: ecstypes.TaskDefinitionStatusActive,
				ContainerDefinitions: []ecstypes.ContainerDefinition{{Name: aws.String("app"), Image: aws.String(image),
					Cpu: 256, Memory: aws.Int32(512), Essential: aws.Bool(true),
					PortMappings: []ecstypes.PortMapping{{ContainerPort: aws.Int32(8080), HostPort: aws.Int32(0), Protocol: ecstypes.TransportProtocolTcp}}}}},
			Tags: []ecstypes.Tag{{Key: aws.String("team"), Value: aws.String("t" + fmt.Sprint(t%7))}},
		}
		e.Images[repo] = []ecrtypes.ImageDetail{{RegistryId: aws.String(account), RepositoryName: aws.String(repo),
			ImageDigest: aws.String(fmt.Sprintf("sha256:%064d", digest)), ImageTags: []string{"v1"}, ImageSizeInBytes: aws.Int64(int64(50+digest%400) << 20)}}
	}
	for c := 0; c < sh.Clusters; c++ {
		name := fmt.Sprintf("cluster-%02d", c)
		cl := ecstypes.Cluster{ClusterName: aws.String(name), ClusterArn: aws.String(arn("cluster", name)), Status: aws.String("ACTIVE")}
		if sh.ContainerInsights {
			cl.Settings = []ecstypes.ClusterSetting{{Name: ecstypes.ClusterSettingNameContainerInsights, Value: aws.String("enabled")}}
		}
		e.Clusters = append(e.Clusters, cl)
	}
	for i := 0; i < sh.Instances && sh.Clusters > 0; i++ {
		cluster := fmt.Sprintf("cluster-%02d", i%sh.Clusters)
		id := fmt.Sprintf("i-%017x", i+1)
		e.Instances = append(e.Instances, ec2types.Instance{InstanceId: aws.String(id), InstanceType: ec2types.InstanceTypeM5Xlarge,
			SubnetId: aws.String(subnets[i%2]), VpcId: aws.String("vpc-1"), Architecture: ec2types.ArchitectureValuesX8664,
			Placement: &ec2types.Placement{AvailabilityZone: aws.String(region + "a")}})
		e.Volumes = append(e.Volumes, ec2types.Volume{VolumeId: aws.String(fmt.Sprintf("vol-%017x", i+1)), Size: aws.Int32(30),
			VolumeType: ec2types.VolumeTypeGp3, Iops: aws.Int32(3000), Throughput: aws.Int32(125),
			Attachments: []ec2types.VolumeAttachment{{InstanceId: aws.String(id), Device: aws.String("/dev/xvda"), State: ec2types.VolumeAttachmentStateAttached}}})
		e.ContainerInstances[cluster] = append(e.ContainerInstances[cluster], ecstypes.ContainerInstance{
			ContainerInstanceArn: aws.String(arn("container-instance", fmt.Sprintf("%s/%032x", cluster, i+1))),
			Ec2InstanceId:        aws.String(id), Status: aws.String("ACTIVE"), AgentConnected: true,
			RegisteredResources: []ecstypes.Resource{{Name: aws.String("CPU"), Type: aws.String("INTEGER"), IntegerValue: 4096},
				{Name: aws.String("MEMORY"), Type: aws.String("INTEGER"), IntegerValue: 15788}},
			Attributes: []ecstypes.Attribute{{Name: aws.String("ecs.instance-type"), Value: aws.String("m5.xlarge")}},
		})
	}
	// Container Insights' average host count: half a host fewer than the
	// snapshot holds, as if one host ran half the window.
	for c := 0; c < sh.Clusters; c++ {
		name := fmt.Sprintf("cluster-%02d", c)
		e.Metrics[name] = Utilisation{"ContainerInstanceCount": {"Average": float64(len(e.ContainerInstances[name])) - 0.5}}
	}
	for s := 0; s < sh.Services && sh.Clusters > 0 && sh.TaskDefinitions > 0; s++ {
		cluster := fmt.Sprintf("cluster-%02d", s%sh.Clusters)
		name := fmt.Sprintf("svc-%05d", s)
		family := fmt.Sprintf("app-%03d", s%sh.TaskDefinitions)
		svc := ecstypes.Service{ServiceName: aws.String(name), ServiceArn: aws.String(arn("service", cluster+"/"+name)),
			ClusterArn: aws.String(arn("cluster", cluster)), TaskDefinition: aws.String(arn("task-definition", family+":1")),
			LaunchType: ecstypes.LaunchTypeEc2, DesiredCount: 2, RunningCount: 2, SchedulingStrategy: ecstypes.SchedulingStrategyReplica,
			Status: aws.String("ACTIVE")}
		if sh.LoadBalanced > 0 && s%sh.LoadBalanced == 0 {
			tgArn := fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:targetgroup/%s/%016x", region, account, name, s)
			svc.LoadBalancers = []ecstypes.LoadBalancer{{TargetGroupArn: aws.String(tgArn), ContainerName: aws.String("app"), ContainerPort: aws.Int32(8080)}}
			e.TargetGroups = append(e.TargetGroups, elbtypes.TargetGroup{TargetGroupArn: aws.String(tgArn), TargetGroupName: aws.String(name),
				Protocol: elbtypes.ProtocolEnumHttp, Port: aws.Int32(80), VpcId: aws.String("vpc-1"), TargetType: elbtypes.TargetTypeEnumInstance,
				HealthCheckPath: aws.String("/health"), HealthCheckPort: aws.String("traffic-port")})
		}
		e.Services[cluster] = append(e.Services[cluster], svc)
		// Percentages of the task's 256 CPU units and 512 MiB; Container
		// Insights' totals over the 1.5 average tasks.
		e.Metrics[cluster+"/"+name] = Utilisation{
			"CPUUtilization":    {"Maximum": float64(40 + s%60), "p99": float64(30 + s%50), "Average": float64(20 + s%30)},
			"MemoryUtilization": {"Maximum": float64(50 + s%45), "p99": float64(45 + s%40), "Average": float64(40 + s%35)},
			"RunningTaskCount":  {"Average": float64(svc.DesiredCount) * 0.75},
			"CpuUtilized":       {"Maximum": 1.5 * 2.56 * float64(40+s%60), "p99": 1.5 * 2.56 * float64(30+s%50), "Average": 1.5 * 2.56 * float64(20+s%30)},
			"MemoryUtilized":    {"Maximum": 1.5 * 5.12 * float64(50+s%45), "p99": 1.5 * 5.12 * float64(45+s%40), "Average": 1.5 * 5.12 * float64(40+s%35)},
		}
	}
	return e
}
