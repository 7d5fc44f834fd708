package reports

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// TestTableFitsTerminal keeps the terminal report within 160 columns and
// wraps only the message: a path or rule ID broken over two lines could
// not be copied.
func TestTableFitsTerminal(t *testing.T) {
	a := fixtureAudit(t)
	long := analyzer.Finding{
		RuleID: "privileged", Severity: analyzer.Blocker, TaskDefinition: "web:7", Container: "app",
		Path:    "containerDefinitions[0].linuxParameters.capabilities.add[0]",
		Message: strings.Repeat("a long message that goes on ", 12),
	}
	a.Findings = analyzer.NewFindings(append(a.Findings.Slice(), long))
	out := string(render(t, "table", a))
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > 160 {
			t.Errorf("line %d is %d columns wide: %s", i+1, n, line)
		}
	}
	for _, whole := range []string{long.Path, "containerDefinitions[0].environment[1].value", "network-mode-awsvpc", "metrics-agent:3"} {
		if !strings.Contains(out, whole) {
			t.Errorf("%q is not on one line", whole)
		}
	}
	if strings.Count(out, "long message") < 5 || strings.Count(out, "\n") < 40 {
		t.Error("the long message was not wrapped over several lines")
	}
}

// The default screen (no --details) answers in order: the counts, what
// blocks, what the rewrite changes, the next command; and names no
// single finding.
func TestTableSummary(t *testing.T) {
	a := fixtureAudit(t)
	a.Screen = Screen{Inputs: "fleet/"}
	out := string(render(t, "table", a))
	last := -1
	for _, want := range []string{
		"ecs2fargate audit: 4 services and 4 task definitions from 8 input files",
		"│ Services         │     4 │     1 │       1 │       1 │       1 │",
		"│ Task definitions │     4 │     1 │       2 │       1 │       0 │",
		"Unknown: 1 service whose task definition is not among the inputs",
		"Findings: 2 blocker, 4 fixable, 3 warning, 0 info.",
		"Not checked: 1 check",
		"Input problems: 2 (1 error, 1 warning",
		"Blocked: what stops 1 service and 1 task definition, by rule",
		"│ privileged        │        1 │         1 │ stay on EC2 or move to ECS Managed Instances",
		"Blocked services: prod/metrics-agent.",
		"Fixable: what the rewrite changes, by rule",
		"│ network-mode-awsvpc │        2 │         3 │ Fargate tasks must use the awsvpc network mode",
		"Also 3 warnings on behaviour",
		"Next:",
		"    ecs2fargate rewrite --out fargate fleet/",
		"    ecs2fargate audit --details fleet/",
	} {
		i := strings.Index(out, want)
		if i < 0 {
			t.Fatalf("screen lacks %q:\n%s", want, out)
		}
		if i < last {
			t.Errorf("%q is out of order", want)
		}
		last = i
	}
	for _, detail := range []string{"Details", "SEVERITY", "containerDefinitions[0]"} {
		if strings.Contains(out, detail) {
			t.Errorf("the screen without --details shows %q", detail)
		}
	}
}

func TestWrapBreaksLongWords(t *testing.T) {
	long := "123456789012.dkr.ecr.us-east-1.amazonaws.com/video-transcoder:6.1-nvenc"
	got := wrap("the image "+long+" is big; AWS_SECRET_ACCESS_KEY", 20, "")
	for _, line := range strings.Split(got, "\n") {
		if len(line) > 21 {
			t.Errorf("line %q is wider than 21", line)
		}
	}
	if !strings.Contains(got, "\nAWS_SECRET_ACCESS_KEY") {
		t.Errorf("a 21-character name was cut: %q", got)
	}

}

// A long word of multi-byte letters is cut between characters, and lines
// are measured in characters, not bytes.
func TestWrapCutsBetweenCharacters(t *testing.T) {
	long := strings.Repeat("€", 45) // 135 bytes, 45 characters
	got := wrap("größe "+long+" ok", 20, "")
	for _, line := range strings.Split(got, "\n") {
		if !utf8.ValidString(line) {
			t.Errorf("line %q is not valid UTF-8: a character was split", line)
		}
		if n := utf8.RuneCountInString(line); n > 20 {
			t.Errorf("line %q is %d characters, over 20", line, n)
		}
	}
	if strings.Join(strings.Fields(strings.ReplaceAll(got, "\n", "")), "") != strings.Join(strings.Fields("größe "+long+" ok"), "") {
		t.Errorf("wrapping lost or changed text: %q", got)
	}
}
