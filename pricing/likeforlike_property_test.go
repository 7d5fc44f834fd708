package pricing

import (
	"fmt"
	"math/rand"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// pricedTypes are instance types the embedded book prices in us-east-1.
var pricedTypes = []string{"m6i.large", "c6i.large", "r6i.large", "t3.medium", "m6i.2xlarge"}

// randomKnownFleet builds 1–4 clusters, each with 1–3 priced container
// instances and 0–4 Linux services of valid Fargate sizes: every figure is
// known, nothing is too large and nothing already runs on Fargate.
func randomKnownFleet(r *rand.Rand) *fleet.Fleet {
	f := &fleet.Fleet{}
	pairs := fargate.Pairs(false)
	for c := 0; c < 1+r.Intn(4); c++ {
		cl := &fleet.Cluster{Name: fmt.Sprintf("c%d", c)}
		for i := 0; i < 1+r.Intn(3); i++ {
			ci := randomInstance(r, cl.Name, i)
			cl.ContainerInstances = append(cl.ContainerInstances, ci)
			f.ContainerInstances = append(f.ContainerInstances, ci)
		}
		for i := 0; i < r.Intn(5); i++ {
			p := pairs[r.Intn(len(pairs))]
			cpu, mem, name, family := fmt.Sprint(p.CPU), fmt.Sprint(p.Memory), fmt.Sprintf("s%d", i), fmt.Sprintf("%s-s%d", cl.Name, i)
			arn := fmt.Sprintf("arn:aws:ecs:us-east-1:123456789012:service/%s/%s", cl.Name, name)
			td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{Family: &family, Revision: 1, Cpu: &cpu, Memory: &mem}}
			n := int32(r.Intn(6))
			svc := &fleet.Service{Svc: ecstypes.Service{ServiceName: &name, ServiceArn: &arn, DesiredCount: n, RunningCount: n}, Cluster: cl.Name, TaskDef: td}
			cl.Services = append(cl.Services, svc)
			f.Services = append(f.Services, svc)
			f.TaskDefinitions = append(f.TaskDefinitions, td)
		}
		f.Clusters = append(f.Clusters, cl)
	}
	return f
}

func randomInstance(r *rand.Rand, cluster string, i int) *fleet.ContainerInstance {
	arn := fmt.Sprintf("arn:aws:ecs:us-east-1:123456789012:container-instance/%s/%d", cluster, i)
	typ, cpuName, memName := pricedTypes[r.Intn(len(pricedTypes))], "CPU", "MEMORY"
	attr := "ecs.instance-type"
	return &fleet.ContainerInstance{Cluster: cluster, CI: ecstypes.ContainerInstance{
		ContainerInstanceArn: &arn,
		Attributes:           []ecstypes.Attribute{{Name: &attr, Value: &typ}},
		RegisteredResources: []ecstypes.Resource{
			{Name: &cpuName, IntegerValue: int32(1024 * (2 + r.Intn(8)))},
			{Name: &memName, IntegerValue: int32(1024 * (4 + r.Intn(60)))},
		},
	}}
}

// When every figure is known, every option's like-for-like comparison is
// exactly the plain totals, over every cluster, leaving none out.
func TestLikeForLikeIsTheTotalsWhenAllKnown(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for n := 0; n < 200; n++ {
		f := randomKnownFleet(r)
		c, err := Compare(f, defaultBook, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		tot := c.Total
		plain := map[string]Money{"on-demand": tot.Fargate.OnDemand, "spot": tot.Fargate.Spot, "arm": tot.Fargate.ARM,
			"sp1y": tot.Fargate.SavingsPlan1y, "sp3y": tot.Fargate.SavingsPlan3y}
		side := map[string]Money{"on-demand": tot.EC2Side.OnDemand, "spot": tot.EC2Side.Spot, "arm": tot.EC2Side.ARM,
			"sp1y": tot.EC2Side.SavingsPlan1y, "sp3y": tot.EC2Side.SavingsPlan3y}
		if !tot.EC2.Known() {
			t.Fatalf("fleet %d: EC2 total unknown: %v", n, tot.EC2.Missing())
		}
		for name, l := range scopes(tot.LikeForLike) {
			if len(l.LeftOut) != 0 || len(l.Clusters) != len(c.Clusters) || l.Moving != len(c.Services) {
				t.Fatalf("fleet %d %s: compared %v (%d services), left out %+v; want all %d clusters", n, name, l.Clusters, l.Moving, l.LeftOut, len(c.Clusters))
			}
			if !l.EC2.Amount().Equal(side[name].Amount()) || !plain[name].Known() || !l.Fargate.Amount().Equal(plain[name].Amount()) {
				t.Fatalf("fleet %d %s: like-for-like %s / %s, totals %s / %s", n, name, l.EC2.Amount(), l.Fargate.Amount(), side[name].Amount(), plain[name].Amount())
			}
		}
	}
}
