package fleetgen

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// instanceType is an EC2 type the generator runs hosts on; every one is in
// the embedded price book (a test checks).
type instanceType struct {
	name      string
	vcpu, mib int32
	arm       bool
}

var (
	linuxTypes = []instanceType{{"m6i.2xlarge", 8, 32768, false}, {"m5.2xlarge", 8, 32768, false}, {"c6i.2xlarge", 8, 16384, false},
		{"r6i.2xlarge", 8, 65536, false}, {"m7i.2xlarge", 8, 32768, false}, {"m6a.2xlarge", 8, 32768, false}, {"m5.4xlarge", 16, 65536, false}}
	armTypes    = []instanceType{{"m6g.2xlarge", 8, 32768, true}, {"m7g.2xlarge", 8, 32768, true}}
	windowsType = instanceType{"m5.2xlarge", 8, 32768, false}
	largeType   = instanceType{"r6i.8xlarge", 32, 262144, false} // for oversized tasks
)

// InstanceTypes lists every EC2 instance type generated fleets run on.
func InstanceTypes() []string {
	var out []string
	for _, t := range append(append(append([]instanceType{}, linuxTypes...), armTypes...), windowsType, largeType) {
		out = append(out, t.name)
	}
	return out
}

// registered is the memory ECS registers for a host: what the OS and agent
// leave of the instance's memory.
func (t instanceType) registered() int32 { return t.mib / 100 * 96 }

// reserve is the CPU units and MiB one task of f reserves on its host.
func reserve(f *family) (int32, int32) {
	cpu, mem := f.cpu, f.mem
	switch f.kind {
	case kindLinks:
		cpu, mem = cpu+256, mem+512
	case kindDaemon:
		cpu, mem = 128, 256
	}
	return cpu, mem
}

// addHosts sizes the cluster's container instances for the tasks it runs
// at about 70 % reservation, plus a pool of large hosts for oversized
// tasks, and gives daemon services one task per host.
func (g *gen) addHosts(cl *cluster) {
	main := linuxTypes[cl.group%len(linuxTypes)]
	switch {
	case cl.windows:
		main = windowsType
	case cl.arm:
		main = armTypes[cl.group%len(armTypes)]
	}
	var cpu, mem, dCPU, dMem int64
	large := 0
	for i, f := range cl.families {
		c, m := reserve(f)
		n := int64(cl.services[i].DesiredCount)
		switch {
		case f.onFargate:
		case f.kind == kindDaemon:
			dCPU, dMem = dCPU+int64(c), dMem+int64(m)
		case f.kind == kindOversized:
			large += int(n)
		default:
			cpu, mem = cpu+n*int64(c), mem+n*int64(m)
		}
	}
	hosts := max(2, ceilDiv(cpu, int64(main.vcpu)*1024*7/10-dCPU), ceilDiv(mem, int64(main.registered())*7/10-dMem))
	for i := 0; i < hosts; i++ {
		g.addHost(cl, main, i, cpu/int64(hosts)+dCPU, mem/int64(hosts)+dMem)
	}
	for i := 0; i < large; i++ {
		g.addHost(cl, largeType, hosts+i, int64(largeType.vcpu)*1024/4+dCPU, int64(largeType.mib)*5/8+dMem)
	}
	for i, f := range cl.families {
		if f.kind == kindDaemon {
			n := int32(len(cl.cis))
			s := &cl.services[i]
			s.DesiredCount, s.RunningCount = n, n
			s.Deployments[0].DesiredCount, s.Deployments[0].RunningCount = n, n
		}
	}
}

func ceilDiv(a, b int64) int {
	if b <= 0 {
		b = 1
	}
	return int((a + b - 1) / b)
}

// addHost adds one container instance and the EC2 instance behind it, with
// usedCPU and usedMem of it reserved by running tasks.
func (g *gen) addHost(cl *cluster, t instanceType, i int, usedCPU, usedMem int64) {
	id := "i-0" + g.hex(16)
	zone := fmt.Sprintf("%s%c", g.o.Region, 'a'+i%3)
	arch, ec2Arch := "x86_64", ec2types.ArchitectureValuesX8664
	if t.arm {
		arch, ec2Arch = "arm64", ec2types.ArchitectureValuesArm64
	}
	regCPU, regMem := t.vcpu*1024, t.registered()
	ci := ecstypes.ContainerInstance{
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
	in := ec2types.Instance{
		InstanceId: aws.String(id), InstanceType: ec2types.InstanceType(t.name), ImageId: aws.String("ami-0" + g.hex(16)),
		Architecture: ec2Arch, LaunchTime: ci.RegisteredAt, State: &ec2types.InstanceState{Code: aws.Int32(16), Name: ec2types.InstanceStateNameRunning},
		Placement:        &ec2types.Placement{AvailabilityZone: aws.String(zone), Tenancy: ec2types.TenancyDefault},
		PrivateIpAddress: aws.String(fmt.Sprintf("10.%d.%d.%d", cl.group%3, i%3*16+g.rnd.IntN(16), 4+g.rnd.IntN(250))),
		SubnetId:         g.subnets[cl.env][i%3].SubnetId, VpcId: g.subnets[cl.env][i%3].VpcId,
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
	cl.cis = append(cl.cis, ci)
	cl.instances = append(cl.instances, in)
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

// describeCluster fills in what describe-clusters says about cl.
func (g *gen) describeCluster(cl *cluster) {
	tasks := int32(0)
	active := int32(0)
	for _, s := range cl.services {
		tasks += s.RunningCount
		active++
	}
	asg := cl.name + "-asg"
	cl.detail = ecstypes.Cluster{
		ClusterArn: aws.String(g.clusterArn(cl)), ClusterName: aws.String(cl.name), Status: aws.String("ACTIVE"),
		RegisteredContainerInstancesCount: int32(len(cl.cis)), RunningTasksCount: tasks, ActiveServicesCount: active,
		CapacityProviders:               []string{asg, "FARGATE", "FARGATE_SPOT"},
		DefaultCapacityProviderStrategy: []ecstypes.CapacityProviderStrategyItem{{CapacityProvider: aws.String(asg), Weight: 1}},
		Settings:                        []ecstypes.ClusterSetting{{Name: ecstypes.ClusterSettingNameContainerInsights, Value: aws.String("enabled")}},
		Statistics:                      []ecstypes.KeyValuePair{}, Tags: []ecstypes.Tag{{Key: aws.String("env"), Value: aws.String(cl.env)}},
	}
}
