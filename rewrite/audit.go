package rewrite

import (
	"encoding/json"
	"fmt"
	"strings"

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
// container instances (OS and architecture) and its images. Every version
// of a definition runs on its original's hosts, so those are gathered once
// from the fleet and given to each audit (analyzer.Subject.Hosts); the
// rest the rules ask the fleet (its images: a rewrite changes no image).
// Issue 17: a small fleet of its own for each definition, its lookups and
// host evidence built again, was 35 MB of what the report's preview
// allocated at 10,000 services.
type auditor struct {
	f        *fleet.Fleet
	name     string
	services []*fleet.Service
	hosts    fleet.Hosts // the original's (fleet.HostsOf); read-only
}

func newAuditor(f *fleet.Fleet, td *fleet.TaskDefinition) *auditor {
	return &auditor{f: f, name: td.Doc.Source.File, services: f.ServicesUsing(td), hosts: f.HostsOf(td)}
}

// audit runs the task rules on td, standing in for the original in the
// services that run it.
func (a *auditor) audit(td *fleet.TaskDefinition) []analyzer.Finding {
	return analyzer.Check(catalogue, analyzer.ScopeTask, a.subject(td))
}

// auditInto is audit, its findings in dst's room (analyzer.CheckInto).
func (a *auditor) auditInto(dst []analyzer.Finding, td *fleet.TaskDefinition) []analyzer.Finding {
	return analyzer.CheckInto(dst, catalogue, analyzer.ScopeTask, a.subject(td))
}

// subject is td as the audit sees it, for the fixes of its findings.
func (a *auditor) subject(td *fleet.TaskDefinition) *analyzer.Subject {
	return &analyzer.Subject{Fleet: a.f, TaskDef: td, Hosts: &a.hosts}
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
