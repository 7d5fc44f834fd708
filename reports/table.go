package reports

import (
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// newTable is the one place the terminal table style is set; every table
// of the cost, report and rules commands uses it. Written to a FitTo
// writer it is drawn by box at that width; otherwise cells wrap at word
// boundaries to keep the table within 160 columns.
func newTable(w io.Writer, header ...string) appendTable {
	if width := widthOf(w); width > 0 {
		return &fittedTable{w: w, width: width, b: box{header: header}}
	}
	return styledTable(w, header, tablewriter.WithRowAutoWrap(tw.WrapNormal), tablewriter.WithMaxWidth(160))
}

// appendTable is what newTable's callers use of a table.
type appendTable interface {
	Append(rows ...interface{}) error
	Render() error
}

// fittedTable collects rows and draws them with box at its width.
type fittedTable struct {
	w     io.Writer
	width int
	b     box
}

// Append takes a row as cells or as one []string, as tablewriter does.
func (t *fittedTable) Append(cells ...interface{}) error {
	if len(cells) == 1 {
		if row, ok := cells[0].([]string); ok {
			t.b.rows = append(t.b.rows, row)
			return nil
		}
	}
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = fmt.Sprint(c)
	}
	t.b.rows = append(t.b.rows, row)
	return nil
}

func (t *fittedTable) Render() error { return t.b.render(t.w, t.width) }

// FitTo wraps w so that the cost, report and rules tables written to it
// fit width columns (0: no limit, w itself). The command decides the width
// (internal/terminal) and the renderers keep their signatures.
func FitTo(w io.Writer, width int) io.Writer {
	if width <= 0 {
		return w
	}
	return fitWriter{w, width}
}

type fitWriter struct {
	io.Writer
	width int
}

// widthOf is the width a FitTo writer asks for, 0 for any other writer.
func widthOf(w io.Writer) int {
	if f, ok := w.(fitWriter); ok {
		return f.width
	}
	return 0
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

// renderAuditTable writes what an engineer reads in a terminal: the
// audit screen (audit_screen.go), then, with Screen.Details, the verdicts
// for services and for task definitions, every finding and the checks
// that could not run; with Screen.Service, that service alone.
func renderAuditTable(w io.Writer, a *Audit) error {
	if a.Screen.Service != "" {
		return renderServiceScreen(w, a)
	}
	steps := []func(io.Writer, *Audit) error{screenSummary, screenBlockers, screenChanges}
	if a.Screen.Details {
		steps = append(steps, detailsHeading, serviceVerdictTable, taskVerdictTable, auditFindingTable, notCheckedTable)
	}
	for _, step := range append(steps, screenNext) {
		if err := step(w, a); err != nil {
			return err
		}
	}
	return nil
}

func detailsHeading(w io.Writer, a *Audit) error {
	_, err := fmt.Fprintln(w, "Details")
	return err
}

func serviceVerdictTable(w io.Writer, a *Audit) error {
	var rows [][]string
	for _, v := range a.Verdicts {
		if v.Service != "" {
			rows = append(rows, []string{a.place().name(v.Account, v.Region, dash(v.Cluster)), v.Service, v.TaskDefinition, v.Verdict, ids(v.Blockers), ids(v.Fixable)})
		}
	}
	return titledTable(w, a.Screen, "Services", []string{"CLUSTER", "SERVICE", "TASK DEF", "VERDICT", "BLOCKERS", "FIXABLE"}, rows, 3)
}

func taskVerdictTable(w io.Writer, a *Audit) error {
	var rows [][]string
	for _, v := range a.Verdicts {
		if v.Service == "" {
			rows = append(rows, []string{a.place().name(v.Account, v.Region, v.TaskDefinition), v.Verdict, ids(v.Blockers), ids(v.Fixable)})
		}
	}
	return titledTable(w, a.Screen, "Task definitions", []string{"TASK DEF", "VERDICT", "BLOCKERS", "FIXABLE"}, rows, 1)
}

func auditFindingTable(w io.Writer, a *Audit) error {
	if a.Findings.Len() > maxBoxedRows {
		return plainFindingTable(w, a)
	}
	return titledTable(w, a.Screen, "Findings", findingHeader, findingRows(a.place(), a.Findings.All(), a.Screen), 0)
}

var findingHeader = []string{"SEVERITY", "RULE", "WHERE", "MESSAGE"}

// findingRows are the findings' table rows; without a width the message
// is wrapped as in a 140-column table (wrapLast).
func findingRows(p placer, fs iter.Seq[analyzer.Finding], sc Screen) [][]string {
	var rows [][]string
	for f := range fs {
		rows = append(rows, findingRow(p, f))
	}
	if sc.Width == 0 {
		rows = wrapLast(findingHeader, rows)
	}
	return rows
}

// findingRow is a finding's row, its message not yet wrapped.
func findingRow(p placer, f analyzer.Finding) []string {
	msg := f.Message
	if f.Unverified {
		msg += " (unverified)"
	}
	return []string{f.Severity.String(), f.RuleID, findingPlace(p, f), msg}
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
	return titledTable(w, a.Screen, "Not checked (the inputs lack the data)", notCheckedHeader, notCheckedRows(a.place(), a.NotChecked, a.Screen), -1)
}

var notCheckedHeader = []string{"RULE", "SUBJECT", "CONTAINER", "NEEDS"}

func notCheckedRows(p placer, ns []analyzer.NotChecked, sc Screen) [][]string {
	var rows [][]string
	for _, n := range ns {
		rows = append(rows, []string{n.RuleID, p.subject(n.Account, n.Region, n.Cluster, n.Service, n.TaskDefinition), dash(n.Container), n.Needs})
	}
	if sc.Width == 0 {
		rows = wrapLast(notCheckedHeader, rows)
	}
	return rows
}

// titledTable writes a title line, the table and a blank line; nothing at
// all when there are no rows. colourCol is the column of verdicts or
// severities to colour (-1 for none). Above maxBoxedRows rows it writes
// plain aligned columns, one line per row, cut to the width if there is
// one.
func titledTable(w io.Writer, sc Screen, title string, header []string, rows [][]string, colourCol int) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w, title); err != nil {
		return err
	}
	var err error
	if len(rows) > maxBoxedRows {
		err = plainFitted(w, sc.Width, header, unwrapped(rows))
	} else {
		err = box{header: header, rows: rows, paint: paintColumns(sc.Colour, colourCol)}.render(w, sc.Width)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w)
	return err
}

