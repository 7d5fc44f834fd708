package reports

import (
	"cmp"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// AuditSchemaVersion is the version of the audit JSON contract (docs/json.md).
const AuditSchemaVersion = 1

// Audit is the neutral audit report every format renders.
type Audit struct {
	SchemaVersion int                   `json:"schemaVersion"`
	Tool          Tool                  `json:"tool"`
	Inputs        []string              `json:"inputs"`
	Summary       Summary               `json:"summary"`
	Findings      *analyzer.Findings    `json:"findings"` // compact; read with All or At
	Verdicts      []analyzer.Verdict    `json:"verdicts"`
	NotChecked    []analyzer.NotChecked `json:"notChecked"`
	Diagnostics   []fleet.Diagnostic    `json:"diagnostics"`
	Gaps          []fleet.Gap           `json:"gaps"`
	Rules         []analyzer.Rule       `json:"-"` // the rules that ran (SARIF lists them)
	// Locate, when set, finds where JSON paths start in an input file (see
	// fleet.Locate); SARIF uses it for line numbers. Renderers never read
	// files themselves, so the caller supplies it; nil means no lines.
	Locate func(file string, paths []string) map[string]fleet.Position `json:"-"`
	// Screen says how wide, how coloured and how detailed the terminal
	// format is; the zero value suits a pipe.
	Screen Screen `json:"-"`
	// DetailsFile names the Markdown details file the Markdown summary
	// links to (relative to the summary); empty when none is written.
	DetailsFile string `json:"-"`
	fleet       *fleet.Fleet
	// places says whether human formats name account and region
	// (placeOf), worked out when a format first asks (place): JSON and
	// JSON Lines never do, and at 100,000 services it is a list and a map
	// of every verdict's place (24 MB allocated).
	places     placer
	placesOnce sync.Once
}

// place is how human formats name each subject's place (placeOf).
func (a *Audit) place() placer {
	a.placesOnce.Do(func() { a.places = placeOf(auditPlaces(a)) })
	return a.places
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Summary counts what the audit found.
type Summary struct {
	TaskDefinitions int            `json:"taskDefinitions"`
	Services        int            `json:"services"`
	ServiceVerdicts map[string]int `json:"serviceVerdicts"` // ready, fixable, blocked, unknown
	TaskVerdicts    map[string]int `json:"taskDefinitionVerdicts"`
	Findings        map[string]int `json:"findings"` // by severity
	NotChecked      int            `json:"notChecked"`
}

// NewAudit assembles the report from an audit result, the fleet it ran on
// and the loader's diagnostics.
func NewAudit(version string, res *analyzer.Result, f *fleet.Fleet, diags []fleet.Diagnostic) *Audit {
	a := &Audit{
		SchemaVersion: AuditSchemaVersion,
		Tool:          Tool{Name: "ecs2fargate", Version: version},
		Inputs:        nonNil(f.Inputs),
		Findings:      cmp.Or(res.Findings, analyzer.NewFindings(nil)),
		Verdicts:      nonNil(res.Verdicts),
		NotChecked:    nonNil(res.NotChecked),
		Diagnostics:   nonNil(diags),
		Gaps:          nonNil(f.Gaps),
		Rules:         res.Rules,
		fleet:         f,
	}
	a.Summary = summarize(res, f)
	return a
}

func summarize(res *analyzer.Result, f *fleet.Fleet) Summary {
	s := Summary{
		TaskDefinitions: len(f.TaskDefinitions),
		Services:        len(f.Services),
		ServiceVerdicts: map[string]int{analyzer.Ready: 0, analyzer.Fixed: 0, analyzer.Blocked: 0, analyzer.Unknown: 0},
		TaskVerdicts:    map[string]int{analyzer.Ready: 0, analyzer.Fixed: 0, analyzer.Blocked: 0},
		Findings:        map[string]int{"blocker": 0, "fixable": 0, "warning": 0, "info": 0},
		NotChecked:      len(res.NotChecked),
	}
	for _, v := range res.Verdicts {
		if v.Service == "" {
			s.TaskVerdicts[v.Verdict]++
		} else {
			s.ServiceVerdicts[v.Verdict]++
		}
	}
	for sev := range res.Findings.Severities() {
		s.Findings[sev.String()]++
	}
	return s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
