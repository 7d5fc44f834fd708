package discover

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// startMoto runs moto_server on a free port, or skips with the reason.
func startMoto(t *testing.T) string {
	t.Helper()
	return testtool.Moto(t, "the moto tier of the discovery tests")
}

// Seed an estate in moto through the SDK, discover it, and check it comes
// back whole: a second opinion on the protocols, beside our own fake.
func TestDiscoverAgainstMoto(t *testing.T) {
	url := startMoto(t)
	cfg := testConfig(url)
	ctx := context.Background()
	seedMoto(t, ctx, cfg)

	// With CloudWatch read too: moto decodes the awsQuery our client sends
	// (not the SDK's default CBOR), so there is no CloudWatch gap.
	f, diags, err := Discover(ctx, []Target{{Config: cfg}}, Options{Regions: []string{"us-east-1"}, MetricsDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d)
	}
	if len(f.Gaps) > 0 {
		t.Errorf("gaps: %+v", f.Gaps)
	}
	got := fmt.Sprintf("services=%d taskDefinitions=%d containerInstances=%d instances=%d images=%d targetGroups=%d",
		len(f.Services), len(f.TaskDefinitions), len(f.ContainerInstances), len(f.Instances), len(f.Images), len(f.TargetGroups))
	want := "services=3 taskDefinitions=2 containerInstances=1 instances=1 images=1 targetGroups=1"
	if got != want {
		t.Errorf("discovered %s, want %s", got, want)
	}
	for _, s := range f.Services {
		if s.TaskDef == nil {
			t.Errorf("service %s not linked to its task definition", s.Name())
		}
	}
	if len(f.Metrics) != 3 {
		t.Errorf("metrics for %d services, want 3", len(f.Metrics))
	}
	if len(f.Images) == 1 && aws.ToInt64(f.Images[0].Detail.ImageSizeInBytes) != 7023 {
		t.Errorf("image size %d, want the 7023 seeded (moto reports config.size)", aws.ToInt64(f.Images[0].Detail.ImageSizeInBytes))
	}
}

// Values put into moto's CloudWatch come back through our awsQuery client
// as the discovery reads them (a daily Maximum and a whole-window Average).
// moto computes no percentiles (its Statistics answers None for p99 and
// the response then fails with a 500), so the p99 queries are left out
// here; with no datapoints, as above, they answer empty like AWS.
func TestCloudWatchValuesFromMoto(t *testing.T) {
	url := startMoto(t)
	cfg := testConfig(url)
	ctx := context.Background()
	seedMotoMetrics(t, ctx, cfg)
	opts := Options{Regions: []string{"us-east-1"}, MetricsDays: 14}
	if err := opts.defaults(); err != nil {
		t.Fatal(err)
	}
	col := &collector{}
	r := newReader(Target{Config: cfg}, "us-east-1", opts, col, &progress{opts: opts, start: time.Now()})
	svc := serviceRef{arn: "arn", cluster: "web", name: "api-0"}
	end := time.Now().Truncate(time.Hour).Add(time.Hour)
	start := end.Add(-14 * day)
	window := int32(end.Sub(start) / time.Second)
	batch := []wanted{
		{id: "cpumax", cwQuery: serviceQuery("cpumax", svc, metricQueries[0], window)},
		{id: "memavg", cwQuery: serviceQuery("memavg", svc, metricQueries[5], window)},
	}
	values := r.metricsBatch(ctx, batch, start, end)
	if f, _ := col.fleet(); len(f.Gaps) > 0 {
		t.Fatalf("gaps %+v", f.Gaps)
	}
	if got := values["cpumax"]; len(got) != 1 || got[0] != 85 {
		t.Errorf("daily CPU maxima %v, want [85] (one day of data)", got)
	}
	if got := values["memavg"]; len(got) != 1 || got[0] != 55 {
		t.Errorf("memory average %v, want [55]", got)
	}
}

