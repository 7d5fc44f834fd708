package reports

import (
	"fmt"
	"io"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// fleet10k is 100 clusters of 100 services (no container instances: the
// EC2 side is unknown, which also exercises the unknown paths).
func fleet10k() *fleet.Fleet {
	f := &fleet.Fleet{}
	cpu, mem := "512", "1024"
	for c := 0; c < 100; c++ {
		name := fmt.Sprintf("cluster-%03d", c)
		cl := &fleet.Cluster{Name: name}
		for i := 0; i < 100; i++ {
			fam := fmt.Sprintf("svc-%03d-%03d", c, i)
			td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{Family: &fam, Revision: 1, Cpu: &cpu, Memory: &mem}}
			arn := "arn:aws:ecs:us-east-1:123456789012:service/" + name + "/" + fam
			s := &fleet.Service{Cluster: name, TaskDef: td, Svc: ecstypes.Service{ServiceName: &fam, ServiceArn: &arn, DesiredCount: 2, RunningCount: 2}}
			cl.Services = append(cl.Services, s)
			f.Services = append(f.Services, s)
		}
		f.Clusters = append(f.Clusters, cl)
	}
	return f
}

// BenchmarkCost10k is the whole cost command after loading: compare, build
// the report, render it (one sub-benchmark per format).
func BenchmarkCost10k(b *testing.B) {
	f, book := fleet10k(), pricing.Default()
	for _, format := range CostFormats() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				cmp, err := pricing.Compare(f, book, pricing.DefaultOptions())
				if err != nil {
					b.Fatal(err)
				}
				if err := RenderCost(io.Discard, format, NewCost("dev", cmp, f, nil)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
