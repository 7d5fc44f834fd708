package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

const (
	readmePath = "../../README.md"
	rulesStart = "<!-- rules:start"
	rulesEnd   = "<!-- rules:end -->"
)

// The README's rule catalogue is generated from the registry; this test
// fails when they drift and -update regenerates the section.
func TestReadmeRuleCatalogue(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, rulesStart)
	end := strings.Index(text, rulesEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the %q … %q markers", rulesStart, rulesEnd)
	}
	startLineEnd := start + strings.IndexByte(text[start:], '\n') + 1
	var table bytes.Buffer
	if err := reports.RenderRules(&table, "markdown", analyzer.Rules()); err != nil {
		t.Fatal(err)
	}
	want := text[:startLineEnd] + table.String() + text[end:]
	if golden.Updating() {
		golden.Assert(t, readmePath, []byte(want))
		return
	}
	if want != text {
		t.Errorf("README.md rule catalogue is out of date with analyzer.Rules(); run go test ./cmd/ecs2fargate -update")
	}
}
