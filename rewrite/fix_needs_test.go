package rewrite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// TestFixNeedsDeclared holds Rule.FixNeeds, which checkInputs reads, to
// what the fixes do on the rules' failing fixtures: a fix that asks for the
// execution role declares NeedsExecutionRole, and one that writes an
// awslogs configuration declares NeedsLogRegion and NeedsExecutionRole
// (the configuration needs the role, exec-role-awslogs).
func TestFixNeedsDeclared(t *testing.T) {
	for _, rule := range catalogue {
		if rule.Fix == nil {
			continue
		}
		fixtures, _ := filepath.Glob(filepath.Join(ruleFixtureRoot, rule.ID, "fail-*"))
		for _, fx := range fixtures {
			if strings.HasSuffix(fx, ".golden.json") {
				continue
			}
			f, diags := fleet.Load(context.Background(), []string{fx}, nil)
			if fleet.HasErrors(diags) {
				t.Fatalf("%s: %v", fx, diags)
			}
			for _, td := range f.TaskDefinitions {
				a := newAuditor(f, td)
				subj := a.subject(td)
				for _, fd := range a.audit(td) {
					if fd.RuleID != rule.ID || fd.Severity != analyzer.Fixable {
						continue
					}
					x := &needsProbe{}
					rule.Fix(x, subj, fd)
					want := analyzer.FixInput(0)
					if x.role {
						want |= analyzer.NeedsExecutionRole
					}
					if x.awslogs {
						want |= analyzer.NeedsLogRegion | analyzer.NeedsExecutionRole
					}
					if rule.FixNeeds&want != want {
						t.Errorf("%s (%s): the fix of %s needs %b but the rule declares FixNeeds %b", filepath.Base(fx), td.Key(), rule.ID, want, rule.FixNeeds)
					}
				}
			}
		}
	}
}

// needsProbe is a Fixer that notes what a fix needs.
type needsProbe struct {
	countingFixer
	role, awslogs bool
}

func (x *needsProbe) ExecutionRole(string) { x.role = true }

func (x *needsProbe) Set(_ analyzer.Path, v any, _ bool, _ string) {
	if m, ok := v.(map[string]any); ok && m["logDriver"] == "awslogs" {
		x.awslogs = true
	}
}
