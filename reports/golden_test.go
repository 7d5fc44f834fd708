package reports

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

// goldenFiles maps each audit format to its expected output on the test
// fleet; go test ./reports -update rewrites them.
var goldenFiles = map[string]string{
	"table":    "audit.table.txt",
	"json":     "audit.json",
	"jsonl":    "audit.jsonl",
	"markdown": "audit.md",
	"sarif":    "audit.sarif",
}

func TestAuditGoldens(t *testing.T) {
	for _, format := range AuditFormats() {
		t.Run(format, func(t *testing.T) {
			name, ok := goldenFiles[format]
			if !ok {
				t.Fatalf("format %s has no golden file; add it to goldenFiles", format)
			}
			golden.Assert(t, filepath.Join("testdata", "golden", name), render(t, format, fixtureAudit(t)))
		})
	}
}

// The Markdown details file (--details-file) has its own golden.
func TestAuditMarkdownDetailsGolden(t *testing.T) {
	golden.Assert(t, filepath.Join("testdata", "golden", "audit-details.md"), renderDetails(t, fixtureAudit(t)))
}

// renderDetails renders the Markdown details of an audit.
func renderDetails(t testing.TB, a *Audit) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderAuditMarkdownDetails(&buf, a); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRenderingIsDeterministic renders twice from two separate loads: map
// order or pointer identity must not leak into any output.
func TestRenderingIsDeterministic(t *testing.T) {
	for _, format := range AuditFormats() {
		a, b := render(t, format, fixtureAudit(t)), render(t, format, fixtureAudit(t))
		if !bytes.Equal(a, b) {
			t.Errorf("%s output differs between two runs", format)
		}
	}
}

// TestSecretsNeverRendered: the fixture holds plain-text credentials (all
// containing "hunter2") in environment values; no format may print them,
// while every format still reports the variable names.
func TestSecretsNeverRendered(t *testing.T) {
	f, _ := fleet.Load(context.Background(), []string{testFleet}, nil)
	raw := 0
	for _, td := range f.TaskDefinitions {
		raw += bytes.Count(docBytes(t, td.Doc), []byte("hunter2"))
	}
	if raw < 3 {
		t.Fatalf("the test fleet should hold at least 3 secret values containing hunter2, found %d", raw)
	}
	a := fixtureAudit(t)
	for _, format := range AuditFormats() {
		out := render(t, format, a)
		if format == "markdown" {
			out = renderDetails(t, a) // the summary names no variable
		}
		if bytes.Contains(out, []byte("hunter2")) {
			t.Errorf("%s output contains a secret value", format)
		}
		for _, name := range []string{"DB_PASSWORD", "API_KEY", "SMTP_PASSWORD"} {
			// Markdown escapes the underscore.
			if !bytes.Contains(out, []byte(name)) && !bytes.Contains(out, bytes.ReplaceAll([]byte(name), []byte("_"), []byte(`\_`))) {
				t.Errorf("%s output does not name the variable %s", format, name)
			}
		}
	}
}
