package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it. Only the members we
// fill are declared; field order follows the specification's examples.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolHomepage = "https://github.com/ecs2fargate/ecs2fargate"
	// fingerprintKey names our partialFingerprints entry; the /v1 suffix is
	// bumped if the hashed fields ever change, so old alerts are not matched
	// against new hashes by accident.
	fingerprintKey = "ecs2fargate/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Severity   string `json:"severity"`
	Scope      string `json:"scope"`
	Unverified string `json:"unverified,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          sarifResultProps  `json:"properties"`
}

type sarifResultProps struct {
	Severity       string `json:"severity"`
	Account        string `json:"account"`
	Region         string `json:"region"`
	Cluster        string `json:"cluster"`
	Service        string `json:"service"`
	TaskDefinition string `json:"taskDefinition"`
	Container      string `json:"container"`
	Path           string `json:"path"`
	Value          string `json:"value"`
	Unverified     bool   `json:"unverified,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level          string          `json:"level"`
	Message        sarifText       `json:"message"`
	Locations      []sarifLocation `json:"locations,omitempty"`
	AssociatedRule *sarifRuleRef   `json:"associatedRule,omitempty"`
}

type sarifRuleRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

// renderAuditSARIF writes one SARIF run: every rule that ran, one result per
// finding located in its input file, and the input problems and unchecked
// rules as tool notifications, so code scanning shows why data is missing.
// The results are made and written one at a time (issue 17); the bytes
// are those of encoding the whole sarifLog (TestSARIFStreamedEqualsWhole).
func renderAuditSARIF(w io.Writer, a *Audit) error {
	index, rules := sarifRules(a)
	s := jsonstream.New(w, "  ")
	s.BeginObject()
	s.Field("$schema", sarifSchema)
	s.Field("version", sarifVersion)
	s.Key("runs")
	s.BeginArray()
	s.BeginObject()
	s.Field("tool", sarifTool{Driver: sarifDriver{Name: "ecs2fargate", Version: a.Tool.Version, InformationURI: toolHomepage, Rules: rules}})
	s.Field("invocations", []sarifInvocation{sarifInvocationOf(a, index)})
	s.Field("columnKind", "utf16CodeUnits")
	jsonstream.Each(s, "results", sarifResults(a, index))
	s.EndObject()
	s.EndArray()
	s.EndObject()
	return s.Close()
}

// sarifRules lists the rules that ran, and each one's index in the list.
func sarifRules(a *Audit) (map[string]int, []sarifRule) {
	index := map[string]int{}
	rules := make([]sarifRule, len(a.Rules))
	for i, r := range a.Rules {
		index[r.ID] = i
		rules[i] = sarifRuleOf(r)
	}
	return index, rules
}

func sarifRuleOf(r analyzer.Rule) sarifRule {
	text, md := r.Remediation, r.Remediation
	if r.Fallback != "" {
		text += "\n\nIf it cannot be fixed: " + strings.TrimSuffix(r.Fallback, ".") + "."
		md += "\n\n**If it cannot be fixed:** " + strings.TrimSuffix(r.Fallback, ".") + "."
	}
	if len(r.References) > 0 {
		text += "\n\nReferences:"
		md += "\n\n**References:**\n"
		for _, ref := range r.References {
			text += "\n- " + ref
			md += "\n- <" + ref + ">"
		}
	}
	out := sarifRule{
		ID:                   r.ID,
		Name:                 ruleName(r.ID),
		ShortDescription:     sarifText{r.Title},
		FullDescription:      sarifText{r.Rationale},
		Help:                 sarifHelp{Text: text, Markdown: md},
		DefaultConfiguration: sarifConfiguration{sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Severity: r.Severity.String(), Scope: string(r.Scope), Unverified: r.Unverified},
	}
	if len(r.References) > 0 {
		out.HelpURI = r.References[0]
	}
	return out
}

