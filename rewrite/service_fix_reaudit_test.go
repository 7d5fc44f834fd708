package rewrite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TestEveryServiceFixReauditsClean rewrites every service of every
// failing fixture of a service rule with a fix (analyzer.Rule.FixService)
// on which the audit calls the rule's finding fixable: its task definition
// first (as the CLI does), then the service. The outputs, loaded back as a
// fleet (the service as its update-service or create-service request
// leaves it, the rewritten task definition, the new ip target groups and
// every other input), give no fixable finding of that rule unless the
// rewrite reports the rule as remaining (a fix that cannot act through a
// service request, as cluster-fargate-providers', says so there). --force
// lets the rewrites run beside a blocker another rule raises. The service
// rewrite applies that rule's fix alone: with every fix, the Fargate
// strategy another rule asks for would hide what most service rules check
// (they pass a service on Fargate), and another rule asking for the same
// setting (lb-container-port's ip target group) would stand in for a
// missing one.
func TestEveryServiceFixReauditsClean(t *testing.T) {
	for _, rule := range serviceFixRules {
		t.Run(rule.ID, func(t *testing.T) {
			fixtures, _ := filepath.Glob(filepath.Join(ruleFixtureRoot, rule.ID, "fail-*"))
			exercised := 0
			for _, fx := range fixtures {
				if !strings.HasSuffix(fx, ".golden.json") {
					exercised += reauditServiceFixture(t, rule, fx)
				}
			}
			if exercised == 0 {
				t.Errorf("no fail-* fixture in %s gives a fixable %s finding that a service request carries, so its fix is not tested", filepath.Join(ruleFixtureRoot, rule.ID), rule.ID)
			}
		})
	}
}

// reauditServiceFixture checks rule's fix on each service of the fixture
// at path that has a fixable finding of it, and counts them.
func reauditServiceFixture(t *testing.T, rule analyzer.Rule, path string) int {
	t.Helper()
	f, diags := fleet.Load(context.Background(), []string{path}, nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("%s: %v", path, diags)
	}
	n := 0
	for _, s := range f.Services {
		if !hasFixable(f, s, rule) {
			continue
		}
		name := filepath.Base(path) + " " + s.Name()
		after, res := rewriteServiceAndLoad(t, f, s, rule, name)
		if after == nil {
			continue
		}
		n++
		audit, err := analyzer.Audit(after, analyzer.Options{Only: []string{rule.ID}})
		if err != nil {
			t.Fatal(err)
		}
		for fd := range audit.Findings.All() {
			if fd.Severity == analyzer.Fixable && !svcHasRemaining(res, fd.RuleID) {
				t.Errorf("%s: after the rewrite %s still finds %s: %s", name, rule.ID, fd.Path, fd.Message)
			}
		}
	}
	return n
}

func hasFixable(f *fleet.Fleet, s *fleet.Service, rule analyzer.Rule) bool {
	for _, fd := range analyzer.Check([]analyzer.Rule{rule}, analyzer.ScopeService, &analyzer.Subject{Fleet: f, TaskDef: s.TaskDef, Service: s}) {
		if fd.Severity == analyzer.Fixable {
			return true
		}
	}
	return false
}

