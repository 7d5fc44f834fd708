package discover

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// testHTTP is the one HTTP client of every test configuration, as
// config.LoadDefaultConfig gives every copy of a configuration one client:
// a transport per account-region would keep idle connections to the fake
// by the thousand. It keeps as many idle connections as a sweep has
// requests in flight.
var testHTTP = awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) { t.MaxIdleConnsPerHost = 4096 })

// testConfig points the SDK at the fake with fast retries.
func testConfig(url string) aws.Config {
	return aws.Config{
		HTTPClient:   testHTTP,
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", ""),
		BaseEndpoint: aws.String(url),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = 3
				o.MaxBackoff = 5 * time.Millisecond
			})
		},
	}
}

func ceil(n, d int) int { return (n + d - 1) / d }

func TestDiscoverReadsTheWholeEstateWithTheFewestCalls(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	shape := awsfake.Shape{Clusters: 3, Services: 250, TaskDefinitions: 12, Instances: 7, LoadBalanced: 5}
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1", shape))

	f, diags, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, Options{Regions: []string{"us-east-1"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d)
	}
	if len(f.Gaps) > 0 {
		t.Errorf("gaps: %+v", f.Gaps)
	}
	got := map[string]int{"services": len(f.Services), "taskDefinitions": len(f.TaskDefinitions), "clusters": len(f.Clusters),
		"containerInstances": len(f.ContainerInstances), "instances": len(f.Instances), "images": len(f.Images),
		"targetGroups": len(f.TargetGroups), "subnets": len(f.Subnets), "volumes": len(f.Volumes)}
	want := map[string]int{"services": 250, "taskDefinitions": 12, "clusters": 3, "containerInstances": 7, "instances": 7,
		"images": 12, "targetGroups": 50, "subnets": 2, "volumes": 7}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %d, want %d", k, got[k], v)
		}
	}
	for _, s := range f.Services {
		if s.TaskDef == nil {
			t.Errorf("service %s not linked to its task definition", s.Name())
		}
	}

	// The least number of calls the batch limits allow, per operation.
	perCluster := func(n int, batch int) int { // services/instances are spread round-robin
		total := 0
		for c := 0; c < shape.Clusters; c++ {
			k := n / shape.Clusters
			if c < n%shape.Clusters {
				k++
			}
			total += max(1, ceil(k, batch))
		}
		return total
	}
	wantCalls := map[string]int{
		"ecs:ListClusters":                          1,
		"ecs:DescribeClusters":                      1,
		"ecs:ListServices":                          perCluster(shape.Services, listPageSize),
		"ecs:DescribeServices":                      perCluster(shape.Services, describeServicesBatch),
		"ecs:ListContainerInstances":                perCluster(shape.Instances, listPageSize),
		"ecs:DescribeContainerInstances":            perCluster(shape.Instances, describeContainerInstancesBatch),
		"ecs:DescribeTaskDefinition":                shape.TaskDefinitions,
		"ec2:DescribeInstances":                     1,
		"ec2:DescribeSubnets":                       1,
		"ec2:DescribeVolumes":                       1,
		"ecr:DescribeImages":                        shape.TaskDefinitions, // one repository each
		"elasticloadbalancing:DescribeTargetGroups": ceil(50, describeTargetGroupsBatch),
	}
	// The SDK's own retries of a request (a connection reset on a loaded
	// machine) are not calls discovery asked for: counted apart, and said.
	calls, retries := fake.Calls(), fake.Retries()
	for op, n := range wantCalls {
		if calls[op]-retries[op] != n {
			t.Errorf("%s: %d calls (%d of them retries), want %d", op, calls[op], retries[op], n)
		}
	}
	for op, n := range retries {
		t.Logf("%s: %d retries by the SDK, not counted", op, n)
	}
	if len(calls) != len(wantCalls) {
		t.Errorf("unexpected operations called:\n%s", fake.CallSummary())
	}
}

// AccessDenied on one cluster's services is a gap; the rest is read.
func TestDiscoverRecordsAccessDeniedAsAGapAndGoesOn(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 2, Services: 20, TaskDefinitions: 4, Instances: 2}))
	fake.Inject(&awsfake.Fault{Service: "ecs", Op: "ListServices", Code: "AccessDeniedException",
		Match: func(body string) bool { return strings.Contains(body, "cluster-01") }})

	f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, Options{Regions: []string{"us-east-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Services) != 10 {
		t.Errorf("read %d services, want the 10 of the readable cluster", len(f.Services))
	}
	if len(f.Gaps) != 1 || !strings.Contains(f.Gaps[0].Scope, "cluster cluster-01") || !strings.Contains(f.Gaps[0].Reason, "AccessDeniedException") {
		t.Errorf("gaps = %+v, want one AccessDenied gap naming cluster-01", f.Gaps)
	}
}

