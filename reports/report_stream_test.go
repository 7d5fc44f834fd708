package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// memSpool is a Spool in memory.
type memSpool struct{ bytes.Buffer }

func (m *memSpool) ReadAt(p []byte, off int64) (int, error) {
	return bytes.NewReader(m.Bytes()).ReadAt(p, off)
}

// reportParts are a report's audit, cost and preview, made afresh for each
// way of writing it (StreamReport lets go of the cost's service rows).
func reportParts(t testing.TB, f *fleet.Fleet, diags []fleet.Diagnostic) (*Audit, *Cost, RewritePreview) {
	t.Helper()
	a, c := fixtureAuditAndCost(t, f, diags)
	return a, c, fixturePreview(f)
}

// streamedFiles are report --out's files as StreamReport writes them.
func streamedFiles(t testing.TB, f *fleet.Fleet, diags []fleet.Diagnostic, now string) map[string]string {
	t.Helper()
	a, c, rw := reportParts(t, f, diags)
	a.DetailsFile = ReportDetailFiles["markdown"]
	bufs := map[string]*bytes.Buffer{}
	buf := func(name string) io.Writer {
		bufs[name] = &bytes.Buffer{}
		return bufs[name]
	}
	out := ReportOutputs{Audit: buf(ReportAuditFile), Cost: buf(ReportCostFile), Details: buf(ReportDetailFiles["markdown"]),
		Formats: map[string]io.Writer{}, Spool: func() (Spool, error) { return &memSpool{}, nil }}
	for format, name := range ReportFiles {
		out.Formats[format] = buf(name)
	}
	r, err := StreamReport(a, c, rw, now, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Services) != 0 || len(r.UnusedTaskDefinitions) != 0 {
		t.Errorf("the streamed report holds %d service rows and %d others", len(r.Services), len(r.UnusedTaskDefinitions))
	}
	files := map[string]string{}
	for name, b := range bufs {
		files[name] = b.String()
	}
	return files
}

// heldFiles are the same files rendered from the report NewReport holds
// whole, as report --out wrote them before it streamed.
func heldFiles(t testing.TB, f *fleet.Fleet, diags []fleet.Diagnostic, now string) (map[string]string, *Report) {
	t.Helper()
	a, c, rw := reportParts(t, f, diags)
	r := NewReport(a, c, rw, now)
	a.DetailsFile = ReportDetailFiles["markdown"]
	files := map[string]string{}
	render := func(name string, fill func(io.Writer) error) {
		var b bytes.Buffer
		if err := fill(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		files[name] = b.String()
	}
	render(ReportAuditFile, func(w io.Writer) error { return RenderAudit(w, "json", a) })
	render(ReportCostFile, func(w io.Writer) error { return RenderCost(w, "json", c) })
	render(ReportDetailFiles["markdown"], func(w io.Writer) error { return RenderReportMarkdownDetails(w, r) })
	for format, name := range ReportFiles {
		render(name, func(w io.Writer) error {
			if format == "json" {
				return RenderReportJSONReferencing(w, r, ReportAuditFile, ReportCostFile)
			}
			return RenderReport(w, format, r)
		})
	}
	return files, r
}

// StreamReport writes, byte for byte, what rendering the report held
// whole writes, in every file of report --out: the report fixture (blocked,
// fixable and unknown services, input problems, a priced cluster),
// detailed; a generated estate of more than DetailLimit services in
// several clusters, summarised; the fixture with a timestamp; and task
// definitions that no service runs, alone and beside services.
func TestStreamReportEqualsHeldReport(t *testing.T) {
	dir := summarisedFleet(t)
	for _, tc := range []struct {
		name             string
		paths            []string
		now              string
		services, unused int // at least; none when 0
		clusters         int // at least
	}{
		{"fixture", reportFleet, "", 6, 1, 3},
		{"fixture with a time", reportFleet, "2026-12-07T12:00:00Z", 6, 1, 3},
		{"generated", []string{dir}, "", DetailLimit + 1, 0, 10},
		{"task definitions only", []string{filepath.Join(testFleet, "prod", "api-task.json"), filepath.Join(testFleet, "prod", "web-task.json")}, "", 0, 2, 0},
		{"task definitions beside services", []string{testFleet, filepath.Join("testdata", "costfleet", "td-tiny.json"), "../testdata/corpus/docs-ping/taskdef.json"}, "", 4, 3, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, diags := fleet.Load(context.Background(), tc.paths, nil)
			want, r := heldFiles(t, f, diags, tc.now)
			got := streamedFiles(t, f, diags, tc.now)
			if n, u := len(r.Services), len(r.UnusedTaskDefinitions); n < tc.services || (n == 0) != (tc.services == 0) ||
				u < tc.unused || (u == 0) != (tc.unused == 0) || len(r.Clusters) < tc.clusters {
				t.Errorf("%d services, %d task definitions no service runs and %d clusters; want %d, %d and %d or more",
					n, u, len(r.Clusters), tc.services, tc.unused, tc.clusters)
			}
			sameOutputs(t, got, want)
		})
	}
}

