package discover

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
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

	f, diags, err := Discover(ctx, []Target{{Config: cfg}}, Options{Regions: []string{"us-east-1"}})
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
	if len(f.Images) == 1 && aws.ToInt64(f.Images[0].Detail.ImageSizeInBytes) != 7023 {
		t.Errorf("image size %d, want the 7023 seeded (moto reports config.size)", aws.ToInt64(f.Images[0].Detail.ImageSizeInBytes))
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
