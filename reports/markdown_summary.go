package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// MaxComment is the most characters a GitHub comment body may hold; the
// Markdown summaries stay under it for any fleet size. Their sections are
// bounded by the rule catalogue, not the fleet, and lists that grow with
// the fleet name their first few; writeComment is the last guard. GitHub
// refuses a longer comment with "Body is too long (maximum is 65536
// characters)"; its documentation does not state the limit, the API's
// answer does. Lengths are counted in bytes here, never fewer than
// characters.
const MaxComment = 65536

// commentBudget leaves room under MaxComment for the link to the details
// and for a CI job's own heading.
const commentBudget = 60000

// The Markdown summary names at most this many blocked services, clusters
// and data gaps, then says how many more the details hold.
const (
	mdMaxNamed    = 20
	mdMaxClusters = 25
	mdMaxGaps     = 15
)

// renderAuditMarkdownSummary writes what fits one pull-request comment:
// the counts, what blocks the blocked ones by rule with the way forward,
// what the rewrite changes by rule, the next commands, and a link to the
// details (renderAuditMarkdown) when they are written to a file.
func renderAuditMarkdownSummary(w io.Writer, a *Audit) error {
	var b strings.Builder
	b.WriteString("# ecs2fargate audit\n\n")
	fmt.Fprintf(&b, "%s read by %s.\n\n", plural(len(a.Inputs), "input file"), mdText(toolName(a.Tool)))
	b.WriteString("## Summary\n\n")
	mdCounts(&b, a)
	mdSummaryNotes(&b, a)
	mdBlockersByRule(&b, a)
	mdChangesByRule(&b, a)
	mdNext(&b, a.Screen.inputsArg(), a.Summary, true)
	return writeComment(w, b.String(), detailsLine(a.DetailsFile, "audit --format markdown --details-file audit-details.md "+a.Screen.inputsArg()))
}

// RenderAuditMarkdownDetails writes the whole audit in Markdown: every
// verdict, finding and unchecked rule (the file the summary links to).
func RenderAuditMarkdownDetails(w io.Writer, a *Audit) error { return renderAuditMarkdown(w, a) }

// mdSummaryNotes says, under the counts, what could not be judged,
// checked or read.
func mdSummaryNotes(b mdWriter, a *Audit) {
	var notes []string
	for _, line := range summaryNotes(a) {
		if !strings.HasPrefix(line, "Findings:") {
			notes = append(notes, "- "+mdText(strings.ReplaceAll(line, "--details says", "the details say")))
		}
	}
	if len(notes) > 0 {
		b.WriteString(strings.Join(notes, "\n") + "\n\n")
	}
}

func mdBlockersByRule(b mdWriter, a *Audit) {
	tally := tallyRules(a.Verdicts, func(v analyzer.Verdict) []string { return v.Blockers })
	if len(tally) == 0 {
		return
	}
	rules := rulesByID(a.Rules)
	s := a.Summary
	fmt.Fprintf(b, "## Blocked: what stops %s and %s\n\n", plural(s.ServiceVerdicts[analyzer.Blocked], "service"), plural(s.TaskVerdicts[analyzer.Blocked], "task definition"))
	b.WriteString("| Rule | Services | Task definitions | Way forward |\n|---|---:|---:|---|\n")
	for _, t := range tally {
		fmt.Fprintf(b, "| %s | %d | %d | %s |\n", mdCode(t.id), t.services, t.definitions, mdText(wayForward(rules[t.id])))
	}
	var names []string
	n := 0
	for _, v := range a.Verdicts {
		if v.Service != "" && v.Verdict == analyzer.Blocked {
			if n++; n <= mdMaxNamed {
				names = append(names, mdText(a.place().subject(v.Account, v.Region, v.Cluster, v.Service, v.TaskDefinition)))
			}
		}
	}
	if n > mdMaxNamed {
		names = append(names, fmt.Sprintf("and %d more", n-mdMaxNamed))
	}
	if len(names) > 0 {
		fmt.Fprintf(b, "\nBlocked services: %s.\n", strings.Join(names, ", "))
	}
	b.WriteString("\n")
}

func mdChangesByRule(b mdWriter, a *Audit) {
	tally := tallyRules(a.Verdicts, func(v analyzer.Verdict) []string { return v.Fixable })
	if len(tally) > 0 {
		rules := rulesByID(a.Rules)
		b.WriteString("## Fixable: what the rewrite changes\n\n| Rule | Services | Task definitions | Change |\n|---|---:|---:|---|\n")
		for _, t := range tally {
			fmt.Fprintf(b, "| %s | %d | %d | %s |\n", mdCode(t.id), t.services, t.definitions, mdText(rules[t.id].Title))
		}
		b.WriteString("\n")
	}
	if also := alsoFindings(a.Summary); also != "" {
		fmt.Fprintf(b, "Also %s on behaviour and cost that differ on Fargate, in the details.\n\n", also)
	}
}

// mdNext lists the commands to run next; report says whether to suggest
// the report command.
func mdNext(b mdWriter, inputs string, s Summary, report bool) {
	b.WriteString("## Next\n\n")
	if s.ServiceVerdicts[analyzer.Fixed]+s.TaskVerdicts[analyzer.Fixed]+s.ServiceVerdicts[analyzer.Blocked]+s.TaskVerdicts[analyzer.Blocked] > 0 {
		fmt.Fprintf(b, "- the Fargate task definitions and service requests: %s\n", mdCode("ecs2fargate rewrite --out fargate "+inputs))
	}
	if report {
		fmt.Fprintf(b, "- the cost of the move and a report to share: %s\n", mdCode("ecs2fargate report --out report "+inputs))
	}
	b.WriteString("\n")
}

// detailsLine links the summary to its details file, or says how to
// write one.
func detailsLine(file, command string) string {
	if file == "" {
		return "Every service, finding and unchecked rule: " + mdCode("ecs2fargate "+command) + " writes them to a second file.\n"
	}
	return fmt.Sprintf("**Details** (every service, finding and unchecked rule): [%s](%s), written beside this summary.\n", mdText(file), mdLinkTarget(file))
}

// mdLinkTarget makes a relative file name safe as a link destination.
func mdLinkTarget(file string) string {
	return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "", "\r", "").Replace(file) + ">"
}

// writeComment writes the summary and the details line, cutting the
// summary at a line boundary (with a note) if it would not fit a comment.
func writeComment(w io.Writer, summary, details string) error {
	summary = strings.TrimRight(summary, "\n") + "\n\n"
	if len(summary)+len(details) > commentBudget {
		cut := strings.LastIndex(summary[:commentBudget-len(details)-200], "\n")
		summary = summary[:cut+1] + "\n*(cut here to fit one GitHub comment; the details hold the rest)*\n\n"
	}
	_, err := io.WriteString(w, summary+details)
	return err
}
