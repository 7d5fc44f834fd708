package cloudformation_test

import (
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// A broken template is an error naming the file and line; the other inputs
// are still read.
func TestBrokenTemplateIsReportedAtItsLine(t *testing.T) {
	broken := writeTemplate(t, "broken.yaml", "Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties: {Family: [x\n")
	good := writeTemplate(t, "good.yaml", base)
	f, diags := loadWith(t, broken, good)
	var found bool
	for _, d := range diags {
		if d.Level == fleet.LevelError && d.File == broken && strings.Contains(d.Message, "line") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error naming %s and the line: %v", broken, diags)
	}
	if len(f.TaskDefinitions) != 1 || len(f.Services) != 1 {
		t.Errorf("the good template was not read beside the broken one: %d task definitions, %d services", len(f.TaskDefinitions), len(f.Services))
	}
}

// A value of the wrong type is an error at the attribute's line, named by
// logical ID and path.
func TestWrongTypeIsReportedAtTheAttribute(t *testing.T) {
	tmpl := strings.Replace(base, "      DesiredCount: 2\n", "      DesiredCount: [2]\n", 1)
	_, diags := loadWith(t, writeTemplate(t, "template.yaml", tmpl))
	want := markedLineOf(tmpl, "DesiredCount: [2]")
	for _, d := range diags {
		if d.Level == fleet.LevelError && d.Line == want && strings.Contains(d.Path, "desiredCount") {
			return
		}
	}
	t.Errorf("no error at line %d for desiredCount: %v", want, diags)
}

// YAML's other ways of writing numbers are read as the numbers they are.
func TestYAMLNumberForms(t *testing.T) {
	tmpl := strings.Replace(base, "      DesiredCount: 2\n", "      DesiredCount: 0x2\n", 1)
	f, diags := loadWith(t, writeTemplate(t, "template.yaml", tmpl))
	if fleet.HasErrors(diags) || len(f.Services) != 1 || f.Services[0].Svc.DesiredCount != 2 {
		t.Errorf("DesiredCount: 0x2 was not read as 2: %v", diags)
	}
}

func markedLineOf(text, s string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 0
}