// ruleName turns a rule ID into the identifier-like name SARIF suggests:
// network-mode-awsvpc → NetworkModeAwsvpc.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// sarifLevel maps our severities onto SARIF's: only blockers fail a check.
func sarifLevel(s analyzer.Severity) string {
	switch s {
	case analyzer.Blocker:
		return "error"
	case analyzer.Fixable, analyzer.Warning:
		return "warning"
	}
	return "note"
}

// sarifResults yields one result per finding, made as it is written.
func sarifResults(a *Audit, index map[string]int) func(yield func(*sarifResult) bool) {
	return func(yield func(*sarifResult) bool) {
		positions := locateFindings(a)
		for i := range a.Findings.Len() {
			f := a.Findings.At(i)
			if !yield(sarifResultOf(a.place(), f, index, positions.get(i))) {
				return
			}
		}
	}
}

func sarifResultOf(place placer, f analyzer.Finding, index map[string]int, pos fleet.Position) *sarifResult {
	res := sarifResult{
		RuleID:              f.RuleID,
		Level:               sarifLevel(f.Severity),
		Message:             sarifText{findingMessage(place, f)},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprint(place, f)},
		Properties: sarifResultProps{Severity: f.Severity.String(), Account: f.Account, Region: f.Region, Cluster: f.Cluster, Service: f.Service,
			TaskDefinition: f.TaskDefinition, Container: f.Container, Path: f.Path, Value: f.Value, Unverified: f.Unverified},
	}
	if i, ok := index[f.RuleID]; ok {
		res.RuleIndex = &i
	}
	if phys := physicalLocation(f.File, pos); phys != nil {
		res.Locations = []sarifLocation{{PhysicalLocation: phys, LogicalLocations: logicalLocations(place, f)}}
	}
	return &res
}

// locateFindings asks a.Locate, once per file, where each finding's field
// starts: positions.get(i) is the i-th finding's (zero where it has
// none). It holds one file's paths at a time and a position a finding,
// not a map of every finding's path (issue 17: at 10,000 services that
// map was a quarter of the SARIF output's peak memory), and the positions
// compactly (findingPositions). Without a locator it returns nil, and
// results carry the file alone.
func locateFindings(a *Audit) *findingPositions {
	if a.Locate == nil {
		return nil
	}
	n := a.Findings.Len()
	var files []string
	byFile := map[string][]int32{} // the findings of each file, in order
	for i := range n {
		file := a.Findings.At(i).File
		if _, ok := artifactURI(file); !ok {
			continue
		}
		if _, seen := byFile[file]; !seen {
			files = append(files, file)
		}
		byFile[file] = append(byFile[file], int32(i))
	}
	out := newFindingPositions(n)
	for _, file := range files {
		indices := byFile[file]
		paths := make([]string, len(indices))
		for j, i := range indices {
			paths[j] = fullPath(a.Findings.At(int(i)))
		}
		located := a.Locate(file, paths)
		for j, i := range indices {
			out.set(int(i), located[paths[j]])
		}
		delete(byFile, file)
	}
	return out
}

// fullPath is the finding's field as a path from the top of its file.
func fullPath(f analyzer.Finding) string {
	switch {
	case f.DocPath == "":
		return f.Path
	case f.Path == "":
		return f.DocPath
	}
	return f.DocPath + "." + f.Path
}

// physicalLocation points at the file and, when it is known, the line and
// column; nil when the finding has no file (standard input).
func physicalLocation(file string, pos fleet.Position) *sarifPhysical {
	if pos.File != "" {
		file = pos.File // the field lies in another file (Terraform's file())
	}
	uri, ok := artifactURI(file)
	if !ok {
		return nil
	}
	p := &sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}
	if pos.Line > 0 {
		p.Region = &sarifRegion{StartLine: pos.Line, StartColumn: pos.Column}
	}
	return p
}

