package rewrite

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// svcBenchFleet is 100 clusters of 100 bridge services, each behind an
// instance target group, each cluster with 20 container instances in two
// subnets: every service needs a network configuration, a new target
// group and cleared placement settings.
func svcBenchFleet() *fleet.Fleet {
	f := &fleet.Fleet{}
	for c := range 100 {
		name := fmt.Sprintf("cluster-%03d", c)
		cl := &fleet.Cluster{Name: name}
		for i := range 20 {
			in := &fleet.Instance{EC2: ec2types.Instance{InstanceId: aws.String(fmt.Sprintf("i-%03d%03d", c, i)),
				SubnetId: aws.String(fmt.Sprintf("subnet-%03d-%d", c, i%2)), VpcId: aws.String("vpc-1"),
				SecurityGroups: []ec2types.GroupIdentifier{{GroupId: aws.String("sg-host")}}}}
			ci := &fleet.ContainerInstance{Cluster: name, Instance: in}
			f.Instances = append(f.Instances, in)
			cl.ContainerInstances = append(cl.ContainerInstances, ci)
			f.ContainerInstances = append(f.ContainerInstances, ci)
		}
		for i := range 100 {
			family := fmt.Sprintf("svc-%03d-%03d", c, i)
			tgARN := "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/" + family + "/0123456789abcdef"
			f.TargetGroups = append(f.TargetGroups, &fleet.TargetGroup{TG: elbtypes.TargetGroup{TargetGroupArn: aws.String(tgARN),
				TargetGroupName: aws.String(family), TargetType: elbtypes.TargetTypeEnumInstance, Protocol: elbtypes.ProtocolEnumHttp,
				Port: aws.Int32(80), VpcId: aws.String("vpc-1"), HealthCheckPath: aws.String("/health"), HealthCheckPort: aws.String("traffic-port")}})
			s := &fleet.Service{Cluster: name, Svc: ecstypes.Service{ServiceName: aws.String(family), LaunchType: ecstypes.LaunchTypeEc2,
				TaskDefinition: aws.String(family + ":1"), DesiredCount: 2,
				LoadBalancers:     []ecstypes.LoadBalancer{{TargetGroupArn: aws.String(tgARN), ContainerName: aws.String("app"), ContainerPort: aws.Int32(8080)}},
				PlacementStrategy: []ecstypes.PlacementStrategy{{Type: ecstypes.PlacementStrategyTypeSpread, Field: aws.String("attribute:ecs.availability-zone")}}}}
			cl.Services = append(cl.Services, s)
			f.Services = append(f.Services, s)
		}
		f.Clusters = append(f.Clusters, cl)
	}
	return f
}

// BenchmarkService10k rewrites every service of a 10,000-service fleet.
// Run with: go test -run '^$' -bench Service10k -benchtime 5x ./rewrite
func BenchmarkService10k(b *testing.B) {
	f := svcBenchFleet()
	opts := ServiceOptions{SecurityGroups: []string{"sg-task"}}
	for b.Loop() {
		for _, s := range f.Services {
			if _, err := Service(f, s, s.Name()+":2", opts); err != nil {
				b.Fatal(err)
			}
		}
	}
}
