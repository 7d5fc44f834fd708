package rewrite

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// catalogue is the analyzer's rules, built once: the rewrite audits each
// definition two or three times. It audits with the task rules only
// (analyzer.Check keeps to one scope), since services are rewritten
// elsewhere.
var catalogue = analyzer.Rules()

// auditor audits one task definition, original or rewritten, in the
// context the analyzer needs: the services that run it, their clusters'
// container instances (OS and architecture) and its images.
type auditor struct {
	name     string
	services []*fleet.Service
	// shell stands for the definition in a small fleet of its own, built
	// once: each audit copies the version being audited into it, so the
	// lookups that fleet builds on first use stay valid for every audit.
	shell *fleet.TaskDefinition
	mini  *fleet.Fleet
}

func newAuditor(f *fleet.Fleet, td *fleet.TaskDefinition) *auditor {
	a := &auditor{name: td.Doc.Source.File, services: f.ServicesUsing(td), shell: &fleet.TaskDefinition{}}
	a.mini = &fleet.Fleet{TaskDefinitions: []*fleet.TaskDefinition{a.shell}}
	seen := map[*fleet.Cluster]bool{}
	for _, s := range a.services {
		c := *s
		c.TaskDef = a.shell
		a.mini.Services = append(a.mini.Services, &c)
		if cl := f.ClusterOf(s); cl != nil && !seen[cl] {
			seen[cl] = true
			a.mini.Clusters = append(a.mini.Clusters, hostEvidence(cl))
		}
	}
	for _, c := range td.Def.ContainerDefinitions {
		if img := f.Image(ptr.Value(c.Image)); img != nil {
			a.mini.Images = append(a.mini.Images, img)
		}
	}
	return a
}

// audit runs the task rules on td, standing in for the original in the
// services that run it.
func (a *auditor) audit(td *fleet.TaskDefinition) []analyzer.Finding {
	*a.shell = *td
	return analyzer.Check(catalogue, analyzer.ScopeTask, &analyzer.Subject{Fleet: a.mini, TaskDef: a.shell})
}

// subject is td as the audit sees it, for the fixes of its findings.
func (a *auditor) subject(td *fleet.TaskDefinition) *analyzer.Subject {
	*a.shell = *td
	return &analyzer.Subject{Fleet: a.mini, TaskDef: a.shell}
}

// decode reads a rewritten document back into the model: with
// encoding/json when the document is plain (it matches members
// case-insensitively, as the loader does), else through the loader, which
// is slower but tolerates more.
func (a *auditor) decode(doc []byte) (*fleet.TaskDefinition, error) {
	var v struct {
		ecstypes.TaskDefinition
		Tags []ecstypes.Tag
	}
	if json.Unmarshal(doc, &v) == nil {
		return &fleet.TaskDefinition{Def: v.TaskDefinition, Tags: v.Tags, Registerable: true,
			Doc: fleet.Doc{Source: fleet.Source{File: a.name}, Raw: doc}}, nil
	}
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

// ruleSeverity is the severity the audit gives rule id's findings, for
// what the rewrite leaves to do under that rule: the audit, the rewrite's
// remaining items and the report say the same. A rule whose findings take
// several severities (Rule.Also) gives its own Severity.
func ruleSeverity(id string) string {
	for _, r := range catalogue {
		if r.ID == id {
			return r.Severity.String()
		}
	}
	return "unknown" // a test holds every rule ID the rewrite names to the catalogue
}
