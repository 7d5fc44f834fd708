package cloudformation_test

import (
	"strings"
	"testing"
)

// A value the template does not give statically is "not checked" for the
// rules that read it, with the reason; never judged as absent or guessed.
func TestUnresolvableValuesAreNotChecked(t *testing.T) {
	tests := []struct {
		name, old, new, rule, reason string
	}{
		{"parameter without default (network mode)", "      NetworkMode: awsvpc\n", "      NetworkMode: !Ref Mode\n", "network-mode-awsvpc", "parameter Mode has no Default"},
		{"pseudo parameter (launch type)", "      LaunchType: FARGATE\n", "      LaunchType: !Sub \"${AWS::StackName}\"\n", "new-service-launch-type", "AWS::StackName"},
		{"import (compatibilities)", "      RequiresCompatibilities: [FARGATE]\n", "      RequiresCompatibilities: !Split [\",\", !ImportValue compat]\n", "requires-compat-fargate", "Fn::ImportValue"},
		{"condition on a parameter without default", "      NetworkMode: awsvpc\n", "      NetworkMode: !If [IsProd, awsvpc, bridge]\n", "network-mode-awsvpc", "condition IsProd"},
	}
	params := "Parameters:\n  Mode:\n    Type: String\n  Stage:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\n"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmpl := strings.Replace(strings.Replace(base, tc.old, tc.new, 1), "Parameters:\n", params, 1) + provider
			res, diags := audit(t, writeTemplate(t, "template.yaml", tmpl))
			for f := range res.Findings.All() {
				if f.RuleID == tc.rule {
					t.Fatalf("%s judged a value not known statically: %s %s", tc.rule, f.Path, f.Message)
				}
			}
			found := false
			for _, n := range res.NotChecked {
				if n.RuleID == tc.rule && strings.Contains(n.Needs, tc.reason) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s is not reported as not checked because of %q; not checked: %+v", tc.rule, tc.reason, res.NotChecked)
			}
			warned := false
			for _, d := range diags {
				warned = warned || strings.Contains(d.Message, "not known statically") && d.Line > 0
			}
			if !warned {
				t.Errorf("no warning at the attribute's line: %v", diags)
			}
		})
	}
}

// The same attribute with a default is judged from the default.
func TestParameterDefaultsAreFollowed(t *testing.T) {
	tmpl := strings.Replace(base, "      NetworkMode: awsvpc\n", "      NetworkMode: !Ref Mode\n", 1)
	tmpl = strings.Replace(tmpl, "Parameters:\n", "Parameters:\n  Mode:\n    Type: String\n    Default: bridge\n", 1) + provider
	res, _ := audit(t, writeTemplate(t, "template.yaml", tmpl))
	for f := range res.Findings.All() {
		if f.RuleID == "network-mode-awsvpc" && f.Value == "bridge" {
			return
		}
	}
	t.Errorf("network-mode-awsvpc did not judge the parameter's default bridge: %v", ruleIDs(res))
}