// Throttling within the retry budget is invisible; the estate comes back whole.
func TestDiscoverRetriesThrottling(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 1, Services: 30, TaskDefinitions: 3, Instances: 1}))
	fake.Inject(&awsfake.Fault{Service: "ecs", Op: "DescribeServices", Code: "ThrottlingException", Times: 2})
	fake.Inject(&awsfake.Fault{Service: "ec2", Op: "DescribeInstances", Code: "RequestLimitExceeded", Status: 503, Times: 1})

	var retries int // the most any report said (reports may arrive out of order)
	var mu sync.Mutex
	opts := Options{Regions: []string{"us-east-1"}, Progress: func(p Progress) { mu.Lock(); retries = max(retries, p.Retries); mu.Unlock() }}
	f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Gaps) != 0 || len(f.Services) != 30 || len(f.Instances) != 1 {
		t.Errorf("gaps %+v, %d services, %d instances", f.Gaps, len(f.Services), len(f.Instances))
	}
	// Three faults, each retried once: the progress count says so.
	if retries != 3 {
		t.Errorf("progress counted %d retries, want 3", retries)
	}
}

// A region that is not enabled (every call refused) is a gap, not a failure
// of the whole run.
func TestDiscoverRegionNotEnabledIsAGap(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 1, Services: 3, TaskDefinitions: 1, Instances: 1}))
	fake.Inject(&awsfake.Fault{Region: "ap-east-1", Code: "UnrecognizedClientException", Status: 400})

	f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, Options{Regions: []string{"us-east-1", "ap-east-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Services) != 3 || len(f.Gaps) != 1 || !strings.Contains(f.Gaps[0].Scope, "ap-east-1") {
		t.Errorf("%d services, gaps %+v", len(f.Services), f.Gaps)
	}
}

func TestDiscoverNeedsARegion(t *testing.T) {
	if _, _, err := Discover(context.Background(), nil, Options{}); err == nil {
		t.Error("expected an error without regions")
	}
}

func TestDiscoverEdgeCases(t *testing.T) {
	t.Run("an empty account has no services and no gaps", func(t *testing.T) {
		fake := awsfake.New()
		defer fake.Close()
		f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, Options{Regions: []string{"us-east-1"}})
		if err != nil || len(f.Services) != 0 || len(f.Gaps) != 0 {
			t.Errorf("err %v, services %d, gaps %v", err, len(f.Services), f.Gaps)
		}
	})
	t.Run("a cluster deleted mid-run is a gap", func(t *testing.T) {
		fake := awsfake.New()
		defer fake.Close()
		fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
			awsfake.Shape{Clusters: 2, Services: 4, TaskDefinitions: 2, Instances: 2}))
		fake.Inject(&awsfake.Fault{Service: "ecs", Op: "ListContainerInstances", Code: "ClusterNotFoundException",
			Match: func(body string) bool { return strings.Contains(body, "cluster-00") }})
		f, _, _ := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, Options{Regions: []string{"us-east-1"}})
		if len(f.Services) != 4 || len(f.Gaps) != 1 || !strings.Contains(f.Gaps[0].Reason, "ClusterNotFoundException") {
			t.Errorf("services %d, gaps %+v", len(f.Services), f.Gaps)
		}
	})
	t.Run("expired credentials are a clear error", func(t *testing.T) {
		fake := awsfake.New()
		defer fake.Close()
		fake.Inject(&awsfake.Fault{Service: "sts", Code: "ExpiredToken", Status: 400})
		_, _, err := Targets(context.Background(), testConfig(fake.URL), Scope{})
		if err == nil || !strings.Contains(err.Error(), "ExpiredToken") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("throttling beyond the retries is a gap naming it", func(t *testing.T) {
		fake := awsfake.New()
		defer fake.Close()
		fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
			awsfake.Shape{Clusters: 1, Services: 4, TaskDefinitions: 2, Instances: 1}))
		fake.Inject(&awsfake.Fault{Service: "ecr", Code: "ThrottlingException"})
		f, _, _ := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, Options{Regions: []string{"us-east-1"}})
		if len(f.Images) != 0 || len(f.Gaps) != 2 || !strings.Contains(f.Gaps[0].Reason, "ThrottlingException") {
			t.Errorf("images %d, gaps %+v", len(f.Images), f.Gaps)
		}
	})
}

