package rewrite

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// svcRewriteRules are the service rules whose findings the service rewrite
// fixes or reports as remaining; the task definition's own rules are the
// task-definition rewrite's business.
var svcRewriteRules = []string{
	"in-place-switch", "new-service-launch-type", "cp-strategy-shape", "service-placement-constraints", "service-placement-strategy",
	"network-configuration", "assign-public-ip", "lb-target-type-ip", "lb-classic", "platform-version", "scheduling-daemon",
	"cluster-fargate-providers", "fargate-spot-windows", "service-role", "deploy-controller-codedeploy", "deploy-controller-external",
	"lb-container-port", "service-discovery", "ebs-volume-type",
}

// TestServiceReaudit applies each update-service document to its service
// (and creates the ip target groups), audits the result again, and
// requires every finding of the rules above to be a remaining one.
func TestServiceReaudit(t *testing.T) {
	checked := 0
	for _, dir := range svcCaseDirs(t) {
		f, res := svcLoadCase(t, dir)
		if res.UpdateService == nil {
			continue
		}
		checked++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			before, err := analyzer.Audit(f, analyzer.Options{Only: svcRewriteRules})
			if err != nil || !slices.ContainsFunc(before.Findings.Slice(), func(fd analyzer.Finding) bool { return !svcHasRemaining(res, fd.RuleID) }) {
				t.Fatalf("the input has no finding the rewrite fixes (%v): the re-audit would prove nothing", err)
			}
			after := svcApplyUpdate(t, f, res)
			audit, err := analyzer.Audit(after, analyzer.Options{Only: svcRewriteRules})
			if err != nil {
				t.Fatal(err)
			}
			for fd := range audit.Findings.All() {
				if fd.Service != "" && !svcHasRemaining(res, fd.RuleID) {
					t.Errorf("after the update: %s %s at %s: %s (not reported as remaining)", fd.Severity, fd.RuleID, fd.Path, fd.Message)
				}
			}
		})
	}
	if checked < 5 {
		t.Fatalf("only %d cases have an update-service document", checked)
	}
}

// svcApplyUpdate builds the fleet as it would be after the update: the
// service with the request's settings, the new target groups of type ip.
func svcApplyUpdate(t *testing.T, f *fleet.Fleet, res *ServiceResult) *fleet.Fleet {
	t.Helper()
	var in ecs.UpdateServiceInput
	svcStrictDecode(t, "update-service", res.UpdateService, &in)
	svc := f.Services[0].Svc
	svc.LaunchType = ""
	svc.TaskDefinition = in.TaskDefinition
	svc.CapacityProviderStrategy = in.CapacityProviderStrategy
	svc.NetworkConfiguration = in.NetworkConfiguration
	svc.PlacementConstraints = in.PlacementConstraints
	svc.PlacementStrategy = in.PlacementStrategy
	svc.PlatformVersion = in.PlatformVersion
	if in.LoadBalancers != nil {
		svc.LoadBalancers = in.LoadBalancers
	}
	tgs := svcTargetGroupsAfter(t, f, res)
	dir := t.TempDir()
	svcWriteDoc(t, filepath.Join(dir, "services.json"), map[string]any{"services": []ecstypes.Service{svc}}, awsjson.ECSCLI)
	svcWriteDoc(t, filepath.Join(dir, "target-groups.json"), map[string]any{"TargetGroups": tgs}, awsjson.EC2CLI)
	for i, d := range svcOtherDocs(t, f) {
		b, err := json.Marshal(d) // raw input documents, kept as read
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "doc"+string(rune('a'+i))+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after, diags := fleet.Load(context.Background(), []string{dir}, nil)
	for _, d := range diags {
		t.Errorf("loading the updated fleet: %+v", d)
	}
	return after
}

// svcTargetGroupsAfter is the old target groups plus the created ones.
func svcTargetGroupsAfter(t *testing.T, f *fleet.Fleet, res *ServiceResult) []elbtypes.TargetGroup {
	t.Helper()
	var out []elbtypes.TargetGroup
	for _, tg := range f.TargetGroups {
		out = append(out, tg.TG)
	}
	for _, doc := range res.TargetGroups {
		var in elbv2.CreateTargetGroupInput
		svcStrictDecode(t, doc.Name, doc.Document, &in)
		out = append(out, elbtypes.TargetGroup{TargetGroupArn: aws.String(placeholderTargetGroupARN(doc.Replaces, doc.Name)),
			TargetGroupName: in.Name, TargetType: in.TargetType, Protocol: in.Protocol, Port: in.Port, VpcId: in.VpcId, HealthCheckPort: in.HealthCheckPort})
	}
	return out
}

// svcOtherDocs re-creates the inputs other than services and target
// groups, in their AWS CLI shapes.
func svcOtherDocs(t *testing.T, f *fleet.Fleet) []any {
	var docs []any
	for _, td := range f.TaskDefinitions {
		docs = append(docs, map[string]json.RawMessage{"taskDefinition": docBytes(t, td.Doc)})
	}
	var cis []json.RawMessage
	for _, ci := range f.ContainerInstances {
		cis = append(cis, docBytes(t, ci.Doc))
	}
	if len(cis) > 0 {
		docs = append(docs, map[string]any{"containerInstances": cis})
	}
	var ins []json.RawMessage
	for _, in := range f.Instances {
		ins = append(ins, docBytes(t, in.Doc))
	}
	if len(ins) > 0 {
		docs = append(docs, map[string]any{"Reservations": []map[string]any{{"Instances": ins}}})
	}
	var cls []json.RawMessage
	for _, c := range f.Clusters {
		if c.Detail != nil {
			cls = append(cls, docBytes(t, c.DetailDoc))
		}
	}
	if len(cls) > 0 {
		docs = append(docs, map[string]any{"clusters": cls})
	}
	return slices.Clip(docs)
}

func svcWriteDoc(t *testing.T, path string, v any, style awsjson.Style) {
	t.Helper()
	b, err := awsjson.Marshal(v, style)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
