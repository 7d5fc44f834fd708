package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// A findings table above maxBoxedRows is written as plain columns: one
// line per finding, every cell there, the long message unwrapped.
func TestLargeFindingTableIsPlain(t *testing.T) {
	a := fixtureAudit(t)
	message := strings.Repeat("a long message that goes on ", 12)
	fs := a.Findings.Slice()
	for i := 0; i <= maxBoxedRows; i++ {
		fs = append(fs, analyzer.Finding{RuleID: "privileged", Severity: analyzer.Blocker,
			TaskDefinition: fmt.Sprintf("family-%04d:1", i), Container: "app", Path: "containerDefinitions[0].privileged", Message: message})
	}
	a.Findings = analyzer.NewFindings(fs)
	out := string(render(t, "table", a))
	if strings.Contains(out, "│") && strings.Count(out, "│") > 200 {
		t.Errorf("the findings table still has box borders")
	}
	for i := 0; i <= maxBoxedRows; i++ {
		line := lineWith(out, fmt.Sprintf("family-%04d:1", i))
		if !strings.Contains(line, "containerDefinitions[0].privileged") || !strings.Contains(line, strings.TrimSpace(message)) {
			t.Fatalf("finding %d is not whole on one line: %q", i, line)
		}
	}
}

func lineWith(out, s string) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
