package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// audit --aws against moto reads CloudWatch (14 days by default, Container
// Insights on in the cluster's settings) without a gap: the CloudWatch
// client speaks awsQuery, which moto decodes, not the SDK's default CBOR.
func TestAuditAWSAgainstMotoHasNoCloudWatchGap(t *testing.T) {
	url := testtool.Moto(t, "audit --aws against moto")
	ctx := context.Background()
	client := ecs.NewFromConfig(aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(url),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDTEST", "secret", "")})
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("seeding moto: %v", err)
		}
	}
	must(client.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: aws.String("web"),
		Settings: []ecstypes.ClusterSetting{{Name: ecstypes.ClusterSettingNameContainerInsights, Value: aws.String("enabled")}}}))
	must(client.RegisterTaskDefinition(ctx, &ecs.RegisterTaskDefinitionInput{Family: aws.String("api"), NetworkMode: ecstypes.NetworkModeBridge,
		ContainerDefinitions: []ecstypes.ContainerDefinition{{Name: aws.String("app"), Image: aws.String("nginx:1.27"), Memory: aws.Int32(512)}}}))
	must(client.CreateService(ctx, &ecs.CreateServiceInput{Cluster: aws.String("web"), ServiceName: aws.String("api"),
		TaskDefinition: aws.String("api:1"), DesiredCount: aws.Int32(1), LaunchType: ecstypes.LaunchTypeEc2}))

	t.Setenv("AWS_ENDPOINT_URL", url)
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDTEST")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	code, stdout, errOut := runCLI(t, "", "audit", "--aws", "--quiet", "--format", "json", "--fail-on", "none")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	var report struct {
		Summary struct{ Services int }
		Gaps    []any
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	if report.Summary.Services != 1 || len(report.Gaps) != 0 {
		t.Errorf("services %d, gaps %v", report.Summary.Services, report.Gaps)
	}
}
