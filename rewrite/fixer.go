package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// fixer is the analyzer.Fixer a round gives the fix of one finding: its
// edits join the round's plan under the finding's rule.
type fixer struct {
	r *round
	f analyzer.Finding
}

var _ analyzer.Fixer = fixer{}

func (x fixer) Set(p analyzer.Path, v any, lossy bool, msg string) {
	x.r.p.add(opSet, x.f.RuleID, p, v, lossy, msg)
}

func (x fixer) Delete(p analyzer.Path, lossy bool, msg string) {
	x.r.p.add(opDelete, x.f.RuleID, p, nil, lossy, msg)
}

func (x fixer) Append(p analyzer.Path, v any, lossy bool, msg string) {
	x.r.p.add(opAppend, x.f.RuleID, p, v, lossy, msg)
}

func (x fixer) HideBefore() { x.r.p.hideLast() }
func (x fixer) HideValues() { x.r.p.hideValues() }

func (x fixer) AwslogsOptions(container string) map[string]string {
	return x.r.awslogsOptions(container)
}

func (x fixer) RegistryCredential(registry string) string {
	return x.r.opts.RegistryCredentials[registry]
}

func (x fixer) ExecutionRole(rule string) { x.r.askRole(rule, rule == x.f.RuleID) }

func (x fixer) TaskSize() {
	if !x.r.sized {
		x.r.sizeTask()
	}
}
