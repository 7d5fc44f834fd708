package rewrite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// ruleFixtureRoot holds the analyzer's rule fixtures
// (testdata/rules/<rule-id>/fail-*.json and pass-*).
const ruleFixtureRoot = "../analyzer/testdata/rules"

// TestEveryFixReauditsClean rewrites every task definition of every
// failing fixture of a rule with a fix (analyzer.Rule.Fix) on which the
// audit calls the rule's finding fixable, and audits the output again: no
// fixable finding of that rule is left that its fix would still edit (a
// fix may decline, as link-references does for a reference left to a
// person; the finding then stays, and says so). Each such rule must have a fixture
// that exercises its fix. The options give everything a fix may ask for
// (a log Region, a role, a secret for every registry), and --force lets
// the fixes run beside a blocker another rule of the fixture raises.
func TestEveryFixReauditsClean(t *testing.T) {
	for _, rule := range catalogue {
		if rule.Fix == nil {
			continue
		}
		t.Run(rule.ID, func(t *testing.T) {
			fixtures, _ := filepath.Glob(filepath.Join(ruleFixtureRoot, rule.ID, "fail-*"))
			exercised := 0
			for _, fx := range fixtures {
				if strings.HasSuffix(fx, ".golden.json") {
					continue
				}
				exercised += reauditFixture(t, rule.ID, fx)
			}
			if exercised == 0 {
				t.Errorf("no fail-* fixture in %s gives a fixable %s finding, so its fix is not tested", filepath.Join(ruleFixtureRoot, rule.ID), rule.ID)
			}
		})
	}
}

// reauditFixture checks the fix of rule on each task definition of the
// fixture at path with a fixable finding of it, and counts them.
func reauditFixture(t *testing.T, rule, path string) int {
	t.Helper()
	f, diags := fleet.Load(context.Background(), []string{path}, nil)
	if fleet.HasErrors(diags) {
		t.Fatalf("%s: %v", path, diags)
	}
	n := 0
	for _, td := range f.TaskDefinitions {
		a := newAuditor(f, td)
		if !fixEdits(a.audit(td), rule, a.subject(td)) {
			continue
		}
		n++
		res, err := TaskDefinition(f, td, fixOptions(f, td))
		if err != nil {
			t.Errorf("%s (%s): %v", path, td.Key(), err)
			continue
		}
		out, err := a.decode(res.Document)
		if err != nil {
			t.Errorf("%s (%s): %v", path, td.Key(), err)
			continue
		}
		subj := a.subject(out)
		for _, fd := range a.audit(out) {
			if fd.RuleID != rule || fd.Severity != analyzer.Fixable {
				continue
			}
			if fixEditsOne(&countingFixer{}, rule, subj, fd) {
				t.Errorf("%s (%s): after the rewrite %s still finds %s: %s", filepath.Base(path), td.Key(), rule, fd.Path, fd.Message)
			}
		}
	}
	return n
}

func fixEditsOne(x *countingFixer, rule string, subj *analyzer.Subject, fd analyzer.Finding) bool {
	fixes[rule](x, subj, fd)
	return x.edits > 0
}

// countingFixer counts the edits a fix asks for.
type countingFixer struct{ edits int }

func (x *countingFixer) Set(analyzer.Path, any, bool, string)    { x.edits++ }
func (x *countingFixer) Delete(analyzer.Path, bool, string)      { x.edits++ }
func (x *countingFixer) Append(analyzer.Path, any, bool, string) { x.edits++ }
func (x *countingFixer) HideBefore()                             {}
func (x *countingFixer) HideValues()                             {}
func (x *countingFixer) ExecutionRole(string)                    { x.edits++ }
func (x *countingFixer) TaskSize()                               { x.edits++ }
func (x *countingFixer) RegistryCredential(string) string {
	return "arn:aws:secretsmanager:us-east-1:123456789012:secret:r"
}
func (x *countingFixer) AwslogsOptions(string) map[string]string {
	return map[string]string{"awslogs-group": "g", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}
}

// fixEdits reports whether rule's fix edits the document for one of its
// fixable findings among fs.
func fixEdits(fs []analyzer.Finding, rule string, subj *analyzer.Subject) bool {
	for _, fd := range fs {
		if fd.RuleID != rule || fd.Severity != analyzer.Fixable {
			continue
		}
		if fixEditsOne(&countingFixer{}, rule, subj, fd) {
			return true
		}
	}
	return false
}

// fixOptions answers every question a fix may ask: a log Region and an
// execution role (a fixture need not name an account), and a secret for
// each registry the containers pull from.
func fixOptions(f *fleet.Fleet, td *fleet.TaskDefinition) Options {
	creds := map[string]string{}
	for _, c := range td.Def.ContainerDefinitions {
		reg := fleet.ParseImageRef(ptr.Value(c.Image)).Registry
		creds[reg] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-" + strings.ReplaceAll(reg, ".", "-")
	}
	return Options{Force: true, LogRegion: "us-east-1", ExecutionRoleARN: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole", RegistryCredentials: creds}
}
