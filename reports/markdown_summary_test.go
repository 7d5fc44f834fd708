package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// Input values in the summary are escaped as in the details.
func TestMarkdownSummaryEscapesInputValues(t *testing.T) {
	a := hostileAudit()
	a.DetailsFile = "out/<x>details.md"
	page := toHTML(t, render(t, "markdown", a))
	for _, bad := range []string{"<script", "<img", "<i>", "<b>bold", "<b>x", "<em>stars", "<em>under", "<x>"} {
		if strings.Contains(page, bad) {
			t.Errorf("rendered summary contains %q: an input value was not escaped\n%s", bad, page)
		}
	}
	checkTableShapes(t, page, 3)
	if !strings.Contains(page, "Blocked services: c|&lt;i&gt;x&lt;/i&gt;/svc`tick*.") {
		t.Errorf("the blocked service is not named verbatim:\n%s", page)
	}
	if !strings.Contains(page, `<a href="out/%3Cx%3Edetails.md">`) {
		t.Errorf("the link to the details is not a safe relative link:\n%s", page)
	}
}

// The summary names the first mdMaxNamed blocked services, then counts
// the rest; the details file name becomes the link.
func TestMarkdownSummaryBounded(t *testing.T) {
	a := fixtureAudit(t)
	a.DetailsFile = "audit-details.md"
	base := a.Verdicts
	for i := 0; i < 3*mdMaxNamed; i++ {
		a.Verdicts = append(a.Verdicts, analyzer.Verdict{Cluster: "big", Service: strings.Repeat("s", i+1), TaskDefinition: "x:1", Verdict: analyzer.Blocked, Blockers: []string{"privileged"}})
	}
	md := string(render(t, "markdown", a))
	if !strings.Contains(md, "and 41 more.") {
		t.Errorf("the blocked services are not cut at %d:\n%s", mdMaxNamed, md)
	}
	if !strings.HasSuffix(md, "**Details** (every service, finding and unchecked rule): [audit-details.md](<audit-details.md>), written beside this summary.\n") {
		t.Errorf("no link to the details at the end:\n%s", md)
	}
	a.Verdicts = base
}

// writeComment is the last guard: a summary that would not fit one
// comment is cut at a line, says so, and keeps the link to the details.
func TestWriteCommentCutsToFit(t *testing.T) {
	long := strings.Repeat("| a row of a table that grows with the fleet |\n", 3000)
	var out bytes.Buffer
	if err := writeComment(&out, long, detailsLine("d.md", "")); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if len(s) >= MaxComment || !strings.Contains(s, "cut here to fit one GitHub comment") || !strings.HasSuffix(s, "written beside this summary.\n") {
		t.Errorf("%d bytes; ends %q", len(s), s[max(0, len(s)-200):])
	}
	if !strings.Contains(s, "fleet |\n\n*(cut") {
		t.Error("not cut at a line boundary")
	}
}
