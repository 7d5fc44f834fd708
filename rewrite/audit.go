package rewrite

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// taskRuleIDs are the rules that look at a task definition alone; the
// rewrite audits with only these, since the services are not rewritten here.
var taskRuleIDs = func() []string {
	var ids []string
	for _, r := range analyzer.Rules() {
		if r.Scope == analyzer.ScopeTask {
			ids = append(ids, r.ID)
		}
	}
	return ids
}()

// auditor audits one task definition, original or rewritten, in the
// context the analyzer needs: the services that run it, their clusters'
// container instances (OS and architecture) and its images.
type auditor struct {
	name     string
	services []*fleet.Service
	clusters []*fleet.Cluster
	images   []*fleet.Image
}

func newAuditor(f *fleet.Fleet, td *fleet.TaskDefinition) *auditor {
	a := &auditor{name: td.Doc.Source.File, services: f.ServicesUsing(td)}
	seen := map[string]bool{}
	for _, s := range a.services {
		if c := f.Cluster(s.Cluster); c != nil && !seen[s.Cluster] {
			seen[s.Cluster] = true
			a.clusters = append(a.clusters, c)
		}
	}
	for _, c := range td.Def.ContainerDefinitions {
		if img := f.Image(deref(c.Image)); img != nil {
			a.images = append(a.images, img)
		}
	}
	return a
}

// audit runs the task rules on td, standing in for the original in the
// services that run it.
func (a *auditor) audit(td *fleet.TaskDefinition) ([]analyzer.Finding, error) {
	svcs := make([]*fleet.Service, len(a.services))
	for i, s := range a.services {
		c := *s
		c.TaskDef = td
		svcs[i] = &c
	}
	mini := &fleet.Fleet{TaskDefinitions: []*fleet.TaskDefinition{td}, Services: svcs, Clusters: a.clusters, Images: a.images}
	res, err := analyzer.Audit(mini, analyzer.Options{Only: taskRuleIDs})
	if err != nil {
		return nil, err
	}
	return res.Findings, nil
}

// decode reads a rewritten document back into the model.
func (a *auditor) decode(doc []byte) (*fleet.TaskDefinition, error) {
	f, diags := fleet.LoadBytes(a.name, doc)
	if len(f.TaskDefinitions) != 1 {
		var msgs []string
		for _, d := range diags {
			if d.Level == fleet.LevelError {
				msgs = append(msgs, d.String())
			}
		}
		return nil, fmt.Errorf("the rewritten document cannot be read back: %s", strings.Join(msgs, "; "))
	}
	return f.TaskDefinitions[0], nil
}
