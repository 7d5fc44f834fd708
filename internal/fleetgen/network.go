package fleetgen

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// makeSubnets gives each environment a VPC with three private /20 subnets,
// one per Availability Zone.
func (g *gen) makeSubnets() {
	for e, env := range envs {
		vpc := "vpc-0" + g.hex(16)
		for az := 0; az < 3; az++ {
			id := "subnet-0" + g.hex(16)
			zone := fmt.Sprintf("%s%c", g.o.Region, 'a'+az)
			g.subnets[env] = append(g.subnets[env], ec2types.Subnet{
				SubnetId: aws.String(id), VpcId: aws.String(vpc), AvailabilityZone: aws.String(zone),
				CidrBlock:               aws.String(fmt.Sprintf("10.%d.%d.0/20", e, az*16)),
				AvailableIpAddressCount: aws.Int32(int32(2500 + g.rnd.IntN(1500))),
				State:                   ec2types.SubnetStateAvailable, MapPublicIpOnLaunch: aws.Bool(false), DefaultForAz: aws.Bool(false),
				OwnerId:   aws.String(g.o.Account),
				SubnetArn: aws.String(g.arn("ec2", "subnet/"+id)),
				Tags:      []ec2types.Tag{{Key: aws.String("Name"), Value: aws.String(fmt.Sprintf("%s-private-%c", env, 'a'+az))}},
			})
		}
	}
}

func (g *gen) subnetIDs(env string) []string {
	var ids []string
	for _, s := range g.subnets[env] {
		ids = append(ids, *s.SubnetId)
	}
	return ids
}

// usesENI is true for kinds whose tasks get their own network interface.
func usesENI(k kind) bool { return k == kindReady || k == kindAwsvpc }

// fronted is true for kinds that serve traffic behind a load balancer.
func (g *gen) fronted(k kind) bool {
	switch k {
	case kindWeb, kindReady, kindLinks, kindWindows:
		return true
	case kindAwsvpc, kindHostNet:
		return g.chance(60)
	}
	return false
}

// networkService wires the service to subnets, a target group and, for
// families already on Fargate, the FARGATE capacity provider.
func (g *gen) networkService(cl *cluster, s *ecstypes.Service, f *family) {
	if usesENI(f.kind) {
		s.NetworkConfiguration = &ecstypes.NetworkConfiguration{AwsvpcConfiguration: &ecstypes.AwsVpcConfiguration{
			Subnets: g.subnetIDs(cl.env), SecurityGroups: []string{"sg-0" + g.hex(16)}, AssignPublicIp: ecstypes.AssignPublicIpDisabled}}
	}
	if f.onFargate {
		s.LaunchType = ""
		s.CapacityProviderStrategy = []ecstypes.CapacityProviderStrategyItem{{CapacityProvider: aws.String("FARGATE"), Weight: 1, Base: 1}}
		s.PlatformVersion, s.PlatformFamily = aws.String("LATEST"), aws.String("Linux")
		s.PlacementConstraints, s.PlacementStrategy = []ecstypes.PlacementConstraint{}, []ecstypes.PlacementStrategy{}
	}
	if !g.fronted(f.kind) {
		return
	}
	target := elbtypes.TargetTypeEnumInstance
	if usesENI(f.kind) {
		target = elbtypes.TargetTypeEnumIp
	} else {
		s.RoleArn = aws.String(fmt.Sprintf("arn:aws:iam::%s:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", g.o.Account))
	}
	container := "app"
	if f.kind == kindLinks {
		container = "proxy"
	}
	tg := g.targetGroup(cl, f, target)
	s.LoadBalancers = []ecstypes.LoadBalancer{{TargetGroupArn: tg.TargetGroupArn, ContainerName: aws.String(container), ContainerPort: aws.Int32(f.port)}}
	s.HealthCheckGracePeriodSeconds = aws.Int32(60)
}

// targetGroup adds an ALB target group for f to the cluster's output.
func (g *gen) targetGroup(cl *cluster, f *family, target elbtypes.TargetTypeEnum) elbtypes.TargetGroup {
	name := "tg-" + g.hex(8) + "-" + f.name
	if len(name) > 32 {
		name = name[:32]
	}
	tg := elbtypes.TargetGroup{
		TargetGroupArn: aws.String(g.arn("elasticloadbalancing", "targetgroup/"+name+"/"+g.hex(16))), TargetGroupName: aws.String(name),
		Protocol: elbtypes.ProtocolEnumHttp, Port: aws.Int32(f.port), VpcId: g.subnets[cl.env][0].VpcId, TargetType: target,
		HealthCheckProtocol: elbtypes.ProtocolEnumHttp, HealthCheckPort: aws.String("traffic-port"), HealthCheckEnabled: aws.Bool(true),
		HealthCheckIntervalSeconds: aws.Int32(30), HealthCheckTimeoutSeconds: aws.Int32(5), HealthyThresholdCount: aws.Int32(5),
		UnhealthyThresholdCount: aws.Int32(2), HealthCheckPath: aws.String("/health"), Matcher: &elbtypes.Matcher{HttpCode: aws.String("200")},
		LoadBalancerArns: []string{cl.alb},
		ProtocolVersion:  aws.String("HTTP1"), IpAddressType: elbtypes.TargetGroupIpAddressTypeEnumIpv4,
	}
	cl.tgs = append(cl.tgs, tg)
	return tg
}
