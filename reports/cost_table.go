package reports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// renderCostTable writes services, clusters, fleet totals, like-for-like
// and hidden deltas as terminal tables, each ending with the assumptions
// footer, then the reasons for unknown figures and the flagged prices.
func renderCostTable(w io.Writer, c *Cost) error {
	width := widthOf(w)
	// Sections are written as they are made (the services table of
	// 100,000 services is about 30 MB), through one buffer.
	out := bufio.NewWriterSize(w, 64<<10)
	footer := c.FooterLine() + "\n"
	for _, section := range []func(io.Writer, *Cost) error{costServiceTable, costClusterTable, costTotalTable, costLikeTable, costDeltaTable} {
		s := &footed{w: out}
		if err := section(FitTo(s, width), c); err != nil {
			return err
		}
		if !s.wrote {
			continue
		}
		// Every section ends with a blank line; the footer goes above it.
		if _, err := io.WriteString(out, footer+"\n"); err != nil {
			return err
		}
	}
	writeUnknown(out, c.Unknown, "")
	writeCaveats(out, c.Assumptions.Caveats, "")
	fmt.Fprintln(out, c.AssumptionsLine())
	return out.Flush()
}

// footed passes a section's text on but holds back its last newline, so
// that the footer can go above the blank line that ends the section
// without the section being held whole.
type footed struct {
	w       io.Writer
	wrote   bool // anything written
	newline bool // a newline held back
}

func (f *footed) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	f.wrote = true
	if f.newline {
		if _, err := io.WriteString(f.w, "\n"); err != nil {
			return 0, err
		}
		f.newline = false
	}
	body := p
	if p[len(p)-1] == '\n' {
		body, f.newline = p[:len(p)-1], true
	}
	if _, err := f.w.Write(body); err != nil {
		return 0, err
	}
	return len(p), nil
}

// notesWidth is where a service's notes wrap in terminal output.
const notesWidth = 140

func costServiceTable(w io.Writer, c *Cost) error {
	if c.ServiceCount() == 0 {
		return nil
	}
	fmt.Fprintln(w, "Services (USD per month; saving = EC2 now - Fargate on-demand, idle capacity not included)")
	header := []string{"CLUSTER", "SERVICE", "TASKS", "FARGATE SIZE", "EC2 NOW", "ON-DEMAND", "SPOT", "ARM", "SP 1Y", "SP 3Y", "SAVING", "SAVING/YR"}
	var notes []string
	// The notes are gathered on the pass that writes the lines (the
	// streamed table makes its rows twice).
	streamed := c.ServiceCount() > maxBoxedRows
	pass, notesPass := 0, 1
	if streamed {
		notesPass = 2
	}
	each := func(row func([]string)) {
		pass++
		for s := range c.Services() {
			row(costServiceCells(c, s))
			if pass != notesPass {
				continue
			}
			if n := serviceNotes(s); n != "" {
				notes = append(notes, c.place.subject(s.where.Account, s.where.Region, s.Cluster, s.Service, "")+": "+n)
			}
		}
	}
	var err error
	if streamed {
		// Plain columns, streamed: the rows are made twice (widths, then
		// lines) rather than held, so 100,000 services' cells never are
		// all in memory (issue 17).
		err = streamedPlainRows(w, header, each)
	} else {
		rows := make([][]string, 0, c.ServiceCount())
		each(func(r []string) { rows = append(rows, r) })
		// No cell is wrapped: a size or an amount broken over two lines is misread.
		err = rowsTable(w, header, rows)
	}
	if err != nil {
		return err
	}
	// Notes sit under the table, not in a column: beside twelve figures a
	// notes column would be a few characters wide and each row ten lines.
	for _, n := range notes {
		fmt.Fprintln(w, hangingIndent(wrap(n, notesWidth-2, "")))
	}
	_, err = fmt.Fprintln(w)
	return err
}

// costServiceCells are a service's cells in the services table.
func costServiceCells(c *Cost, s ServiceCostRow) []string {
	f := s.FargateMonthly
	return []string{c.place.name(s.where.Account, s.where.Region, dash(s.Cluster)), s.Service, strconv.Itoa(s.DesiredCount), sizeText(s.FargateSize), s.EC2Monthly.String(),
		f.OnDemand.String(), f.Spot.String(), f.ARM.String(), f.SavingsPlan1y.String(), f.SavingsPlan3y.String(),
		s.SavingsMonthly.OnDemand.String(), s.SavingsYearly.OnDemand.String()}
}

// streamedPlainRows writes what plainRows writes for the rows each makes
// (each is called twice and must make the same rows): aligned as
// text/tabwriter aligns them with padding 2 (every column but the last
// as wide as its widest cell, in runes, plus two spaces), line breaks in
// a cell written as spaces, and to a FitTo writer each line cut to its
// width with an ellipsis.
func streamedPlainRows(w io.Writer, header []string, each func(row func([]string))) error {
	widths := make([]int, len(header))
	measure := func(cells []string) {
		for i, cell := range cells[:len(cells)-1] {
			widths[i] = max(widths[i], utf8.RuneCountInString(strings.ReplaceAll(cell, "\n", " ")))
		}
	}
	measure(header)
	each(measure)
	width := widthOf(w)
	var line strings.Builder
	var err error
	write := func(cells []string) {
		line.Reset()
		for i, cell := range cells {
			cell = strings.ReplaceAll(cell, "\n", " ")
			line.WriteString(cell)
			if i < len(cells)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]+2-utf8.RuneCountInString(cell)))
			}
		}
		text := line.String()
		if width > 0 {
			text = ellipsis(text, width)
		}
		if err == nil {
			_, err = fmt.Fprintln(w, text)
		}
	}
	write(header)
	each(write)
	return err
}

