package fleetgen

import (
	"fmt"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// addHost adds the i-th host of cl: a container instance with usedCPU and
// usedMem of it reserved by running tasks, and the EC2 instance behind it.
func (g *gen) addHost(cl *cluster, t instanceType, i int, usedCPU, usedMem int64) {
	id := "i-0" + g.hex(16)
	zone := fmt.Sprintf("%s%c", g.o.Region, 'a'+i%3)
	ci := g.containerInstance(cl, t, id, zone, usedCPU, usedMem)
	cl.cis = append(cl.cis, ci)
	cl.instances = append(cl.instances, g.ec2Instance(cl, t, id, i, *ci.RegisteredAt))
}

func (g *gen) containerInstance(cl *cluster, t instanceType, id, zone string, usedCPU, usedMem int64) ecstypes.ContainerInstance {
	arch := "x86_64"
	if t.arm {
		arch = "arm64"
	}
	regCPU, regMem := t.vcpu*1024, t.registered()
	return ecstypes.ContainerInstance{
		ContainerInstanceArn: aws.String(g.arn("ecs", fmt.Sprintf("container-instance/%s/%s%s", cl.name, g.hex(16), g.hex(16)))),
		Ec2InstanceId:        aws.String(id), Status: aws.String("ACTIVE"), AgentConnected: true,
		CapacityProviderName: aws.String(cl.name + "-asg"), RunningTasksCount: int32(3 + g.rnd.IntN(10)), Version: int64(10 + g.rnd.IntN(500)),
		VersionInfo:         &ecstypes.VersionInfo{AgentVersion: aws.String("1.88.0"), AgentHash: aws.String("9c0c6a1f"), DockerVersion: aws.String("DockerVersion: 25.0.8")},
		RegisteredResources: resources(regCPU, regMem),
		RemainingResources:  resources(regCPU-int32(min(usedCPU, int64(regCPU))), regMem-int32(min(usedMem, int64(regMem)))),
		Attributes:          g.hostAttributes(cl, t, arch, zone),
		RegisteredAt:        g.at(120),
		Attachments:         []ecstypes.Attachment{},
		Tags:                []ecstypes.Tag{},
	}
}

// ec2Instance is the describe-instances view of the i-th host of cl, in
// the subnet of its Availability Zone.
func (g *gen) ec2Instance(cl *cluster, t instanceType, id string, i int, launched time.Time) ec2types.Instance {
	arch := ec2types.ArchitectureValuesX8664
	if t.arm {
		arch = ec2types.ArchitectureValuesArm64
	}
	subnet := g.subnets[cl.env][i%3]
	in := ec2types.Instance{
		InstanceId: aws.String(id), InstanceType: ec2types.InstanceType(t.name), ImageId: aws.String("ami-0" + g.hex(16)),
		Architecture: arch, LaunchTime: &launched, State: &ec2types.InstanceState{Code: aws.Int32(16), Name: ec2types.InstanceStateNameRunning},
		Placement:        &ec2types.Placement{AvailabilityZone: subnet.AvailabilityZone, Tenancy: ec2types.TenancyDefault},
		PrivateIpAddress: aws.String(fmt.Sprintf("10.%d.%d.%d", slices.Index(envs, cl.env), i%3*16+g.rnd.IntN(16), 4+g.rnd.IntN(250))),
		SubnetId:         subnet.SubnetId, VpcId: subnet.VpcId,
		IamInstanceProfile: &ec2types.IamInstanceProfile{Arn: aws.String(fmt.Sprintf("arn:aws:iam::%s:instance-profile/ecsInstanceRole", g.o.Account)),
			Id: aws.String("AIPA" + g.hex(16))},
		Hypervisor: ec2types.HypervisorTypeXen, VirtualizationType: ec2types.VirtualizationTypeHvm, EbsOptimized: aws.Bool(true),
		RootDeviceName: aws.String("/dev/xvda"), RootDeviceType: ec2types.DeviceTypeEbs,
		SecurityGroups: []ec2types.GroupIdentifier{{GroupId: aws.String(cl.hostSG), GroupName: aws.String(cl.name + "-ecs-hosts")}},
		Tags: []ec2types.Tag{{Key: aws.String("aws:autoscaling:groupName"), Value: aws.String(cl.name + "-asg")},
			{Key: aws.String("Name"), Value: aws.String(cl.name + "-ecs")}},
	}
	if cl.windows {
		in.Platform, in.PlatformDetails = ec2types.PlatformValuesWindows, aws.String("Windows")
	} else {
		in.PlatformDetails = aws.String("Linux/UNIX")
	}
	if cl.env == "dev" && g.chance(30) {
		in.InstanceLifecycle = ec2types.InstanceLifecycleTypeSpot
	}
	return in
}

func resources(cpu, mem int32) []ecstypes.Resource {
	ports := []string{"22", "2375", "2376", "51678", "51679"}
	return []ecstypes.Resource{
		{Name: aws.String("CPU"), Type: aws.String("INTEGER"), IntegerValue: cpu},
		{Name: aws.String("MEMORY"), Type: aws.String("INTEGER"), IntegerValue: mem},
		{Name: aws.String("PORTS"), Type: aws.String("STRINGSET"), StringSetValue: ports},
		{Name: aws.String("PORTS_UDP"), Type: aws.String("STRINGSET"), StringSetValue: []string{}},
	}
}

// hostAttributes are the attributes the ECS agent registers that audits and
// placement read.
func (g *gen) hostAttributes(cl *cluster, t instanceType, arch, zone string) []ecstypes.Attribute {
	os := "linux"
	attrs := map[string]string{"ecs.instance-type": t.name, "ecs.cpu-architecture": arch, "ecs.availability-zone": zone,
		"ecs.ami-id": "ami-0" + g.hex(16), "ecs.vpc-id": *g.subnets[cl.env][0].VpcId}
	if cl.windows {
		os = "windows"
		attrs["ecs.os-family"] = "WINDOWS_SERVER_2019_FULL"
	}
	attrs["ecs.os-type"] = os
	var out []ecstypes.Attribute
	for _, k := range []string{"ecs.ami-id", "ecs.availability-zone", "ecs.cpu-architecture", "ecs.instance-type", "ecs.os-family", "ecs.os-type", "ecs.vpc-id"} {
		if v, ok := attrs[k]; ok {
			out = append(out, ecstypes.Attribute{Name: aws.String(k), Value: aws.String(v)})
		}
	}
	for _, c := range []string{"com.amazonaws.ecs.capability.logging-driver.awslogs", "com.amazonaws.ecs.capability.docker-remote-api.1.44",
		"com.amazonaws.ecs.capability.task-iam-role", "ecs.capability.task-eni"} {
		out = append(out, ecstypes.Attribute{Name: aws.String(c)})
	}
	return out
}