// plainFitted writes plain aligned columns (plainRows), each line cut to
// width with an ellipsis when there is a width.
func plainFitted(w io.Writer, width int, header []string, rows [][]string) error {
	return plainRows(FitTo(w, width), header, rows)
}

// rowsTable draws rows whose cells the caller has broken into lines in a
// box, or, above maxBoxedRows rows, as plain aligned columns (each cell on
// one line). Nothing follows the last row.
func rowsTable(w io.Writer, header []string, rows [][]string) error {
	if len(rows) > maxBoxedRows {
		return plainRows(w, header, unwrapped(rows))
	}
	if width := widthOf(w); width > 0 {
		return box{header: header, rows: rows}.render(w, width)
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
	widths := make([]int, last)
	for i := range widths {
		widths[i] = displayWidth(header[i])
		for _, r := range rows {
			widths[i] = max(widths[i], displayWidth(r[i]))
		}
	}
	width := lastColumnWidth(widths)
	for _, r := range rows {
		r[last] = wrap(r[last], width, "")
	}
	return rows
}

// lastColumnWidth is the width wrapLast wraps the last column at, given
// the widths of the others (their widest lines, header included).
func lastColumnWidth(widths []int) int {
	used := 1 // the left border
	for _, wd := range widths {
		used += wd + 3 // a space either side and a border
	}
	used += 3
	width := min(max(tableTarget-used, messageMin), messageMax)
	if used+width > tableMax {
		width = max(tableMax-used, messageFloor)
	}
	return width
}

// displayWidth is the widest line of s in runes; ours are all one column.
func displayWidth(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, utf8.RuneCountInString(line))
	}
	return n
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

// groupFindings indexes findings by their subject, keeping their order:
// each subject's are their places in fs (see findingsAt).
func groupFindings(fs *analyzer.Findings) map[subjectKey][]int {
	out := map[subjectKey][]int{}
	for i := range fs.Len() {
		f := fs.At(i)
		k := subjectKey{f.Account, f.Region, f.Cluster, f.Service, f.TaskDefinition}
		out[k] = append(out[k], i)
	}
	return out
}

// findingsAt makes the findings at those places in fs, in their order.
func findingsAt(fs *analyzer.Findings, places []int) []analyzer.Finding {
	out := make([]analyzer.Finding, len(places))
	for i, p := range places {
		out[i] = fs.At(p)
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

// toolName is "ecs2fargate 1.2.3", or just the name for an unversioned build.
func toolName(t Tool) string {
	if t.Version == "" {
		return t.Name
	}
	return t.Name + " " + t.Version
}
