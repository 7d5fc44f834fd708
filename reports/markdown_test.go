package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// hostileAudit carries Markdown and HTML syntax in every value that comes
// from the inputs. Real ECS names forbid most of it, but file names,
// dockerLabels keys, messages quoting values and diagnostics do not.
func hostileAudit() *Audit {
	cluster, service, td := "c|<i>x</i>", "svc`tick*", "td&amp;:1"
	f := analyzer.Finding{
		RuleID: "privileged", Severity: analyzer.Blocker, Cluster: cluster, Service: service, TaskDefinition: td,
		Container: "a|b<script>alert(1)</script>",
		Path:      `dockerLabels["x|y"]`,
		Value:     "``|<b>bold</b>`",
		Message:   "msg *stars* _under_ [link](http://evil.example) <img src=x onerror=alert(1)> $x$\nsecond line | pipe",
		File:      "dir/<f>|.json", Unverified: true,
	}
	return &Audit{
		Tool:     Tool{Name: "ecs2fargate", Version: "1"},
		Inputs:   []string{f.File},
		Summary:  Summary{ServiceVerdicts: map[string]int{}, TaskVerdicts: map[string]int{}, Findings: map[string]int{"blocker": 1}},
		Findings: analyzer.NewFindings([]analyzer.Finding{f}),
		Verdicts: []analyzer.Verdict{{Cluster: cluster, Service: service, TaskDefinition: td, Verdict: analyzer.Blocked,
			Blockers: []string{"privileged"}, Fallback: "<b>x</b>", Notes: []string{"note </details> <script>x</script>"}}},
		NotChecked:  []analyzer.NotChecked{{RuleID: "lb-target-type-ip", Cluster: cluster, Service: service, TaskDefinition: td, Needs: "target group `a|b` <x>"}},
		Diagnostics: []fleet.Diagnostic{{File: "bad|<x>.json", Line: 1, Column: 2, Path: "a|b", Level: fleet.LevelError, Message: "<script>bad</script> | x"}},
		Gaps:        []fleet.Gap{{Scope: "account <1>|", Reason: "AccessDenied *x*"}},
	}
}

// toHTML renders Markdown the way GitHub does (GFM, raw HTML allowed, so
// our <details> blocks pass and any injected tag would too).
func toHTML(t *testing.T, md []byte) string {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := gm.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestMarkdownEscapesInputValues(t *testing.T) {
	md := renderDetails(t, hostileAudit())
	page := toHTML(t, md)
	for _, bad := range []string{"<script", "<img", "<i>", "<b>bold", "<b>x", "<em>stars", "<em>under", "<x>"} {
		if strings.Contains(page, bad) {
			t.Errorf("rendered page contains %q: an input value was not escaped\n%s", bad, md)
		}
	}
	if o, c := strings.Count(page, "<details>"), strings.Count(page, "</details>"); o != 1 || c != 1 {
		t.Errorf("want one <details> block, got %d opening and %d closing tags", o, c)
	}
	for _, want := range []string{
		"<code>``|&lt;b&gt;bold&lt;/b&gt;`</code>", // the value verbatim, pipe and backticks included
		"<code>dockerLabels[&quot;x|y&quot;]</code>",
		"a|b&lt;script&gt;alert(1)&lt;/script&gt;",
		"*stars* _under_",
		"<em>(unverified)</em>",
		// Text after a line break stays in its cell.
		"$x$ second line | pipe",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("rendered page lacks %q\n%s", want, page)
		}
	}
	checkTableShapes(t, page, 5)
}