// hangingIndent indents every line of a wrapped text but the first.
func hangingIndent(lines string) string { return strings.ReplaceAll(lines, "\n", "\n  ") }

// maxBoxedRows is the largest service table drawn with box borders; the
// table library needs about a second per 10,000 rows, so larger fleets get
// plain aligned columns (the same cells) instead.
const maxBoxedRows = 1000

func plainTable(w io.Writer, header []string, rows [][]string) error {
	if err := plainRows(w, header, rows); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

// plainRows writes aligned columns with no blank line after them; to a
// FitTo writer, each line cut to its width with an ellipsis.
func plainRows(w io.Writer, header []string, rows [][]string) error {
	width := widthOf(w)
	out := w
	var b strings.Builder
	if width > 0 {
		out = &b
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil || width == 0 {
		return err
	}
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if _, err := fmt.Fprintln(w, ellipsis(line, width)); err != nil {
			return err
		}
	}
	return nil
}

func costClusterTable(w io.Writer, c *Cost) error {
	if len(c.Clusters) == 0 {
		return nil
	}
	fmt.Fprintln(w, "Clusters (USD per month; saving = EC2 now - Fargate on-demand, idle capacity included)")
	t := newTable(w, "CLUSTER", "REGION", "HOSTS", "EC2 NOW", "IDLE", "UTIL", "ON-DEMAND", "SPOT", "ARM", "SP 1Y", "SP 3Y", "SAVING", "SAVING/YR", "BREAKEVEN")
	for _, cl := range c.Clusters {
		f := cl.FargateMonthly
		if err := t.Append(c.place.name(cl.where.Account, cl.where.Region, dash(cl.Cluster)), dash(cl.Region), strconv.Itoa(len(cl.Instances)), cl.EC2Monthly.String(), cl.IdleMonthly.String(),
			percentOf(cl.Utilization), f.OnDemand.String(), f.Spot.String(), f.ARM.String(), f.SavingsPlan1y.String(), f.SavingsPlan3y.String(),
			cl.SavingsMonthly.OnDemand.String(), cl.SavingsYearly.OnDemand.String(), breakevenText(cl)); err != nil {
			return err
		}
	}
	return renderTable(w, t)
}

func costTotalTable(w io.Writer, c *Cost) error {
	fmt.Fprintln(w, "Fleet total (USD): "+totalsScope(c))
	t := newTable(w, "PERIOD", "EC2 NOW", "IDLE", "ON-DEMAND", "SPOT", "ARM", "SP 1Y", "SP 3Y")
	tot := c.Totals
	rows := []struct {
		name string
		ec2  Amount
		idle Amount
		f    FargateAmounts
	}{
		{"EC2 under the option", Amount{}, Amount{}, tot.EC2ByOptionMonthly},
		{"monthly", tot.EC2Monthly, tot.IdleMonthly, tot.FargateMonthly},
		{"yearly", tot.EC2Yearly, tot.IdleYearly, tot.FargateYearly},
		{"saving per month", Amount{}, Amount{}, tot.SavingsMonthly},
		{"saving per year", Amount{}, Amount{}, tot.SavingsYearly},
	}
	for i, r := range rows {
		ec2, idle := r.ec2.String(), r.idle.String()
		if i == 0 || i >= 3 {
			ec2, idle = "", ""
		}
		if err := t.Append(r.name, ec2, idle, r.f.OnDemand.String(), r.f.Spot.String(), r.f.ARM.String(), r.f.SavingsPlan1y.String(), r.f.SavingsPlan3y.String()); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, line := range unknownPartLines(c.Totals) {
		fmt.Fprintln(w, line)
	}
	if stranded(c.Totals) {
		fmt.Fprintln(w, strandedLine(c.Totals))
	}
	if line := rightsizingLine(c.Totals); line != "" {
		fmt.Fprintln(w, line)
	}
	_, err := fmt.Fprintln(w)
	return err
}

func costDeltaTable(w io.Writer, c *Cost) error {
	if len(c.Totals.Deltas) == 0 {
		return nil
	}
	fmt.Fprintln(w, "Hidden deltas of the move (USD per month, not in the figures above)")
	t := newTable(w, "ITEM", "MONTHLY", "NOTE")
	for _, d := range c.Totals.Deltas {
		note := d.Note
		if d.Unknown != "" {
			note = d.Unknown
		}
		if err := t.Append(d.Title, d.Monthly.String(), note); err != nil {
			return err
		}
	}
	return renderTable(w, t)
}

func renderTable(w io.Writer, t interface{ Render() error }) error {
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

// maxUnknownLines keeps a fleet with thousands of unknown figures readable;
// the JSON always lists every reason.
const maxUnknownLines = 20

func writeUnknown(w io.Writer, reasons []string, prefix string) {
	for i, u := range reasons {
		if i == maxUnknownLines {
			fmt.Fprintf(w, "%sunknown: … and %d more reasons (see --format json, unknown)\n", prefix, len(reasons)-i)
			return
		}
		fmt.Fprintf(w, "%sunknown: %s\n", prefix, u)
	}
}

// writeCaveats lists the unverified or estimated figures behind the
// amounts marked "*", so a reader can defend or question each one.
func writeCaveats(w io.Writer, caveats []string, prefix string) {
	for i, c := range caveats {
		if i == maxUnknownLines {
			fmt.Fprintf(w, "%s* … and %d more (see --format json, assumptions.caveats)\n", prefix, len(caveats)-i)
			return
		}
		fmt.Fprintf(w, "%s* %s\n", prefix, c)
	}
}