// artifactURI writes a file name as a URI reference: relative paths stay
// relative (code scanning resolves them against the repository root) with
// forward slashes; absolute paths become file: URIs.
func artifactURI(file string) (string, bool) {
	if file == "" || file == "<stdin>" {
		return "", false
	}
	p := filepath.ToSlash(filepath.Clean(file))
	if filepath.IsAbs(file) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive letter: file:///C:/…
		}
		return (&url.URL{Scheme: "file", Path: p}).String(), true
	}
	return (&url.URL{Path: p}).String(), true
}

// logicalLocations name the ECS resources the finding is about.
// Their qualified names start with ACCOUNT/REGION/ when the audit spans
// several (see placeOf).
func logicalLocations(p placer, f analyzer.Finding) []sarifLogical {
	var out []sarifLogical
	q := func(name string) string { return p.name(f.Account, f.Region, name) }
	if f.Cluster != "" {
		out = append(out, sarifLogical{f.Cluster, q("cluster/" + f.Cluster), "resource"})
	}
	if f.Service != "" {
		out = append(out, sarifLogical{f.Service, q("cluster/" + f.Cluster + "/service/" + f.Service), "resource"})
	}
	if f.TaskDefinition != "" {
		out = append(out, sarifLogical{f.TaskDefinition, q("task-definition/" + f.TaskDefinition), "resource"})
	}
	if f.Container != "" {
		out = append(out, sarifLogical{f.Container, q("task-definition/" + f.TaskDefinition + "/container/" + f.Container), "resource"})
	}
	return out
}

// findingMessage is the message with its subject, since code scanning shows
// the message alone.
func findingMessage(p placer, f analyzer.Finding) string {
	var where []string
	if f.Service != "" {
		where = append(where, "service "+p.name(f.Account, f.Region, f.Cluster)+"/"+f.Service)
		where = append(where, "task definition "+f.TaskDefinition)
	} else {
		where = append(where, "task definition "+p.name(f.Account, f.Region, f.TaskDefinition))
	}
	if f.Container != "" {
		where = append(where, "container "+f.Container)
	}
	msg := f.Message + " (" + strings.Join(where, ", ") + ")"
	if f.Unverified {
		msg += " [unverified: see ecs2fargate rules explain " + f.RuleID + "]"
	}
	return msg
}

// fingerprint identifies a finding across runs, whatever line it moves to:
// a hash of the rule, the subject, the container and the field path. The
// subject names its account and region only when the audit needs them (see
// placeOf), so a one-region fleet's fingerprints stay as they were.
func fingerprint(p placer, f analyzer.Finding) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{
		f.RuleID, p.subject(f.Account, f.Region, f.Cluster, f.Service, f.TaskDefinition), f.Container, f.Path,
	}, "\x00")))
	return hex.EncodeToString(sum[:])
}

// sarifInvocationOf reports input problems and unchecked rules as
// notifications; the run counts as successful only when every input was read.
func sarifInvocationOf(a *Audit, index map[string]int) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: !fleet.HasErrors(a.Diagnostics)}
	for _, d := range a.Diagnostics {
		n := sarifNotification{Level: string(d.Level), Message: sarifText{d.Message}}
		if d.Path != "" {
			n.Message.Text = d.Path + ": " + d.Message
		}
		if phys := physicalLocation(d.File, fleet.Position{Line: d.Line, Column: d.Column}); phys != nil {
			n.Locations = []sarifLocation{{PhysicalLocation: phys}}
		}
		if n.Level != "error" {
			n.Level = "warning"
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, nc := range a.NotChecked {
		n := sarifNotification{Level: "note", Message: sarifText{"rule " + nc.RuleID + " not checked for " +
			a.place().subject(nc.Account, nc.Region, nc.Cluster, nc.Service, nc.TaskDefinition) + ": needs " + nc.Needs}}
		if i, ok := index[nc.RuleID]; ok {
			n.AssociatedRule = &sarifRuleRef{ID: nc.RuleID, Index: i}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}
