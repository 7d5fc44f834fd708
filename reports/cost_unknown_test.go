package reports

import (
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// A reason shared by many clusters and services (a missing rate for an
// instance type the whole estate runs) lists each cluster once in the
// order met and each service once, sorted, whatever the count.
func TestUnknownPartNamesEachOnce(t *testing.T) {
	missing := pricing.UnknownFill("no EC2 price for m9.large in us-east-1", "ecs2fargate pricing update")
	cmp := &pricing.Comparison{}
	byCluster := map[string][]*pricing.ServiceCost{}
	for _, cl := range []string{"prod", "dev"} {
		cmp.Clusters = append(cmp.Clusters, &pricing.ClusterCost{Cluster: cl, EC2: missing, EC2Side: allOf(missing), Fargate: allOf(pricing.Zero)})
		for i := range 300 {
			s := &pricing.ServiceCost{Cluster: cl, Service: fmt.Sprintf("svc-%03d", 299-i), After: new(allOf(pricing.Zero))}
			s.SetEC2(missing, allOf(missing))
			byCluster[clusterKey(s.Where(), cl)] = append(byCluster[clusterKey(s.Where(), cl)], s)
		}
	}
	parts := unknownParts(cmp, byCluster, placeNone)
	if len(parts) != 1 {
		t.Fatalf("%d parts, want 1: %+v", len(parts), parts)
	}
	p := parts[0]
	if !slices.Equal(p.Clusters, []string{"prod", "dev"}) {
		t.Errorf("clusters %v, want [prod dev]", p.Clusters)
	}
	if len(p.Services) != 600 || !slices.IsSorted(p.Services) || len(slices.Compact(slices.Clone(p.Services))) != 600 {
		t.Errorf("%d services (sorted %v), want 600 distinct, sorted", len(p.Services), slices.IsSorted(p.Services))
	}
	if want := []string{"EC2 now", "on-demand", "Spot", "ARM", "SP 1y", "SP 3y"}; !slices.Equal(p.Figures, want) {
		t.Errorf("figures %v, want %v", p.Figures, want)
	}
}

func allOf(m pricing.Money) pricing.Variants {
	return pricing.Variants{OnDemand: m, Spot: m, ARM: m, SavingsPlan1y: m, SavingsPlan3y: m}
}

// Two parts that name the same services (a missing Savings Plan rate for
// 1 and for 3 years) share each name's bytes, made once per service.
func TestUnknownPartsShareServiceNames(t *testing.T) {
	sp1 := pricing.UnknownFill("no Savings Plan 1y rate for m9.large", "ecs2fargate pricing update")
	sp3 := pricing.UnknownFill("no Savings Plan 3y rate for m9.large", "ecs2fargate pricing update")
	ec2 := pricing.USD(decimal.NewFromInt(100))
	side := pricing.Variants{OnDemand: ec2, Spot: ec2, ARM: ec2, SavingsPlan1y: sp1, SavingsPlan3y: sp3}
	cl := &pricing.ClusterCost{Cluster: "prod", EC2: ec2, EC2Side: side, Fargate: allOf(pricing.Zero)}
	cmp := &pricing.Comparison{Clusters: []*pricing.ClusterCost{cl}}
	byCluster := map[string][]*pricing.ServiceCost{}
	for i := range 50 {
		s := &pricing.ServiceCost{Cluster: "prod", Service: fmt.Sprintf("svc-%02d", i), After: new(allOf(pricing.Zero))}
		s.SetEC2(ec2, side)
		byCluster[clusterKey(s.Where(), "prod")] = append(byCluster[clusterKey(s.Where(), "prod")], s)
	}
	parts := unknownParts(cmp, byCluster, placeRegion)
	if len(parts) != 2 || len(parts[0].Services) != 50 || !slices.Equal(parts[0].Services, parts[1].Services) {
		t.Fatalf("parts %+v, want two naming the same 50 services", parts)
	}
	for i, name := range parts[0].Services {
		if unsafe.StringData(name) != unsafe.StringData(parts[1].Services[i]) {
			t.Errorf("%s is made once for each part", name)
		}
	}
}
