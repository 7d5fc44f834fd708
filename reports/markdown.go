package reports

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// renderAuditMarkdown writes the whole audit as GitHub-flavoured Markdown,
// the details the summary (markdown_summary.go) links to: summary, verdict tables,
// one collapsible block of findings per subject, then what was not checked
// and what could not be read. Every value that came from the inputs goes
// through mdText or mdCode, so a name cannot break a table or inject HTML.
func renderAuditMarkdown(w io.Writer, a *Audit) error {
	b := newMDOut(w, true) // streamed as written (issue 17)
	b.WriteString("# ecs2fargate audit\n\n")
	fmt.Fprintf(b, "%s read by %s.\n\n", plural(len(a.Inputs), "input file"), toolName(a.Tool))
	mdSummary(b, a)
	mdServiceVerdicts(b, a)
	mdTaskVerdicts(b, a)
	mdFindings(b, a)
	mdNotChecked(b, a)
	mdDiagnostics(b, a)
	mdGaps(b, a)
	return b.close()
}

func mdSummary(b mdWriter, a *Audit) {
	b.WriteString("## Summary\n\n")
	mdCounts(b, a)
	var notes []string
	if len(a.NotChecked) > 0 {
		notes = append(notes, plural(len(a.NotChecked), "check")+" could not run for lack of data (see [Not checked](#not-checked))")
	}
	if len(a.Diagnostics) > 0 {
		notes = append(notes, plural(len(a.Diagnostics), "input problem")+" (see [Input problems](#input-problems))")
	}
	if len(a.Gaps) > 0 {
		notes = append(notes, plural(len(a.Gaps), "part")+" of the estate could not be read (see [Not read](#not-read))")
	}
	if len(notes) > 0 {
		b.WriteString(strings.Join(notes, "; ") + ".\n\n")
	}
}

// mdCounts writes the verdict counts and the findings by severity.
func mdCounts(b mdWriter, a *Audit) {
	s := a.Summary
	b.WriteString("| | Total | Ready | Fixable | Blocked | Unknown |\n|---|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(b, "| Services | %d | %d | %d | %d | %d |\n", s.Services,
		s.ServiceVerdicts[analyzer.Ready], s.ServiceVerdicts[analyzer.Fixed], s.ServiceVerdicts[analyzer.Blocked], s.ServiceVerdicts[analyzer.Unknown])
	fmt.Fprintf(b, "| Task definitions | %d | %d | %d | %d | – |\n\n", s.TaskDefinitions,
		s.TaskVerdicts[analyzer.Ready], s.TaskVerdicts[analyzer.Fixed], s.TaskVerdicts[analyzer.Blocked])
	total := 0
	for _, n := range s.Findings {
		total += n
	}
	b.WriteString("| Findings | Blocker | Fixable | Warning | Info |\n|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(b, "| %d | %d | %d | %d | %d |\n\n", total,
		s.Findings["blocker"], s.Findings["fixable"], s.Findings["warning"], s.Findings["info"])
}

// mdServiceVerdicts writes one verdict table per cluster.
func mdServiceVerdicts(b mdWriter, a *Audit) {
	var svc []analyzer.Verdict
	for _, v := range a.Verdicts {
		if v.Service != "" {
			svc = append(svc, v)
		}
	}
	if len(svc) == 0 {
		return
	}
	b.WriteString("## Services\n")
	for i, v := range svc {
		if i == 0 || v.Cluster != svc[i-1].Cluster || v.Account != svc[i-1].Account || v.Region != svc[i-1].Region {
			fmt.Fprintf(b, "\n### Cluster %s\n\n", mdText(a.place().name(v.Account, v.Region, cmp.Or(v.Cluster, "(no cluster)"))))
			b.WriteString("| Cluster | Service | Task definition | Verdict | Blockers | Fixable |\n|---|---|---|---|---|---|\n")
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", mdText(a.place().name(v.Account, v.Region, v.Cluster)), mdText(v.Service),
			mdText(v.TaskDefinition), mdVerdict(v.Verdict), mdRuleIDs(v.Blockers), mdRuleIDs(v.Fixable))
	}
	b.WriteString("\n")
}

func mdTaskVerdicts(b mdWriter, a *Audit) {
	header := false
	for _, v := range a.Verdicts {
		if v.Service != "" {
			continue
		}
		if !header {
			b.WriteString("## Task definitions\n\n| Task definition | Verdict | Blockers | Fixable |\n|---|---|---|---|\n")
			header = true
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdText(a.place().name(v.Account, v.Region, v.TaskDefinition)), mdVerdict(v.Verdict), mdRuleIDs(v.Blockers), mdRuleIDs(v.Fixable))
	}
	if header {
		b.WriteString("\n")
	}
}

// mdFindings writes one <details> block per subject (task definition or
// service) that has findings or notes, in verdict order.
func mdFindings(b mdWriter, a *Audit) {
	groups := groupFindings(a.Findings)
	unverified := false
	started := false
	// Services first, as in the tables above; verdicts list task
	// definitions (no cluster) first, hence two passes.
	for _, services := range []bool{true, false} {
		heading := false
		for _, v := range a.Verdicts {
			places := groups[subjectKey{v.Account, v.Region, v.Cluster, v.Service, v.TaskDefinition}]
			if (v.Service != "") != services || len(places) == 0 && len(v.Notes) == 0 && v.Fallback == "" {
				continue
			}
			if !started {
				b.WriteString("## Findings\n\n")
				started = true
			}
			if !heading {
				b.WriteString(map[bool]string{true: "### Services\n\n", false: "### Task definitions\n\n"}[services])
				heading = true
			}
			unverified = mdSubject(b, a.place(), v, findingsAt(a.Findings, places)) || unverified
		}
	}
	if !started {
		b.WriteString("## Findings\n\nNo findings.\n\n")
	}
	if unverified {
		b.WriteString("Findings marked *(unverified)* come from rules that rest partly on a fact our sources could not confirm; " +
			"`ecs2fargate rules explain ID` says which.\n\n")
	}
}

