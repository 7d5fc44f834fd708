package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// newTable is the one place the terminal table style is set; every table
// in every command uses it. Cells wrap at word boundaries to keep the table
// within 160 columns.
func newTable(w io.Writer, header ...string) *tablewriter.Table {
	return styledTable(w, header, tablewriter.WithRowAutoWrap(tw.WrapNormal), tablewriter.WithMaxWidth(160))
}

// newPrewrappedTable is the same style for rows whose cells the caller has
// already broken into lines; it never wraps or truncates.
func newPrewrappedTable(w io.Writer, header ...string) *tablewriter.Table {
	return styledTable(w, header, tablewriter.WithRowAutoWrap(tw.WrapNone))
}

func styledTable(w io.Writer, header []string, opts ...tablewriter.Option) *tablewriter.Table {
	t := tablewriter.NewTable(w, append([]tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off)}, opts...)...)
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	t.Header(hdr...)
	return t
}

// Widths for tables whose last column is free text: every other column
// keeps its full text on one line (paths and rule IDs get copied), and the
// text is wrapped so the table is about tableTarget columns wide, its text
// column between messageMin and messageMax, and never wider than tableMax
// while the text column can still be messageFloor wide.
const (
	tableTarget  = 140
	tableMax     = 160
	messageMin   = 30
	messageMax   = 60
	messageFloor = 30
)

// renderAuditTable writes what an engineer reads in a terminal: verdicts
// for services, then for task definitions, then findings, the checks that
// could not run, and a short summary.
func renderAuditTable(w io.Writer, a *Audit) error {
	for _, step := range []func(io.Writer, *Audit) error{
		serviceVerdictTable, taskVerdictTable, auditFindingTable, notCheckedTable,
	} {
		if err := step(w, a); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, summaryText(a))
	return err
}

func serviceVerdictTable(w io.Writer, a *Audit) error {
	var rows [][]string
	for _, v := range a.Verdicts {
		if v.Service != "" {
			rows = append(rows, []string{a.place.name(v.Account, v.Region, dash(v.Cluster)), v.Service, v.TaskDefinition, v.Verdict, ids(v.Blockers), ids(v.Fixable)})
		}
	}
	return titledTable(w, "Services", []string{"CLUSTER", "SERVICE", "TASK DEF", "VERDICT", "BLOCKERS", "FIXABLE"}, rows)
}

func taskVerdictTable(w io.Writer, a *Audit) error {
	var rows [][]string
	for _, v := range a.Verdicts {
		if v.Service == "" {
			rows = append(rows, []string{a.place.name(v.Account, v.Region, v.TaskDefinition), v.Verdict, ids(v.Blockers), ids(v.Fixable)})
		}
	}
	return titledTable(w, "Task definitions", []string{"TASK DEF", "VERDICT", "BLOCKERS", "FIXABLE"}, rows)
}

func auditFindingTable(w io.Writer, a *Audit) error {
	var rows [][]string
	for _, f := range a.Findings {
		msg := f.Message
		if f.Unverified {
			msg += " (unverified)"
		}
		rows = append(rows, []string{f.Severity.String(), f.RuleID, findingPlace(a.place, f), msg})
	}
	header := []string{"SEVERITY", "RULE", "WHERE", "MESSAGE"}
	return titledTable(w, "Findings", header, wrapLast(header, rows))
}

// findingPlace stacks the subject, the container and the JSON path in one
// cell, one per line, so the message keeps room to be read; none is ever
// broken, so each can be copied whole.
func findingPlace(p placer, f analyzer.Finding) string {
	lines := []string{p.subject(f.Account, f.Region, f.Cluster, f.Service, f.TaskDefinition)}
	if f.Container != "" {
		lines = append(lines, "container "+f.Container)
	}
	if f.Path != "" {
		lines = append(lines, f.Path)
	}
	return strings.Join(lines, "\n")
}

func notCheckedTable(w io.Writer, a *Audit) error {
	var rows [][]string
	for _, n := range a.NotChecked {
		rows = append(rows, []string{n.RuleID, a.place.subject(n.Account, n.Region, n.Cluster, n.Service, n.TaskDefinition), dash(n.Container), n.Needs})
	}
	header := []string{"RULE", "SUBJECT", "CONTAINER", "NEEDS"}
	return titledTable(w, "Not checked (the inputs lack the data)", header, wrapLast(header, rows))
}

// titledTable writes a title line, the table and a blank line; nothing at
// all when there are no rows. Above maxBoxedRows rows it writes plain
// aligned columns: the table library needs minutes for 150,000 findings.
func titledTable(w io.Writer, title string, header []string, rows [][]string) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w, title); err != nil {
		return err
	}
	if err := rowsTable(w, header, rows); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

