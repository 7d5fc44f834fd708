package fleet

import (
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// The demo fleet in examples/ reads without a diagnostic, and every
// reference in it resolves: it is the README's first command, and cost and
// rewrite use its cross-references.
func TestDemoFleetIsCleanAndLinked(t *testing.T) {
	f := loadClean(t, filepath.Join("..", "..", "examples", "demo-fleet"))
	if len(f.Services) < 25 || len(f.Clusters) < 3 {
		t.Errorf("%d services in %d clusters; the demo promises at least 25 in 3", len(f.Services), len(f.Clusters))
	}
	for _, s := range f.Services {
		if s.TaskDef == nil {
			t.Errorf("service %s/%s: task definition %s is not in the demo", s.Cluster, s.Name(), s.TaskDefinitionKey())
		}
		for _, lb := range s.Svc.LoadBalancers {
			if f.TargetGroup(ptr.Value(lb.TargetGroupArn)) == nil {
				t.Errorf("service %s: target group %s is not in the demo", s.Name(), ptr.Value(lb.TargetGroupArn))
			}
		}
		if nc := s.Svc.NetworkConfiguration; nc != nil && nc.AwsvpcConfiguration != nil {
			for _, id := range nc.AwsvpcConfiguration.Subnets {
				if f.Subnet(s.Identity, id) == nil {
					t.Errorf("service %s: subnet %s is not in the demo", s.Name(), id)
				}
			}
		}
	}
	for _, c := range f.Clusters {
		if c.Detail == nil || len(c.ContainerInstances) == 0 {
			t.Errorf("cluster %s lacks describe-clusters output or container instances", c.Name)
		}
	}
	for _, ci := range f.ContainerInstances {
		if ci.Instance == nil {
			t.Errorf("container instance %s: EC2 instance %s is not in the demo", ptr.Value(ci.CI.ContainerInstanceArn), ptr.Value(ci.CI.Ec2InstanceId))
		}
	}
}
