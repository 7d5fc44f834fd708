package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// plainFindingTable writes the findings table of more than maxBoxedRows
// findings as titledTable would (title, plain aligned columns, a blank
// line), a finding at a time: the table of 10,000 services' 150,000
// findings held every row, an unwrapped copy of each and the tabwriter's
// copy of the text at once (issue 17). A first pass over the findings
// measures the columns, the second writes each row padded as tabwriter
// pads (two spaces after the widest cell; the last column never padded)
// and, with a width, cut to it as plainRows cuts.
func plainFindingTable(w io.Writer, a *Audit) error {
	sc := a.Screen
	last := len(findingHeader) - 1
	// lines: each column's widest line (wrapLast); cells: its widest cell
	// once its lines are joined by spaces (the alignment).
	lines, cells := make([]int, last), make([]int, last)
	for i := range last {
		lines[i], cells[i] = displayWidth(findingHeader[i]), utf8.RuneCountInString(findingHeader[i])
	}
	for f := range a.Findings.All() {
		r := findingRow(a.place(), f)
		for i := range last {
			lines[i], cells[i] = max(lines[i], displayWidth(r[i])), max(cells[i], utf8.RuneCountInString(r[i]))
		}
	}
	wrapAt := lastColumnWidth(lines)
	if _, err := fmt.Fprintln(w, "Findings"); err != nil {
		return err
	}
	var b strings.Builder
	writeRow := func(r []string) error {
		b.Reset()
		for i, cell := range r {
			cell = strings.ReplaceAll(cell, "\n", " ")
			b.WriteString(cell)
			if i < last {
				b.WriteString(strings.Repeat(" ", cells[i]+2-utf8.RuneCountInString(cell)))
			}
		}
		line := b.String()
		if sc.Width > 0 {
			line = ellipsis(line, sc.Width)
		}
		_, err := io.WriteString(w, line+"\n")
		return err
	}
	if err := writeRow(findingHeader); err != nil {
		return err
	}
	for f := range a.Findings.All() {
		r := findingRow(a.place(), f)
		if sc.Width == 0 {
			r[last] = wrap(r[last], wrapAt, "")
		}
		if err := writeRow(r); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