// mdSubject writes one subject's block and reports whether it holds an
// unverified finding.
func mdSubject(b mdWriter, p placer, v analyzer.Verdict, fs []analyzer.Finding) bool {
	title := "task definition " + p.name(v.Account, v.Region, v.TaskDefinition)
	if v.Service != "" {
		title = "service " + p.name(v.Account, v.Region, cmp.Or(v.Cluster, "(no cluster)")) + "/" + v.Service + " (task definition " + v.TaskDefinition + ")"
	}
	fmt.Fprintf(b, "<details>\n<summary><b>%s</b>: %s, %s</summary>\n\n",
		htmlText(title), htmlText(v.Verdict), htmlText(plural(len(fs), "finding")))
	if len(fs) > 0 && fs[0].File != "" {
		fmt.Fprintf(b, "File: %s\n\n", mdCode(fs[0].File))
	}
	if v.Fallback != "" {
		fmt.Fprintf(b, "If it cannot be fixed: %s.\n\n", mdText(strings.TrimSuffix(v.Fallback, ".")))
	}
	for _, n := range v.Notes {
		fmt.Fprintf(b, "Note: %s.\n\n", mdText(strings.TrimSuffix(n, ".")))
	}
	if v.Service != "" && len(fs) > 0 {
		fmt.Fprintf(b, "Only the service's own findings are listed; those of its task definition are under Task definitions, %s.\n\n", mdText(v.TaskDefinition))
	}
	unverified := false
	if len(fs) > 0 {
		b.WriteString("| Severity | Rule | Container | Path | Value | Message |\n|---|---|---|---|---|---|\n")
		for _, f := range fs {
			msg := mdText(f.Message)
			if f.Unverified {
				msg += " *(unverified)*"
				unverified = true
			}
			fmt.Fprintf(b, "| %s | `%s` | %s | %s | %s | %s |\n", f.Severity, mdText(f.RuleID),
				mdText(cmp.Or(f.Container, "–")), mdCode(f.Path), mdCode(f.Value), msg)
		}
		b.WriteString("\n")
	}
	b.WriteString("</details>\n\n")
	return unverified
}

func mdNotChecked(b mdWriter, a *Audit) {
	if len(a.NotChecked) == 0 {
		return
	}
	b.WriteString("## Not checked\n\nThese rules could not be evaluated because the inputs lack the data they need; they are neither passed nor failed.\n\n")
	b.WriteString("| Rule | Subject | Container | Needs |\n|---|---|---|---|\n")
	for _, n := range a.NotChecked {
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", mdText(n.RuleID), mdText(a.place().subject(n.Account, n.Region, n.Cluster, n.Service, n.TaskDefinition)),
			mdText(cmp.Or(n.Container, "–")), mdText(n.Needs))
	}
	b.WriteString("\n")
}

func mdDiagnostics(b mdWriter, a *Audit) {
	if len(a.Diagnostics) == 0 {
		return
	}
	b.WriteString("## Input problems\n\nEverything readable was still audited.\n\n")
	b.WriteString("| Level | File | Line | Path | Message |\n|---|---|---:|---|---|\n")
	for _, d := range a.Diagnostics {
		line := "–"
		if d.Line > 0 {
			line = fmt.Sprintf("%d:%d", d.Line, d.Column)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdText(string(d.Level)), mdCode(d.File), line, mdCode(d.Path), mdText(d.Message))
	}
	b.WriteString("\n")
}

func mdGaps(b mdWriter, a *Audit) {
	if len(a.Gaps) == 0 {
		return
	}
	b.WriteString("## Not read\n\nParts of the estate that discovery could not read; nothing in them was audited.\n\n| Scope | Reason |\n|---|---|\n")
	for _, g := range a.Gaps {
		fmt.Fprintf(b, "| %s | %s |\n", mdText(g.Scope), mdText(g.Reason))
	}
	b.WriteString("\n")
}

func mdVerdict(v string) string {
	if v == analyzer.Blocked {
		return "**blocked**"
	}
	return mdText(v)
}

// mdRuleIDs writes rule IDs as code, or a dash for none.
func mdRuleIDs(ids []string) string {
	if len(ids) == 0 {
		return "–"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = mdCode(id)
	}
	return strings.Join(out, " ")
}

// mdEscaper makes text inert in Markdown inline content: characters that
// start emphasis, code, links, tables, headings or math get a backslash,
// and those that start HTML become entities. Line breaks would end a table
// row, so they become spaces.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "~", `\~`, "|", `\|`, "#", `\#`, "$", `\$`,
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

// mdText escapes an input value for Markdown text or a table cell.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCode writes s as a code span that shows it verbatim: the fence is longer
// than any run of backticks inside, pipes are escaped for the table (GFM
// unescapes them inside code spans), and an empty value becomes a dash.
func mdCode(s string) string {
	if s == "" {
		return "–"
	}
	s = mdCodeEscaper.Replace(s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		// CommonMark strips one space from each end; without it a leading
		// backtick would merge with the fence.
		s = " " + s + " "
	}
	return fence + s + fence
}

// htmlText escapes a value for raw HTML such as a <summary> line.
func htmlText(s string) string { return htmlEscaper.Replace(s) }

// The replacers are built once: building one per value was a third of
// the time of changes.md for 10,000 services.
var (
	mdCodeEscaper = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "|", `\|`)
	htmlEscaper   = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;",
		"\r\n", " ", "\n", " ", "\r", " ")
)
