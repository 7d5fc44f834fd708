package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

const xss = `<img src=x onerror=alert(1)>`

// xssFleet names a cluster, a service, a task family and a container
// after an HTML injection, and privileges the container so it is blocked.
func xssFleet(t *testing.T) *Report {
	t.Helper()
	name, _ := json.Marshal(xss)
	arn, _ := json.Marshal("arn:aws:ecs:eu-west-1:123456789012:task-definition/" + xss + ":1")
	dir := t.TempDir()
	td := `{"taskDefinition":{"taskDefinitionArn":` + string(arn) + `,"family":` + string(name) +
		`,"revision":1,"networkMode":"bridge","containerDefinitions":[{"name":` + string(name) + `,"image":"nginx","memory":512,"privileged":true,` +
		`"environment":[{"name":"TOKEN","value":"hunter2"}]}]}}`
	svc := `{"services":[{"serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/c/s","serviceName":` + string(name) +
		`,"clusterArn":"arn:aws:ecs:eu-west-1:123456789012:cluster/` + xss + `","taskDefinition":` + string(arn) + `,"desiredCount":1,"launchType":"EC2"}]}`
	for file, doc := range map[string]string{"td.json": td, "services.json": svc} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, diags := fleet.Load(context.Background(), []string{dir}, nil)
	if len(f.Services) != 1 || len(f.TaskDefinitions) != 1 {
		t.Fatalf("the XSS fleet should hold one service and one task definition, got %d and %d (diagnostics %v)", len(f.Services), len(f.TaskDefinitions), diags)
	}
	rw := RewritePreview{TaskDefinitions: map[string]*rewrite.Result{}, Services: map[string]*rewrite.ServiceResult{}}
	for _, s := range f.Services {
		rw.Services[ServiceKey(s.Identity.Account, s.Identity.Region, s.Cluster, s.Name())] = &rewrite.ServiceResult{NotInPlace: xss,
			Changes: []rewrite.Change{{RuleID: xss, Path: xss, Before: raw(`"` + xss + `"`), Message: xss}}}
	}
	return reportOf(t, f, diags, rw)
}

// TestReportEscapesInputs: in HTML and Markdown an injected tag renders as
// text, never as markup.
func TestReportEscapesInputs(t *testing.T) {
	r := xssFleet(t)
	if r.Services[0].Service != xss || r.Services[0].Verdict != "blocked" {
		t.Fatalf("fixture service is %q, %s; want the injected name, blocked (privileged)", r.Services[0].Service, r.Services[0].Verdict)
	}
	for _, format := range []string{"html", "markdown"} {
		out := renderReport(t, format, r)
		if format == "markdown" {
			out = codeSpans.ReplaceAll(out, nil) // shown verbatim as code, never as markup
		}
		if bytes.Contains(out, []byte("<img")) {
			t.Errorf("%s report contains a raw <img tag", format)
		}
		if !bytes.Contains(out, []byte("&lt;img src=x onerror=alert(1)&gt;")) {
			t.Errorf("%s report does not show the name as escaped text", format)
		}
	}
	html := string(renderReport(t, "html", r))
	if strings.Count(html, "<script") != 1 {
		t.Errorf("HTML report has %d script elements, want exactly its own", strings.Count(html, "<script"))
	}
}

// codeSpans matches Markdown code spans fenced by one backtick.
var codeSpans = regexp.MustCompile("`[^`\n]*`")

// TestTableStripsControlCharacters: a name cannot move the terminal's cursor.
func TestTableStripsControlCharacters(t *testing.T) {
	if got := termText("a\x1b[2Jb\rc"); strings.ContainsAny(got, "\x1b\r") {
		t.Errorf("termText left control characters: %q", got)
	}
}

// Names in the HTML report's prose never break at their hyphens: each is
// kept whole in a no-break span, a path of them may break after a slash,
// and the text stays escaped.
func TestKeepNamesWhole(t *testing.T) {
	got := string(keepNamesWhole(`stays: us-east-1/windows-apps/intranet-iis and <b>x-y</b>`))
	want := `stays: <span class="nb">us-east-1</span>/<wbr><span class="nb">windows-apps</span>/<wbr><span class="nb">intranet-iis</span> and <span class="nb">&lt;b&gt;x-y&lt;</span>/<wbr>b&gt;`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
