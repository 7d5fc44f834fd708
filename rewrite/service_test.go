package rewrite

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TestServiceCaseInvariants checks, for every golden case, what must hold
// whatever the wording: rule IDs exist, in-place documents carry all the
// Fargate settings, and every load balancer points at an ip target group
// or at the placeholder of one the rewrite created.
func TestServiceCaseInvariants(t *testing.T) {
	for _, dir := range svcCaseDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			f, res := svcLoadCase(t, dir)
			svcCheckRuleIDs(t, res)
			if (res.NotInPlace == "") != (res.UpdateService != nil && !res.Forced) {
				t.Errorf("notInPlace %q does not match the update-service document (present %v, forced %v)", res.NotInPlace, res.UpdateService != nil, res.Forced)
			}
			if res.UpdateService != nil && res.CreateService != nil {
				t.Error("both update-service and create-service written")
			}
			if res.UpdateService != nil {
				var in ecs.UpdateServiceInput
				svcStrictDecode(t, "update-service", res.UpdateService, &in)
				svcCheckUpdate(t, &in)
				svcCheckLoadBalancers(t, f, res, in.LoadBalancers)
			}
			if res.CreateService != nil {
				var in ecs.CreateServiceInput
				svcStrictDecode(t, "create-service", res.CreateService, &in)
				svcCheckCreate(t, &in)
				svcCheckLoadBalancers(t, f, res, in.LoadBalancers)
			}
		})
	}
}

func svcCheckRuleIDs(t *testing.T, res *ServiceResult) {
	t.Helper()
	for _, c := range res.Changes {
		if _, ok := analyzer.Lookup(c.RuleID); !ok {
			t.Errorf("change %q has unknown rule ID %q", c.Path, c.RuleID)
		}
		if c.Message == "" {
			t.Errorf("change %s at %q has no message", c.RuleID, c.Path)
		}
	}
	for _, r := range res.Remaining {
		if _, ok := analyzer.Lookup(r.RuleID); !ok {
			t.Errorf("remaining finding has unknown rule ID %q", r.RuleID)
		}
		if _, err := analyzer.ParseSeverity(r.Severity); err != nil {
			t.Errorf("remaining %s has severity %q: %v", r.RuleID, r.Severity, err)
		}
	}
}

func svcCheckUpdate(t *testing.T, in *ecs.UpdateServiceInput) {
	t.Helper()
	if !svcHasProvider(in.CapacityProviderStrategy, capacityFargate) {
		t.Errorf("capacity provider strategy %v lacks FARGATE", in.CapacityProviderStrategy)
	}
	if in.PlacementConstraints == nil || len(in.PlacementConstraints) != 0 || in.PlacementStrategy == nil || len(in.PlacementStrategy) != 0 {
		t.Error("placement constraints and strategy are not cleared with empty lists")
	}
	if !in.ForceNewDeployment || aws.ToString(in.PlatformVersion) != platformLatest || aws.ToString(in.TaskDefinition) == "" {
		t.Error("forceNewDeployment, platformVersion LATEST or taskDefinition missing")
	}
	svcCheckNetwork(t, in.NetworkConfiguration)
}

func svcCheckCreate(t *testing.T, in *ecs.CreateServiceInput) {
	t.Helper()
	if in.LaunchType != "" && in.LaunchType != ecstypes.LaunchTypeFargate || (in.LaunchType == "") != svcHasProvider(in.CapacityProviderStrategy, capacityFargate) {
		t.Errorf("create-service must use either the FARGATE capacity provider or the FARGATE launch type; got %q, %v", in.LaunchType, in.CapacityProviderStrategy)
	}
	if in.SchedulingStrategy != ecstypes.SchedulingStrategyReplica || in.Role != nil || len(in.PlacementConstraints)+len(in.PlacementStrategy) > 0 {
		t.Error("create-service must be REPLICA without role or placement settings")
	}
	if !strings.HasSuffix(aws.ToString(in.ServiceName), sideBySideSuffix) {
		t.Errorf("side-by-side service is named %q", aws.ToString(in.ServiceName))
	}
	svcCheckNetwork(t, in.NetworkConfiguration)
}

func svcCheckNetwork(t *testing.T, nc *ecstypes.NetworkConfiguration) {
	t.Helper()
	if nc == nil || nc.AwsvpcConfiguration == nil || len(nc.AwsvpcConfiguration.Subnets) == 0 || len(nc.AwsvpcConfiguration.SecurityGroups) == 0 {
		t.Fatal("no complete awsvpc configuration")
	}
	if nc.AwsvpcConfiguration.AssignPublicIp == "" {
		t.Error("assignPublicIp not set explicitly")
	}
}

func svcHasProvider(items []ecstypes.CapacityProviderStrategyItem, name string) bool {
	return slices.ContainsFunc(items, func(it ecstypes.CapacityProviderStrategyItem) bool { return aws.ToString(it.CapacityProvider) == name })
}

// svcCheckLoadBalancers: each entry names an ip target group of the
// inputs, or the placeholder of a created group whose port is the
// container port.
func svcCheckLoadBalancers(t *testing.T, f *fleet.Fleet, res *ServiceResult, lbs []ecstypes.LoadBalancer) {
	t.Helper()
	for i, lb := range lbs {
		if lb.LoadBalancerName != nil {
			t.Errorf("loadBalancers[%d] keeps Classic Load Balancer %s", i, *lb.LoadBalancerName)
			continue
		}
		arn := aws.ToString(lb.TargetGroupArn)
		if tg := f.TargetGroup(arn); tg != nil && tg.TG.TargetType == "ip" {
			continue
		}
		doc := svcDocForPlaceholder(res, arn)
		if doc == nil {
			t.Errorf("loadBalancers[%d] points to %s, neither an ip target group nor a created one", i, arn)
			continue
		}
		var tg struct {
			TargetType string
			Port       int32
		}
		if err := json.Unmarshal(doc.Document, &tg); err != nil {
			t.Fatal(err)
		}
		if tg.TargetType != "ip" || tg.Port != aws.ToInt32(lb.ContainerPort) {
			t.Errorf("target group %s: type %q port %d, want ip and container port %d", doc.Name, tg.TargetType, tg.Port, aws.ToInt32(lb.ContainerPort))
		}
	}
}

func svcDocForPlaceholder(res *ServiceResult, arn string) *TargetGroupDoc {
	for i := range res.TargetGroups {
		if placeholderTargetGroupARN(res.TargetGroups[i].Replaces, res.TargetGroups[i].Name) == arn {
			return &res.TargetGroups[i]
		}
	}
	return nil
}