// Utilisation comes back per service over awsQuery, every query of every
// service packed into as few GetMetricData calls as 500 queries a call
// allow: 300 services on clusters with Container Insights on need 13
// queries each, 3,900 in all, 8 calls.
func TestDiscoverReadsServiceMetrics(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1",
		awsfake.Shape{Clusters: 2, Services: 300, TaskDefinitions: 3, Instances: 2, ContainerInsights: true}))
	now := func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }
	f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}},
		Options{Regions: []string{"us-east-1"}, MetricsDays: 14, Now: now})
	if err != nil || len(f.Gaps) > 0 {
		t.Fatalf("err %v gaps %v", err, f.Gaps)
	}
	if got := fake.Calls()["monitoring:GetMetricData"]; got != 8 {
		t.Errorf("GetMetricData calls = %d, want 8 (3,900 service and 2 cluster queries, 500 a call)", got)
	}
	// Each cluster's average host count (the fake: its one host, less half).
	for _, c := range f.Clusters {
		if c.Metrics == nil || c.Metrics.InstancesAverage == nil || *c.Metrics.InstancesAverage != 0.5 || c.Metrics.Days != 14 {
			t.Errorf("cluster %s: metrics %+v", c.Name, c.Metrics)
		}
	}
	for _, s := range f.Services {
		m := s.Metrics
		if m == nil || m.CPUMax == nil || m.MemoryP99 == nil || m.CPUAverage == nil || m.Days != 14 || m.DaysWithData == nil || *m.DaysWithData != 14 {
			t.Fatalf("service %s: metrics %+v", s.Name(), m)
		}
		var idx int
		fmt.Sscanf(s.Name(), "svc-%d", &idx)
		if *m.CPUMax != float64(40+idx%60) || *m.MemoryP99 != float64(45+idx%40) || *m.CPUAverage != float64(20+idx%30) {
			t.Errorf("service %s: cpuMax %v memP99 %v cpuAvg %v", s.Name(), *m.CPUMax, *m.MemoryP99, *m.CPUAverage)
		}
		// Container Insights' average running tasks (the fake: 0.75 × desired).
		if m.TasksAverage == nil || *m.TasksAverage != float64(s.Svc.DesiredCount)*0.75 {
			t.Errorf("service %s: tasksAverage %v, want 0.75 × %d", s.Name(), m.TasksAverage, s.Svc.DesiredCount)
		}
		// CpuUtilized is the fake's 1.5 tasks × 2.56 × the percentage: per
		// task, the AWS/ECS figure in CPU units of the 256 reserved.
		u, ok := s.ServiceUsage()
		if !ok || u.Source != fleet.UsageFromInsights || math.Abs(*u.CPU.Max-2.56*float64(40+idx%60)) > 1e-9 {
			t.Errorf("service %s: usage %+v", s.Name(), u)
		}
	}
}

// Without Container Insights only the 6 AWS/ECS queries are sent (100
// services: 600 queries, 2 calls); a service with 5 of 14 days of data
// says so.
func TestDiscoverMetricsWithoutInsightsAndWithGaps(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	e := awsfake.Generate(awsfake.DefaultAccount, "us-east-1", awsfake.Shape{Clusters: 1, Services: 100, TaskDefinitions: 1, Instances: 1})
	e.MetricDays["cluster-00/svc-00003"] = 5
	fake.Put(awsfake.DefaultAccount, "us-east-1", e)
	f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}},
		Options{Regions: []string{"us-east-1"}, MetricsDays: 14})
	if err != nil || len(f.Gaps) > 0 {
		t.Fatalf("err %v gaps %v", err, f.Gaps)
	}
	if got := fake.Calls()["monitoring:GetMetricData"]; got != 2 {
		t.Errorf("GetMetricData calls = %d, want 2", got)
	}
	for _, s := range f.Services {
		m := s.Metrics
		want := 14
		if s.Name() == "svc-00003" {
			want = 5
		}
		if m == nil || m.TasksAverage != nil || m.Insights != nil || m.DaysWithData == nil || *m.DaysWithData != want {
			t.Errorf("service %s: metrics %+v, want AWS/ECS only and %d days of data", s.Name(), m, want)
		}
	}
}

// A request the SDK sends again after a transient error reaches the fake
// twice; the fake counts the second attempt apart (Retries), which is what
// lets the test above ask for the fewest calls on a loaded machine. One
// injected 500 on ListServices: one retry, and calls less retries are the
// calls of a run without the fault.
func TestFakeCountsTheSDKsRetriesApart(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	shape := awsfake.Shape{Clusters: 2, Services: 20, TaskDefinitions: 2, Instances: 2}
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1", shape))
	fake.Inject(&awsfake.Fault{Service: "ecs", Op: "ListServices", Code: "ServerException", Status: 500, Times: 1})
	f, _, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}}, Options{Regions: []string{"us-east-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Services) != 20 {
		t.Fatalf("%d services, want 20 (the retry should have read them)", len(f.Services))
	}
	calls, retries := fake.Calls(), fake.Retries()
	if retries["ecs:ListServices"] != 1 {
		t.Errorf("retries of ListServices = %d, want 1 (%v)", retries["ecs:ListServices"], retries)
	}
	if got := calls["ecs:ListServices"] - retries["ecs:ListServices"]; got != 2 {
		t.Errorf("ListServices calls less retries = %d, want 2 (one a cluster)", got)
	}
	if len(retries) != 1 {
		t.Errorf("retries of other operations: %v", retries)
	}
}
