package fleetgen

import (
	"fmt"
	"math/rand/v2"
	"time"

	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// epoch anchors every generated timestamp, so output never depends on the clock.
var epoch = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// gen holds the fleet while it is generated.
type gen struct {
	o   Options
	rnd *rand.Rand

	clusters []*cluster
	families map[string]*family // by group/slot
	taskDefs []taskDefOut
	seenTD   map[string]bool // family:revision already generated
	repos    map[string][]ecrtypes.ImageDetail
	subnets  map[string][]ec2types.Subnet // by env
}

// cluster is one ECS cluster and what was generated for it.
type cluster struct {
	name, env string
	group     int
	windows   bool
	arm       bool
	alb       string // the ARN of the cluster's Application Load Balancer
	hostSG    string // the security group of the cluster's instances
	services  []ecstypes.Service
	families  []*family // beside services, same order
	tgs       []elbtypes.TargetGroup
	cis       []ecstypes.ContainerInstance
	instances []ec2types.Instance
	detail    ecstypes.Cluster
}

// taskDefOut is one describe-task-definition output.
type taskDefOut struct {
	def  ecstypes.TaskDefinition
	tags []ecstypes.Tag
}

func newGen(o Options) *gen {
	return &gen{o: o, rnd: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)),
		families: map[string]*family{}, seenTD: map[string]bool{},
		repos: map[string][]ecrtypes.ImageDetail{}, subnets: map[string][]ec2types.Subnet{}}
}

// Generate builds the fleet opts describes and returns its files, sorted by name.
func Generate(opts Options) ([]File, error) {
	o := opts.withDefaults()
	if err := o.validate(); err != nil {
		return nil, err
	}
	g := newGen(o)
	g.makeSubnets()
	n := (o.Services + o.PerCluster - 1) / o.PerCluster
	for c := 0; c < n; c++ {
		count := min(o.PerCluster, o.Services-c*o.PerCluster)
		g.clusters = append(g.clusters, g.makeCluster(c, count))
	}
	return g.files()
}

// makeCluster generates cluster c with count services. Clusters come in
// groups of three (prod, staging, dev) that run the same families.
func (g *gen) makeCluster(c, count int) *cluster {
	group := c / len(envs)
	cl := &cluster{env: envs[c%len(envs)], group: group, windows: group%8 == 3, arm: group%8 == 6}
	cl.name = fmt.Sprintf("%s-%s", cl.env, groupArea(group))
	cl.alb = g.arn("elasticloadbalancing", "loadbalancer/app/"+cl.name+"/"+g.hex(16))
	cl.hostSG = "sg-0" + g.hex(16)
	for slot := 0; slot < count; slot++ {
		f := g.familyAt(cl, slot)
		rev := g.revisionFor(f, cl.env)
		g.addTaskDefinition(f, rev)
		g.addService(cl, f, rev)
	}
	g.addHosts(cl)
	g.describeCluster(cl)
	return cl
}

// familyAt returns the family a cluster group runs in a slot, drawing it
// the first time any cluster of the group asks.
func (g *gen) familyAt(cl *cluster, slot int) *family {
	key := fmt.Sprintf("%d/%d", cl.group, slot)
	if f, ok := g.families[key]; ok {
		return f
	}
	k := kindWindows
	if !cl.windows {
		k = pick(g.rnd, linuxKinds)
	}
	f := g.newFamily(familyName(groupArea(cl.group), slot), k)
	g.families[key] = f
	return f
}

func (g *gen) arn(service, resource string) string {
	return fmt.Sprintf("arn:aws:%s:%s:%s:%s", service, g.o.Region, g.o.Account, resource)
}

func (g *gen) clusterArn(cl *cluster) string { return g.arn("ecs", "cluster/"+cl.name) }

func (g *gen) taskDefArn(f *family, rev int32) string {
	return g.arn("ecs", fmt.Sprintf("task-definition/%s:%d", f.name, rev))
}

// at is a deterministic timestamp some days and seconds before the epoch.
func (g *gen) at(maxDays int) *time.Time {
	t := epoch.Add(-time.Duration(g.rnd.IntN(maxDays*86400)) * time.Second)
	return &t
}
