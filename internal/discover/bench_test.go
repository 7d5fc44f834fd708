package discover

import (
	"context"
	"testing"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

// BenchmarkDiscover reads 2,000 services, 300 task definitions and 200
// instances over 2 regions from the fake with 20 ms latency per call and
// AWS's documented token buckets per API (awslimits), and reports
// the wall time next to the lower bound the rate and latency allow.
// Run: go test -bench Discover -benchtime 1x ./internal/discover
func BenchmarkDiscover(b *testing.B) {
	fake := awsfake.New()
	defer fake.Close()
	regions := []string{"us-east-1", "eu-west-1"}
	shape := awsfake.Shape{Clusters: 10, Services: 1000, TaskDefinitions: 150, Instances: 100, LoadBalanced: 4}
	for _, r := range regions {
		fake.Put(awsfake.DefaultAccount, r, awsfake.Generate(awsfake.DefaultAccount, r, shape))
	}
	fake.Latency = 20 * time.Millisecond
	fake.Limits = &awsfake.Limits{Scale: 1}
	for i := 0; i < b.N; i++ {
		start := time.Now()
		before := fake.Calls()
		f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}},
			Options{Regions: regions, Concurrency: 16})
		if err != nil || len(f.Gaps) > 0 || len(f.Services) != 2000 {
			b.Fatalf("err %v, gaps %v, services %d", err, f.Gaps, len(f.Services))
		}
		wall := time.Since(start)
		after := fake.Calls()
		perRegionService := map[string]int{}
		total := 0
		for op, n := range after {
			d := n - before[op]
			total += d
			perRegionService[op] += d
		}
		// Lower bound: the busiest API's calls per region through its
		// bucket (burst free, then the rate), or the latency through the
		// concurrency, whichever is larger.
		bound := time.Duration(0)
		for op, n := range perRegionService {
			service, action := op[:indexColon(op)], op[indexColon(op)+1:]
			_, rate := fake.Limits.Bucket(service, action)
			perRegion := n / len(regions)
			rateBound := time.Duration(float64(max(0, perRegion-rate.Burst)) / rate.PerSecond * float64(time.Second))
			latBound := time.Duration(perRegion) * fake.Latency / 16
			bound = max(bound, rateBound, latBound)
		}
		b.ReportMetric(float64(total), "calls")
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(bound.Seconds(), "bound-s")
		b.ReportMetric(wall.Seconds()/bound.Seconds(), "x-bound")
	}
}

func indexColon(s string) int {
	for i := range s {
		if s[i] == ':' {
			return i
		}
	}
	return len(s)
}