// rowsTable draws rows whose cells the caller has broken into lines in a
// box, or, above maxBoxedRows rows, as plain aligned columns (each cell on
// one line). Nothing follows the last row.
func rowsTable(w io.Writer, header []string, rows [][]string) error {
	if len(rows) > maxBoxedRows {
		return plainRows(w, header, unwrapped(rows))
	}
	t := newPrewrappedTable(w, header...)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}

// unwrapped joins the lines wrapLast made, for plain columns, where a
// line break would misalign every column after it.
func unwrapped(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, cell := range r {
			out[i][j] = strings.ReplaceAll(cell, "\n", " ")
		}
	}
	return out
}

// wrapLast breaks the last column of each row into lines so the table fits
// (see tableTarget); the other columns are never wrapped.
func wrapLast(header []string, rows [][]string) [][]string {
	last := len(header) - 1
	used := 1 // the left border
	for i := 0; i < last; i++ {
		wd := displayWidth(header[i])
		for _, r := range rows {
			wd = max(wd, displayWidth(r[i]))
		}
		used += wd + 3 // a space either side and a border
	}
	used += 3
	width := min(max(tableTarget-used, messageMin), messageMax)
	if used+width > tableMax {
		width = max(tableMax-used, messageFloor)
	}
	for _, r := range rows {
		r[last] = wrap(r[last], width, "")
	}
	return rows
}

// displayWidth is the widest line of s in runes; ours are all one column.
func displayWidth(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, utf8.RuneCountInString(line))
	}
	return n
}

// summaryText is the closing block: counts of verdicts and findings, one
// subject per line.
func summaryText(a *Audit) string {
	s := a.Summary
	var b strings.Builder
	fmt.Fprintf(&b, "Services:         %d (%d ready, %d fixable, %d blocked", s.Services,
		s.ServiceVerdicts[analyzer.Ready], s.ServiceVerdicts[analyzer.Fixed], s.ServiceVerdicts[analyzer.Blocked])
	absent, undecided := analyzer.UnjudgedServices(a.Verdicts)
	if absent > 0 {
		fmt.Fprintf(&b, ", %d unknown: task definition not among the inputs", absent)
	}
	if undecided > 0 {
		fmt.Fprintf(&b, ", %d unknown: platform not decided (platform-unknown)", undecided)
	}
	fmt.Fprintf(&b, ")\nTask definitions: %d (%d ready, %d fixable, %d blocked", s.TaskDefinitions,
		s.TaskVerdicts[analyzer.Ready], s.TaskVerdicts[analyzer.Fixed], s.TaskVerdicts[analyzer.Blocked])
	if n := s.TaskVerdicts[analyzer.Unknown]; n > 0 {
		fmt.Fprintf(&b, ", %d unknown: platform not decided (platform-unknown)", n)
	}
	b.WriteString(")\n")
	fmt.Fprintf(&b, "Findings:         %d blocker, %d fixable, %d warning, %d info\n",
		s.Findings["blocker"], s.Findings["fixable"], s.Findings["warning"], s.Findings["info"])
	if s.NotChecked > 0 {
		fmt.Fprintf(&b, "Not checked:      %s, for lack of data (listed above)\n", plural(s.NotChecked, "check"))
	}
	if n := len(a.Diagnostics); n > 0 {
		fmt.Fprintf(&b, "Input problems:   %d (%d error, %d warning; printed on standard error)\n", n, countLevel(a, "error"), countLevel(a, "warning"))
	}
	if n := len(a.Gaps); n > 0 {
		fmt.Fprintf(&b, "Not read:         %s of the estate (see --format json, gaps)\n", plural(n, "part"))
	}
	return b.String()
}

func countLevel(a *Audit, level string) int {
	n := 0
	for _, d := range a.Diagnostics {
		if string(d.Level) == level {
			n++
		}
	}
	return n
}

// ids lists rule IDs one per line, so long lists grow down, not across.
func ids(list []string) string {
	return dash(strings.Join(list, "\n"))
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// subjectKey identifies what a finding or verdict is about.
type subjectKey struct{ account, region, cluster, service, taskDefinition string }

// groupFindings indexes findings by their subject, keeping their order.
func groupFindings(fs []analyzer.Finding) map[subjectKey][]analyzer.Finding {
	out := map[subjectKey][]analyzer.Finding{}
	for _, f := range fs {
		k := subjectKey{f.Account, f.Region, f.Cluster, f.Service, f.TaskDefinition}
		out[k] = append(out[k], f)
	}
	return out
}

// subjectLabel names a subject the way every human format does: a service
// as cluster/service, a task definition as family:revision.
func subjectLabel(cluster, service, taskDefinition string) string {
	if service == "" {
		return taskDefinition
	}
	return cluster + "/" + service
}

// plural writes "1 finding", "2 findings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// toolName is "ecs2fargate 1.2.3", or just the name for an unversioned build.
func toolName(t Tool) string {
	if t.Version == "" {
		return t.Name
	}
	return t.Name + " " + t.Version
}