// seedMotoMetrics puts a few hours of AWS/ECS utilisation for web/api-0.
func seedMotoMetrics(t *testing.T, ctx context.Context, cfg aws.Config) {
	t.Helper()
	cw := newCloudWatch(cfg)
	at := time.Now().Add(-3 * time.Hour)
	dims := []cwtypes.Dimension{{Name: aws.String("ClusterName"), Value: aws.String("web")}, {Name: aws.String("ServiceName"), Value: aws.String("api-0")}}
	var data []cwtypes.MetricDatum
	for i, v := range []struct{ cpu, mem float64 }{{40, 50}, {85, 60}, {20, 55}} {
		ts := at.Add(time.Duration(i) * time.Minute)
		data = append(data,
			cwtypes.MetricDatum{MetricName: aws.String("CPUUtilization"), Dimensions: dims, Timestamp: &ts, Value: aws.Float64(v.cpu), Unit: cwtypes.StandardUnitPercent},
			cwtypes.MetricDatum{MetricName: aws.String("MemoryUtilization"), Dimensions: dims, Timestamp: &ts, Value: aws.Float64(v.mem), Unit: cwtypes.StandardUnitPercent})
	}
	if _, err := cw.PutMetricData(ctx, &cloudwatch.PutMetricDataInput{Namespace: aws.String("AWS/ECS"), MetricData: data}); err != nil {
		t.Fatalf("seeding moto's CloudWatch: %v", err)
	}
}

func seedMoto(t *testing.T, ctx context.Context, cfg aws.Config) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("seeding moto: %v", err)
		}
	}
	ecsC, ec2C, ecrC, elbC := ecs.NewFromConfig(cfg), ec2.NewFromConfig(cfg), ecr.NewFromConfig(cfg), elb.NewFromConfig(cfg)
	_, err := ecsC.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String("web")})
	must(err)
	run, err := ec2C.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-12c6146b"), MinCount: aws.Int32(1), MaxCount: aws.Int32(1), InstanceType: ec2types.InstanceTypeM5Large})
	must(err)
	id := aws.ToString(run.Instances[0].InstanceId)
	_, err = ecsC.RegisterContainerInstance(ctx, &ecs.RegisterContainerInstanceInput{Cluster: aws.String("web"),
		InstanceIdentityDocument: aws.String(fmt.Sprintf(`{"instanceId": %q}`, id))})
	must(err)
	repo, err := ecrC.CreateRepository(ctx, &ecr.CreateRepositoryInput{RepositoryName: aws.String("web/api")})
	must(err)
	manifest := `{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,"digest":"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"},"layers":[]}`
	_, err = ecrC.PutImage(ctx, &ecr.PutImageInput{RepositoryName: aws.String("web/api"), ImageManifest: aws.String(manifest), ImageTag: aws.String("v1")})
	must(err)
	image := strings.TrimPrefix(aws.ToString(repo.Repository.RepositoryUri), "https://") + ":v1"
	vpcs, err := ec2C.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{})
	must(err)
	tg, err := elbC.CreateTargetGroup(ctx, &elb.CreateTargetGroupInput{Name: aws.String("api"), Protocol: elbtypes.ProtocolEnumHttp,
		Port: aws.Int32(80), VpcId: vpcs.Vpcs[0].VpcId, TargetType: elbtypes.TargetTypeEnumInstance})
	must(err)
	for _, family := range []string{"api", "worker"} {
		img := "nginx:1.27"
		if family == "api" {
			img = image
		}
		_, err := ecsC.RegisterTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{Family: aws.String(family), NetworkMode: ecstypes.NetworkModeBridge,
			ContainerDefinitions: []ecstypes.ContainerDefinition{{Name: aws.String("app"), Image: aws.String(img), Memory: aws.Int32(512),
				PortMappings: []ecstypes.PortMapping{{ContainerPort: aws.Int32(8080), HostPort: aws.Int32(0)}}}}})
		must(err)
	}
	for i, family := range []string{"api", "worker", "worker"} {
		in := &ecs.CreateServiceInput{Cluster: aws.String("web"), ServiceName: aws.String(fmt.Sprintf("%s-%d", family, i)),
			TaskDefinition: aws.String(family + ":1"), DesiredCount: aws.Int32(2), LaunchType: ecstypes.LaunchTypeEc2}
		if family == "api" {
			in.LoadBalancers = []ecstypes.LoadBalancer{{TargetGroupArn: tg.TargetGroups[0].TargetGroupArn, ContainerName: aws.String("app"), ContainerPort: aws.Int32(8080)}}
		}
		_, err := ecsC.CreateService(ctx, in)
		must(err)
	}
}