// summarisedFleet writes a generated estate of more than DetailLimit
// services in several clusters, whose report is summarised.
func summarisedFleet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: DetailLimit + 150, PerCluster: 40}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sameOutputs fails where a streamed output differs from the held one,
// or one is missing.
func sameOutputs(t *testing.T, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if g := got[name]; g != w {
			t.Errorf("%s: streamed %d bytes differ from held %d bytes at byte %d:\n%s", name, len(g), len(w), firstDiff(g, w), around(g, w))
		}
	}
	if len(got) != len(want) {
		t.Errorf("streamed %d outputs, want %d", len(got), len(want))
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(a, b string) string {
	i := firstDiff(a, b)
	cut := func(s string) string { return s[max(0, i-200):min(len(s), i+200)] }
	return fmt.Sprintf("streamed:\n%s\nheld:\n%s", cut(a), cut(b))
}

// failingWriter fails once it has taken limit bytes.
type failingWriter struct{ limit int }

var errFull = errors.New("no space left on device")

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n := f.limit
		f.limit = 0
		return n, errFull
	}
	f.limit -= len(p)
	return len(p), nil
}

// failingSpool is a spool that fails once it has taken limit bytes.
type failingSpool struct{ failingWriter }

func (*failingSpool) ReadAt([]byte, int64) (int, error) { return 0, errFull }

// A file that cannot be written (a full disk) fails the report with its
// error, whichever it is, and whether it fails among the rows or after.
func TestStreamReportFailsWithItsWriter(t *testing.T) {
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: 200, PerCluster: 50}); err != nil {
		t.Fatal(err)
	}
	f, diags := fleet.Load(context.Background(), []string{dir}, nil)
	names := []string{ReportAuditFile, ReportCostFile, ReportDetailFiles["markdown"], "spool", "spool write"}
	for _, name := range ReportFiles {
		names = append(names, name)
	}
	for _, failing := range names {
		for _, limit := range []int{0, 4 << 10} {
			a, c, rw := reportParts(t, f, diags)
			writer := func(name string) io.Writer {
				if name == failing {
					return &failingWriter{limit: limit}
				}
				return io.Discard
			}
			out := ReportOutputs{Audit: writer(ReportAuditFile), Cost: writer(ReportCostFile), Details: writer(ReportDetailFiles["markdown"]),
				Formats: map[string]io.Writer{}, Spool: func() (Spool, error) {
					switch failing {
					case "spool":
						return nil, errFull
					case "spool write":
						return &failingSpool{failingWriter{limit: limit}}, nil
					}
					return &memSpool{}, nil
				}}
			for format, name := range ReportFiles {
				out.Formats[format] = writer(name)
			}
			if _, err := StreamReport(a, c, rw, "", out); !errors.Is(err, errFull) {
				t.Errorf("%s failing after %d bytes: error %v, want %v", failing, limit, err, errFull)
			}
		}
	}
}
