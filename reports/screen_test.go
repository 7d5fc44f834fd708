package reports

import (
	"bytes"
	"fmt"
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// No line of a table is wider than the width it was given, whatever its
// cells hold: long words, many lines, multi-byte letters, empty cells.
func TestBoxFitsItsWidth(t *testing.T) {
	rnd := rand.New(rand.NewSource(12))
	words := []string{"a", "privileged", "network-mode-awsvpc", "containerDefinitions[0].linuxParameters.capabilities.add[0]",
		"größe", "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€", "123456789012.dkr.ecr.us-east-1.amazonaws.com/video-transcoder:6.1-nvenc", ""}
	cell := func() string {
		var parts []string
		for n := rnd.Intn(12); n > 0; n-- {
			sep := " "
			if rnd.Intn(5) == 0 {
				sep = "\n"
			}
			parts = append(parts, words[rnd.Intn(len(words))]+sep)
		}
		return strings.TrimSpace(strings.Join(parts, ""))
	}
	for trial := 0; trial < 300; trial++ {
		cols := 1 + rnd.Intn(7)
		b := box{header: make([]string, cols), right: make([]bool, cols)}
		for i := range b.header {
			b.header[i] = strings.ToUpper(words[rnd.Intn(3)])
			b.right[i] = rnd.Intn(3) == 0
		}
		for r := rnd.Intn(8); r >= 0; r-- {
			row := make([]string, cols)
			for i := range row {
				row[i] = cell()
			}
			b.rows = append(b.rows, row)
		}
		width := 4*cols + 1 + rnd.Intn(200)
		var out bytes.Buffer
		if err := b.render(&out, width); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Fatalf("trial %d: a line is %d wide, over %d:\n%s", trial, n, width, out.String())
			}
		}
	}
}

// The whole audit screen, with its details and for one service, fits the
// width it is given, from a narrow terminal to a wide one.
func TestAuditScreenFitsItsWidth(t *testing.T) {
	a := fixtureAudit(t)
	a.Findings = analyzer.NewFindings(append(a.Findings.Slice(), analyzer.Finding{RuleID: "privileged", Severity: analyzer.Blocker, TaskDefinition: "web:7", Container: "app",
		Path: "containerDefinitions[0].linuxParameters.capabilities.add[0]", Message: strings.Repeat("a long message that goes on ", 12)}))
	for _, width := range []int{50, 60, 80, 100, 120, 160} {
		for _, sc := range []Screen{{Details: true}, {Service: "web"}, {Service: "metrics-agent"}} {
			sc.Width = width
			a.Screen = sc
			out := string(render(t, "table", a))
			for i, line := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(line); n > width {
					t.Errorf("width %d, %+v: line %d is %d wide: %s", width, sc, i+1, n, line)
				}
			}
		}
	}
}

// Verdicts and severities are coloured only when asked, and colour does
// not change what the text says.
func TestAuditScreenColour(t *testing.T) {
	a := fixtureAudit(t)
	a.Screen = Screen{Width: 120, Details: true}
	plain := string(render(t, "table", a))
	if strings.Contains(plain, "\033[") {
		t.Error("escape sequences without colour")
	}
	a.Screen.Colour = true
	coloured := string(render(t, "table", a))
	for _, want := range []string{"\033[1;31mblocked\033[0m", "\033[32mready\033[0m", "\033[1;31mblocker\033[0m", "\033[35mwarning\033[0m", "\033[33mFIXABLE\033[0m"} {
		if !strings.Contains(coloured, want) {
			t.Errorf("no %q in the coloured screen", want)
		}
	}
	if stripped := ansiEscape.ReplaceAllString(coloured, ""); stripped != plain {
		t.Error("colour changed the text")
	}
}

// --service shows the service's own findings and its task definition's,
// no other service's; an unknown name is an error naming some that exist.
func TestServiceScreen(t *testing.T) {
	a := fixtureAudit(t)
	for _, name := range []string{"metrics-agent", "prod/metrics-agent"} {
		a.Screen = Screen{Service: name}
		out := string(render(t, "table", a))
		for _, want := range []string{"Service prod/metrics-agent (task definition metrics-agent:3): blocked", "Blocked by: privileged, scheduling-daemon.", "Way forward:", "│ blocker  │ privileged"} {
			if !strings.Contains(out, want) {
				t.Errorf("--service %s lacks %q:\n%s", name, want, out)
			}
		}
		if strings.Contains(out, "web:7") {
			t.Errorf("--service %s shows another service's findings", name)
		}
	}
	a.Screen = Screen{Service: "nope"}
	err := RenderAudit(&bytes.Buffer{}, "table", a)
	if err == nil || !strings.Contains(err.Error(), `--service "nope"`) || !strings.Contains(err.Error(), "prod/metrics-agent") {
		t.Errorf("unknown service: %v", err)
	}
}

var ansiEscape = regexp.MustCompile("\033\\[[0-9;]*m")

func ExampleScreen() {
	fmt.Println(Screen{}.inputsArg(), Screen{Inputs: "fleet/"}.inputsArg())
	// Output: PATH... fleet/
}

// Plain columns (the report's tables, a table past maxBoxedRows) written
// to a FitTo writer are cut to its width; elsewhere they are whole.
func TestPlainRowsFitTheWidth(t *testing.T) {
	header := []string{"CLUSTER", "SERVICE", "NOTE"}
	rows := [][]string{{"prod", "api", strings.Repeat("long note ", 20)}, {"staging", "worker", "short"}}
	var whole, cut bytes.Buffer
	if err := plainRows(&whole, header, rows); err != nil {
		t.Fatal(err)
	}
	if err := plainRows(FitTo(&cut, 40), header, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(whole.String(), strings.TrimSpace(strings.Repeat("long note ", 20))) {
		t.Error("without a width the note is cut")
	}
	lines := strings.Split(strings.TrimSuffix(cut.String(), "\n"), "\n")
	if len(lines) != 3 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("cut to 40:\n%s", cut.String())
	}
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 40 {
			t.Errorf("line %q is over 40", l)
		}
	}
}
