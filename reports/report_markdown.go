package reports

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// renderReportMarkdown writes the report as GitHub-flavoured Markdown for
// a pull request or a wiki: summary tables, clusters, blocking rules, one
// table per cluster and a <details> block per service. Input values go
// through mdText, mdCode or htmlText.
func renderReportMarkdown(w io.Writer, r *Report) error {
	b := newMDOut(w, false) // streamed as written (issue 17)
	rows := newMDRows(b, r, heldRuns(r.Services))
	for i := range r.Services {
		rows.service(&r.Services[i])
	}
	rows.endServices()
	for i := range r.UnusedTaskDefinitions {
		rows.unused(&r.UnusedTaskDefinitions[i])
	}
	rows.end()
	return b.close()
}

// mdRows writes the Markdown details as the rows are handed over: the
// head when made, one table per cluster opened at its first service, the
// task definitions no service runs, then the rest. Only a detailed
// report (DetailLimit services at most) holds a cluster's rows, for the
// <details> blocks written under its table.
type mdRows struct {
	b          mdWriter
	r          *Report
	detailed   bool
	runs       []clusterRun
	run        int
	open       bool
	label      string
	held       []ServiceReport
	unusedRows int // written
}

// newMDRows writes the head of the details: everything above the services.
func newMDRows(b mdWriter, r *Report, runs []clusterRun) *mdRows {
	mdReportHead(b, r)
	mdReportSummary(b, r, "[on their own](#task-definitions-no-service-runs)")
	mdReportClusters(b, r)
	mdReportRules(b, r)
	if r.HasServices() {
		b.WriteString("## Services\n")
	}
	return &mdRows{b: b, r: r, detailed: r.Detailed(), runs: runs}
}