// checkTableShapes fails when a row has more or fewer cells than its
// header: the sign of a pipe or line break that escaped.
func checkTableShapes(t *testing.T, page string, atLeast int) {
	t.Helper()
	tables := regexp.MustCompile(`(?s)<table>.*?</table>`).FindAllString(page, -1)
	if len(tables) < atLeast {
		t.Fatalf("want at least %d tables, found %d", atLeast, len(tables))
	}
	rows := regexp.MustCompile(`(?s)<tr>.*?</tr>`)
	for _, table := range tables {
		head := len(regexp.MustCompile(`<th[ >]`).FindAllString(table[:strings.Index(table, "</thead>")], -1))
		for _, row := range rows.FindAllString(table[strings.Index(table, "</thead>"):], -1) {
			if n := strings.Count(row, "<td"); n != head {
				t.Errorf("row has %d cells under %d headers: %s", n, head, row)
			}
		}
	}
}

func TestMDCode(t *testing.T) {
	for in, want := range map[string]string{
		"":           "–",
		"plain":      "`plain`",
		"a`b":        "``a`b``",
		"`x":         "`` `x ``",
		"a|b":        "`a\\|b`",
		"two\nlines": "`two lines`",
		" padded":    "`  padded `",
		"x``y":       "```x``y```",
	} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMDText(t *testing.T) {
	got := mdText("a|b <c> & *d* _e_ `f` [g] #h ~i~ $j$ \\k\nl")
	want := `a\|b &lt;c&gt; &amp; \*d\* \_e\_ \` + "`f\\`" + ` \[g\] \#h \~i\~ \$j\$ \\k l`
	if got != want {
		t.Errorf("mdText = %q\nwant     %q", got, want)
	}
}

// TestMarkdownFixtureStructure renders the fixture report as GitHub would
// and checks its shape: well-formed tables, one <details> block per
// subject with findings or notes, every section present.
func TestMarkdownFixtureStructure(t *testing.T) {
	a := fixtureAudit(t)
	page := toHTML(t, renderDetails(t, a))
	checkTableShapes(t, page, 5)
	want := 0
	groups := groupFindings(a.Findings)
	for _, v := range a.Verdicts {
		if len(groups[subjectKey{v.Account, v.Region, v.Cluster, v.Service, v.TaskDefinition}]) > 0 || len(v.Notes) > 0 || v.Fallback != "" {
			want++
		}
	}
	if got := strings.Count(page, "<details>"); got != want || strings.Count(page, "</details>") != want {
		t.Errorf("%d <details> blocks, want %d", got, want)
	}
	for _, h := range []string{"Summary", "Services", "Cluster prod", "Cluster staging", "Task definitions", "Findings", "Not checked", "Input problems"} {
		if !regexp.MustCompile(`<h[1-6][^>]*>` + regexp.QuoteMeta(h) + `</h`).MatchString(page) {
			t.Errorf("no %q heading", h)
		}
	}
}

func TestMarkdownNoFindings(t *testing.T) {
	a := fixtureAudit(t)
	a.Findings, a.NotChecked, a.Diagnostics = analyzer.NewFindings(nil), nil, nil
	for i := range a.Verdicts {
		a.Verdicts[i].Notes, a.Verdicts[i].Fallback = nil, ""
	}
	md := string(renderDetails(t, a))
	if !strings.Contains(md, "## Findings\n\nNo findings.") || strings.Contains(md, "<details>") || strings.Contains(md, "## Input problems") {
		t.Errorf("clean audit rendered as:\n%s", md)
	}
}

// mdOut streams what it is given and ends the document in one newline
// when trimming, as TrimRight(doc, "\n")+"\n" did on the whole document.
func TestMDOutTrimsOnlyTheEnd(t *testing.T) {
	for _, trim := range []bool{true, false} {
		var out strings.Builder
		m := newMDOut(&out, trim)
		m.WriteString("# a\n\n")
		fmt.Fprintf(m, "%s\n\n\n", "b")
		m.WriteByte('\n')
		m.WriteString("")
		m.WriteString("c\n\n")
		if err := m.close(); err != nil {
			t.Fatal(err)
		}
		want := "# a\n\nb\n\n\n\nc\n"
		if !trim {
			want = "# a\n\nb\n\n\n\nc\n\n"
		}
		if out.String() != want {
			t.Errorf("trim %v: got %q, want %q", trim, out.String(), want)
		}
	}
}
