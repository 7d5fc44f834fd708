package reports

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// streamedStdout is what report --format F writes for each format when
// the report is streamed (ReportOutputs.Embed, the other formats
// discarded), and the Markdown details where detailsFile names them.
func streamedStdout(t *testing.T, f *fleet.Fleet, diags []fleet.Diagnostic, now, detailsFile string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, format := range ReportFormats() {
		a, c, rw := reportParts(t, f, diags)
		a.DetailsFile = detailsFile
		var b, details bytes.Buffer
		out := ReportOutputs{Embed: true, Audit: failIfWritten{t}, Cost: failIfWritten{t},
			Formats: map[string]io.Writer{}, Spool: func() (Spool, error) { return &memSpool{}, nil }}
		out.Formats[format] = &b
		if format == "markdown" && detailsFile != "" {
			out.Details = &details
		}
		if _, err := StreamReport(a, c, rw, now, out); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		got[format] = b.String()
		if details.Len() > 0 {
			got["details"] = details.String()
		}
	}
	return got
}

// heldStdout is the same, rendered from the report held whole, as report
// --format F wrote it before it streamed.
func heldStdout(t *testing.T, f *fleet.Fleet, diags []fleet.Diagnostic, now, detailsFile string) map[string]string {
	t.Helper()
	a, c, rw := reportParts(t, f, diags)
	r := NewReport(a, c, rw, now)
	a.DetailsFile = detailsFile
	want := map[string]string{}
	for _, format := range ReportFormats() {
		var b bytes.Buffer
		if err := RenderReport(&b, format, r); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		want[format] = b.String()
	}
	if detailsFile != "" {
		var b bytes.Buffer
		if err := RenderReportMarkdownDetails(&b, r); err != nil {
			t.Fatal(err)
		}
		want["details"] = b.String()
	}
	return want
}

// failIfWritten is the audit and cost documents' writer of an embedding
// report: they go into the JSON, not to files.
type failIfWritten struct{ t *testing.T }

func (w failIfWritten) Write(p []byte) (int, error) {
	w.t.Errorf("an embedding report wrote %d bytes of a document to its file", len(p))
	return len(p), nil
}

// report --format F streamed writes, byte for byte, what rendering the
// report held whole writes, in every format, with and without a
// --details-file: the JSON with the audit and cost documents embedded
// (schemaVersion 1), the Markdown summary with its sentence or its link.
func TestStreamedStandardOutputEqualsHeld(t *testing.T) {
	dir := summarisedFleet(t)
	for _, tc := range []struct {
		name        string
		paths       []string
		now         string
		detailsFile string
	}{
		{"fixture", reportFleet, "", ""},
		{"fixture with a time and details", reportFleet, "2026-12-07T12:00:00Z", "out/details.md"},
		{"generated", []string{dir}, "", ""},
		{"generated with details", []string{dir}, "", "details.md"},
		{"task definitions only", []string{filepath.Join(testFleet, "prod", "api-task.json")}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, diags := fleet.Load(context.Background(), tc.paths, nil)
			want := heldStdout(t, f, diags, tc.now, tc.detailsFile)
			got := streamedStdout(t, f, diags, tc.now, tc.detailsFile)
			sameOutputs(t, got, want)
			if !bytes.Contains([]byte(got["json"]), []byte(`"schemaVersion": 1,`)) || !bytes.Contains([]byte(got["json"]), []byte("\n  \"audit\": {")) {
				t.Errorf("the streamed JSON does not embed the audit document at schemaVersion 1")
			}
		})
	}
}
