package cloudformation

import (
	"fmt"
	"os"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Translator reads CloudFormation templates for fleet.LoadWith: every YAML,
// JSON or .template file whose Resources hold ECS resources or target
// groups, including the *.template.json files the AWS CDK writes to cdk.out.
type Translator struct{}

var _ fleet.FileClaimer = Translator{}

// Kind names the input kind in diagnostics.
func (Translator) Kind() string { return "CloudFormation" }

// Claim takes each file that parses as a template with a resource this
// package reads, and each file that names such resources but does not
// parse (Translate then reports the syntax error at its line); each
// template is a unit of its own. AWS CLI output is not a template, and
// LooksLikeTemplate tells so from its first bytes, so it is left to the
// JSON loader without being read in full here. The loader calls ClaimFile
// instead (fleet.FileClaimer), with the bytes it reads anyway.
func (Translator) Claim(files []string, read fleet.ReadFunc) [][]string {
	var units [][]string
	for _, f := range files {
		if claims(f, read) {
			units = append(units, []string{f})
		}
	}
	return units
}

// MayClaim reports whether file has a template's extension.
func (Translator) MayClaim(file string) bool { return templateName(file) }

// ClaimFile is Claim for one file whose bytes are data.
func (Translator) ClaimFile(file string, data []byte) bool {
	return claims(file, func(_ string, limit int) ([]byte, error) {
		if limit > 0 && limit < len(data) {
			return data[:limit], nil
		}
		return data, nil
	})
}

// claims decides whether Claim takes file.
func claims(file string, read fleet.ReadFunc) bool {
	data, ok := LooksLikeTemplate(file, read)
	if !ok {
		return false
	}
	t, err := Parse(file, data)
	return err != nil || readsAny(t)
}

func readsAny(t *Template) bool {
	for _, r := range t.Resources {
		switch r.Type {
		case TypeTaskDefinition, TypeService, TypeCluster, TypeClusterProviders, TypeTargetGroup:
			return true
		}
	}
	return false
}

// Translate reads one template.
func (Translator) Translate(unit []string) ([]fleet.Translated, []fleet.Diagnostic) {
	var out []fleet.Translated
	var diags []fleet.Diagnostic
	for _, file := range unit {
		data, err := os.ReadFile(file)
		if err != nil {
			diags = append(diags, fleet.Diagnostic{File: file, Level: fleet.LevelError, Message: fmt.Sprintf("cannot read: %v", err)})
			continue
		}
		t, err := Parse(file, data)
		if err != nil {
			diags = append(diags, fleet.Diagnostic{File: file, Level: fleet.LevelError, Message: err.Error()})
			continue
		}
		docs, ds := Translate(t)
		diags = append(diags, ds...)
		for i := range docs {
			out = append(out, docs[i].translated(file))
		}
	}
	return out, diags
}

// translated is the document as the fleet's loader takes it.
func (d *Document) translated(file string) fleet.Translated {
	unknown := make(map[string]string, len(d.Unknown))
	for p, why := range d.Unknown {
		unknown[joinPath(d.DocPath, p)] = why
	}
	return fleet.Translated{File: file, Name: d.Resource.ID, Data: d.Data, Where: d.Where, Unknown: unknown}
}
