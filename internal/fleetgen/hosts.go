package fleetgen

import (
	"github.com/aws/aws-sdk-go-v2/aws"
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
	var large [][2]int64 // CPU and MiB of each oversized task, one large host each
	for i, f := range cl.families {
		c, m := reserve(f)
		n := int64(cl.services[i].DesiredCount)
		switch {
		case f.onFargate:
		case f.kind == kindDaemon:
			dCPU, dMem = dCPU+int64(c), dMem+int64(m)
		case f.kind == kindOversized:
			for range n {
				large = append(large, [2]int64{int64(c), int64(m)})
			}
		default:
			cpu, mem = cpu+n*int64(c), mem+n*int64(m)
		}
	}
	hosts := max(2, ceilDiv(cpu, int64(main.vcpu)*1024*7/10-dCPU), ceilDiv(mem, int64(main.registered())*7/10-dMem))
	for i := 0; i < hosts; i++ {
		g.addHost(cl, main, i, cpu/int64(hosts)+dCPU, mem/int64(hosts)+dMem)
	}
	for i, task := range large {
		g.addHost(cl, largeType, hosts+i, task[0]+dCPU, task[1]+dMem)
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