func (m *mdRows) service(s *ServiceReport) {
	if !m.open || s.label != m.label {
		m.closeCluster()
		name := m.runs[m.run].label
		m.run++
		m.open, m.label = true, s.label
		fmt.Fprintf(m.b, "\n### Cluster %s\n\n", mdText(cmp.Or(name, "(no cluster)")))
		m.b.WriteString("| Service | Verdict | Blockers | Fargate size | Tasks | EC2 now | On-demand | Spot | ARM | SP 1y | Saving (on-demand) | Changes |\n")
		m.b.WriteString("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	}
	mdServiceRow(m.b, s)
	if m.detailed {
		m.held = append(m.held, *s)
	}
}

func (m *mdRows) closeCluster() {
	if !m.open {
		return
	}
	m.b.WriteString("\n")
	for i := range m.held {
		mdServiceDetails(m.b, &m.held[i])
	}
	m.held = m.held[:0]
	m.open = false
}

// endServices closes the last cluster's table.
func (m *mdRows) endServices() {
	if !m.r.HasServices() {
		return
	}
	m.closeCluster()
	if !m.detailed {
		fmt.Fprintf(m.b, "\nWith more than %d services the change lists and next steps are left to the JSON and CSV formats.\n", DetailLimit)
	}
	m.b.WriteString("\n")
}

func (m *mdRows) unused(u *UnusedTaskDefinition) {
	if m.unusedRows == 0 {
		fmt.Fprintf(m.b, "## %s\n\n%s\n\n", unusedTitle, mdText(unusedIntro))
		m.b.WriteString("| Task definition | Verdict | Blockers | Fargate size | Changes | Where it can run instead |\n|---|---|---|---|---|---|\n")
	}
	m.unusedRows++
	mdUnusedRow(m.b, u)
}

// end writes the rest: the data gaps and the assumptions.
func (m *mdRows) end() {
	if m.unusedRows > 0 {
		m.b.WriteString("\n")
	}
	mdReportGaps(m.b, m.r)
	fmt.Fprintf(m.b, "## Assumptions\n\nPrices as of %s. _%s_\n", mdText(m.r.Assumptions.PriceDate), mdText(m.r.AssumptionsText))
}

// mdReportHead writes the title, what was read, and the manager's sentence.
func mdReportHead(b mdWriter, r *Report) {
	b.WriteString("# ecs2fargate migration report\n\n")
	fmt.Fprintf(b, "%s read by %s", plural(len(r.Inputs), "input file"), mdText(toolName(r.Tool)))
	if r.GeneratedAt != "" {
		fmt.Fprintf(b, ", generated %s", mdText(r.GeneratedAt))
	}
	b.WriteString(".\n\n")
	b.WriteString("**" + mdText(r.Summary.Headline) + "**\n\n")
}

// mdReportSummary writes the counts and the cost table; unusedWhere says
// where the task definitions no service runs are listed.
func mdReportSummary(b mdWriter, r *Report, unusedWhere string) {
	s := r.Summary
	b.WriteString("## Summary\n\n| Services | Ready | Fixable | Blocked | Unknown | Can move now | Already on Fargate |\n|---:|---:|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(b, "| %d | %d | %d | %d | %d | %d | %d |\n\n", s.Services, s.ByVerdict["ready"], s.ByVerdict["fixable"],
		s.ByVerdict["blocked"], s.ByVerdict["unknown"], s.Movable, s.OnFargate)
	if s.UnusedTaskDefinitions > 0 {
		v := s.UnusedByVerdict
		fmt.Fprintf(b, "Task definitions no service runs: %d (ready %d, fixable %d, blocked %d, unknown %d), listed %s.\n\n",
			s.UnusedTaskDefinitions, v["ready"], v["fixable"], v["blocked"], v["unknown"], unusedWhere)
	}
	b.WriteString(mdText("Cost (USD): "+s.Scope) + "\n\n")
	b.WriteString("| Cost (USD) | Per month | Per year | Saving per month | Saving per year |\n|---|---:|---:|---:|---:|\n")
	for _, row := range costOptionRows(s) {
		mdRow(b, strings.TrimSpace(row[0]), row[1], row[2], row[3], row[4])
	}
	b.WriteString("\n")
	for _, line := range s.UnknownParts {
		b.WriteString("- " + mdText(line) + "\n")
	}
	if len(s.UnknownParts) > 0 {
		b.WriteString("\n")
	}
	mdDeltas(b, s.Deltas)
	writeLikeMarkdown(b, s.LikeForLike, r.pricedClusters())
}

func mdReportClusters(b mdWriter, r *Report) {
	if len(r.Clusters) == 0 {
		return
	}
	b.WriteString("## Clusters (USD per month)\n\n| Cluster | Services | Ready | Fixable | Blocked | Unknown | EC2 now | Idle | On-demand | Spot | ARM | SP 1y | Saving (on-demand) |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range r.Clusters {
		f := c.FargateMonthly
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s |\n", mdText(cmp.Or(c.Label(), "(no cluster)")), c.Services,
			c.ByVerdict["ready"], c.ByVerdict["fixable"], c.ByVerdict["blocked"], c.ByVerdict["unknown"], c.EC2Monthly, c.IdleMonthly,
			f.OnDemand, f.Spot, f.ARM, f.SavingsPlan1y, c.SavingsMonthly.OnDemand)
	}
	b.WriteString("\n")
}

func mdReportRules(b mdWriter, r *Report) {
	if len(r.BlockedByRule) == 0 {
		return
	}
	b.WriteString("## Services blocked per rule\n\n| Rule | Services | Title | Where they can run instead |\n|---|---:|---|---|\n")
	for _, rc := range r.BlockedByRule {
		fmt.Fprintf(b, "| %s | %d | %s | %s |\n", mdCode(rc.RuleID), rc.Services, mdText(rc.Title), mdText(cmp.Or(rc.Fallback, "–")))
	}
	b.WriteString("\n")
}

// mdServiceRow writes a service's row in its cluster's table.
func mdServiceRow(b mdWriter, s *ServiceReport) {
	f := s.FargateMonthly
	fmt.Fprintf(b, "| %s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", mdText(s.Service), mdVerdict(s.Verdict), mdRuleIDs(s.Blockers),
		sizeText(s.FargateSize), s.Tasks, s.EC2Monthly, f.OnDemand, f.Spot, f.ARM, f.SavingsPlan1y, s.SavingsMonthly.OnDemand, mdText(cmp.Or(s.ChangeSummary, "–")))
}

// mdServiceDetails writes a service's <details> block: its changes, what
// is left to do by hand and its next steps.
func mdServiceDetails(b mdWriter, s *ServiceReport) {
	fmt.Fprintf(b, "<details>\n<summary><b>%s</b>: %s, %s</summary>\n\n", htmlText(s.Service), htmlText(s.Verdict), plural(len(s.Changes), "change"))
	fmt.Fprintf(b, "Task definition %s.\n\n", mdCode(s.TaskDefinition))
	mdChanges(b, s.Changes)
	for _, rm := range s.Remaining {
		fmt.Fprintf(b, "- left to do by hand (%s, %s): %s\n", mdCode(rm.RuleID), mdText(rm.Severity), mdText(rm.Message))
	}
	if len(s.Remaining) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("Next steps:\n\n")
	for i, step := range s.NextSteps {
		fmt.Fprintf(b, "%d. %s\n", i+1, mdText(step))
	}
	for _, n := range s.NotChecked {
		fmt.Fprintf(b, "\nNot checked: needs %s.\n", mdText(n))
	}
	b.WriteString("\n</details>\n\n")
}

func mdChanges(b mdWriter, cs []rewrite.Change) {
	if len(cs) == 0 {
		return
	}
	b.WriteString("| Rule | Path | Before | After | Change |\n|---|---|---|---|---|\n")
	for _, c := range cs {
		msg := mdText(c.Message)
		if c.Lossy {
			msg += " **(lossy)**"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdCode(c.RuleID), mdCode(c.Path), mdCode(string(c.Before)), mdCode(string(c.After)), msg)
	}
	b.WriteString("\n")
}

func mdReportGaps(b mdWriter, r *Report) {
	g := r.DataGaps
	if len(g.ToAdd)+len(g.Unknown)+len(g.Caveats)+len(g.Diagnostics)+len(g.NotRead) == 0 && r.RewriteNote == "" {
		return
	}
	b.WriteString("## Data gaps\n\n")
	for _, grp := range g.ToAdd {
		fmt.Fprintf(b, "- not checked (%s): %s\n", plural(grp.Checks, "check"), mdText(gapHeading(grp)))
		for _, line := range gapLines(grp) {
			fmt.Fprintf(b, "  - %s\n", mdGapLine(grp, line))
		}
	}
	for _, u := range g.Unknown {
		fmt.Fprintf(b, "- unknown cost: %s\n", mdText(u))
	}
	for _, c := range g.Caveats {
		fmt.Fprintf(b, "- \\* %s\n", mdText(c))
	}
	for _, d := range g.Diagnostics {
		fmt.Fprintf(b, "- input problem: %s\n", mdText(d))
	}
	for _, n := range g.NotRead {
		fmt.Fprintf(b, "- not read: %s\n", mdText(n))
	}
	if r.RewriteNote != "" {
		fmt.Fprintf(b, "- rewrite preview: %s\n", mdText(r.RewriteNote))
	}
	b.WriteString("\n")
}

// mdGapLine shows a command as code, to copy, and anything else as text.
func mdGapLine(g GapGroup, line string) string {
	if len(g.Commands) > 0 {
		return mdCode(line)
	}
	return mdText(line)
}