// rewriteServiceAndLoad rewrites s's task definition (when the inputs
// have it) and s, and loads the fleet the outputs leave: nil when the
// rewrite writes no service request.
func rewriteServiceAndLoad(t *testing.T, f *fleet.Fleet, s *fleet.Service, rule analyzer.Rule, name string) (*fleet.Fleet, *ServiceResult) {
	t.Helper()
	dir := t.TempDir()
	newTD := s.TaskDefinitionKey()
	others := svcOtherDocs(t, f)
	if s.TaskDef != nil {
		tdRes, err := TaskDefinition(f, s.TaskDef, fixOptions(f, s.TaskDef))
		if err != nil || tdRes.Document == nil {
			t.Fatalf("%s: task definition rewrite: %v", name, err)
		}
		newTD = ptrFamily(s.TaskDef) // the register-shaped document has no revision
		if err := os.WriteFile(filepath.Join(dir, "taskdef.json"), tdRes.Document, 0o644); err != nil {
			t.Fatal(err)
		}
		others = others[len(f.TaskDefinitions):] // svcOtherDocs lists the task definitions first
	}
	res, err := serviceWithFixes(f, s, newTD, ServiceOptions{Force: true}, []analyzer.Rule{rule}, nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	svc, ok := serviceAfter(t, s, res)
	if !ok {
		return nil, res
	}
	svcWriteDoc(t, filepath.Join(dir, "services.json"), map[string]any{"services": []ecstypes.Service{svc}}, awsjson.ECSCLI)
	svcWriteDoc(t, filepath.Join(dir, "target-groups.json"), map[string]any{"TargetGroups": svcTargetGroupsAfter(t, f, res)}, awsjson.EC2CLI)
	for i, d := range others {
		svcWriteDoc(t, filepath.Join(dir, "doc"+string(rune('a'+i))+".json"), d, awsjson.ECSCLI)
	}
	after, diags := fleet.Load(context.Background(), []string{dir}, nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("%s: loading the outputs: %v", name, diags)
	}
	return after, res
}

func ptrFamily(td *fleet.TaskDefinition) string { return aws.ToString(td.Def.Family) }

// serviceAfter is the service as its request leaves it: the old one with
// the update-service settings, or the new one create-service makes.
func serviceAfter(t *testing.T, s *fleet.Service, res *ServiceResult) (ecstypes.Service, bool) {
	t.Helper()
	switch {
	case res.UpdateService != nil:
		var in ecs.UpdateServiceInput
		svcStrictDecode(t, "update-service", res.UpdateService, &in)
		svc := s.Svc
		if len(in.CapacityProviderStrategy) > 0 {
			svc.LaunchType, svc.CapacityProviderStrategy = "", in.CapacityProviderStrategy
		}
		svc.TaskDefinition = aws.String(aws.ToString(in.TaskDefinition))
		if in.NetworkConfiguration != nil {
			svc.NetworkConfiguration = in.NetworkConfiguration
		}
		if in.PlacementConstraints != nil {
			svc.PlacementConstraints = in.PlacementConstraints
		}
		if in.PlacementStrategy != nil {
			svc.PlacementStrategy = in.PlacementStrategy
		}
		if in.PlatformVersion != nil {
			svc.PlatformVersion = in.PlatformVersion
		}
		if in.LoadBalancers != nil {
			svc.LoadBalancers = in.LoadBalancers
		}
		if in.VolumeConfigurations != nil { // the new deployment's
			svc.Deployments = []ecstypes.Deployment{{Status: aws.String("PRIMARY"), TaskDefinition: in.TaskDefinition, VolumeConfigurations: in.VolumeConfigurations}}
		}
		return svc, true
	case res.CreateService != nil:
		var in ecs.CreateServiceInput
		svcStrictDecode(t, "create-service", res.CreateService, &in)
		return ecstypes.Service{
			ServiceName: in.ServiceName, ClusterArn: s.Svc.ClusterArn, TaskDefinition: in.TaskDefinition, LaunchType: in.LaunchType,
			CapacityProviderStrategy: in.CapacityProviderStrategy, NetworkConfiguration: in.NetworkConfiguration, LoadBalancers: in.LoadBalancers,
			ServiceRegistries: in.ServiceRegistries, PlacementConstraints: in.PlacementConstraints, PlacementStrategy: in.PlacementStrategy,
			PlatformVersion: in.PlatformVersion, SchedulingStrategy: in.SchedulingStrategy, DeploymentController: in.DeploymentController,
			DesiredCount: aws.ToInt32(in.DesiredCount), Status: aws.String("ACTIVE"),
		}, true
	}
	return ecstypes.Service{}, false
}
