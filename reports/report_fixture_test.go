package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// reportFleet is the audit test fleet (blocked, fixable and unknown
// services, input problems) plus a priced cluster with instances.
var reportFleet = []string{testFleet, "testdata/costfleet"}

// fixtureReport builds the report the way `ecs2fargate report` does, with
// a hand-made rewrite preview: the rewrite functions are tested in their
// own package; here the change lists only need to be rendered.
func fixtureReport(t testing.TB, paths ...string) *Report {
	t.Helper()
	if len(paths) == 0 {
		paths = reportFleet
	}
	f, diags := fleet.Load(context.Background(), paths, nil)
	return reportOf(t, f, diags, fixturePreview(f))
}

func reportOf(t testing.TB, f *fleet.Fleet, diags []fleet.Diagnostic, rw RewritePreview) *Report {
	t.Helper()
	a, c := fixtureAuditAndCost(t, f, diags)
	return NewReport(a, c, rw, "")
}

// fixtureAuditAndCost are the audit and cost reports of f the fixture's
// reports join.
func fixtureAuditAndCost(t testing.TB, f *fleet.Fleet, diags []fleet.Diagnostic) (*Audit, *Cost) {
	t.Helper()
	res, err := analyzer.Audit(f, analyzer.Options{Only: fixtureRules})
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := pricing.Compare(f, pricing.Default(), pricing.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return NewAudit("1.0.0-test", res, f, diags), NewCost("1.0.0-test", cmp, f, diags)
}

// fixturePreview gives every service one network-mode change, an
// environment change whose values must never be shown, and, for load
// balanced services, an ip target group.
func fixturePreview(f *fleet.Fleet) RewritePreview {
	rw := RewritePreview{TaskDefinitions: map[string]*rewrite.Result{}, Services: map[string]*rewrite.ServiceResult{}}
	// Keyed as the command keys them: by each service's account and region
	// and the task definition it names.
	for _, s := range f.Services {
		td := s.TaskDef
		if td == nil {
			continue
		}
		rw.TaskDefinitions[TaskDefinitionKey(s.Identity.Account, s.Identity.Region, s.TaskDefinitionKey())] = &rewrite.Result{
			Key: td.Key(), Document: json.RawMessage(`{}`), Size: rewrite.Size{CPU: 256, Memory: 512},
			Changes: []rewrite.Change{
				{RuleID: "network-mode-awsvpc", Path: "networkMode", Before: raw(`"bridge"`), After: raw(`"awsvpc"`), Message: "Fargate needs awsvpc networking"},
				{RuleID: "plaintext-secret", Path: "containerDefinitions[0].environment[0].value", Before: raw(`"hunter2-in-a-change"`), Message: "moved to Secrets Manager"},
			},
			Remaining: []rewrite.Remaining{},
		}
	}
	for _, s := range f.Services {
		sr := &rewrite.ServiceResult{Cluster: s.Cluster, Service: s.Name(), Remaining: []rewrite.Remaining{},
			Changes: []rewrite.Change{{RuleID: "lb-target-type-ip", Path: "loadBalancers[0].targetGroupArn", Before: raw(`"instance-tg"`), After: raw(`"ip-tg"`), Lossy: false, Message: "points at the new ip target group"}}}
		if len(s.Svc.LoadBalancers) > 0 {
			sr.TargetGroups = []rewrite.TargetGroupDoc{{Name: s.Name() + "-ip", Replaces: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/" + s.Name() + "/0"}}
		}
		rw.Services[ServiceKey(s.Identity.Account, s.Identity.Region, s.Cluster, s.Name())] = sr
	}
	return rw
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }

func renderReport(t testing.TB, format string, r *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderReport(&buf, format, r); err != nil {
		t.Fatalf("rendering %s: %v", format, err)
	}
	return buf.Bytes()
}
