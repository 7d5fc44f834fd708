package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// renderReportTable writes the report for a terminal: summary, clusters,
// blocking rules, one line per service with its first next step, then the
// data gaps and assumptions. Change lists are in the other formats.
func renderReportTable(w io.Writer, r *Report) error {
	if err := tableHead(w, r); err != nil {
		return err
	}
	services := func(row func([]string)) {
		for i := range r.Services {
			row(serviceTableCells(&r.Services[i]))
		}
	}
	unused := func(row func([]string)) {
		for i := range r.UnusedTaskDefinitions {
			row(unusedTableCells(&r.UnusedTaskDefinitions[i]))
		}
	}
	return tableRest(w, r, services, unused)
}

// tableHead writes what comes above the services: title, headline,
// summary, clusters and blocking rules.
func tableHead(w io.Writer, r *Report) error {
	fmt.Fprintln(w, termText(reportTitle(r)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, termText(r.Summary.Headline))
	fmt.Fprintln(w)
	for _, section := range []func(io.Writer, *Report) error{tableSummary, tableClusters, tableRules} {
		if err := section(w, r); err != nil {
			return err
		}
	}
	return nil
}

// tableRest writes the services and the task definitions no service runs,
// their columns as wide as their widest cells (each is called twice and
// makes the same rows each time: see streamedPlainRows), then the data
// gaps and assumptions.
func tableRest(w io.Writer, r *Report, services, unused func(row func([]string))) error {
	if r.HasServices() {
		fmt.Fprintln(w, "Services (USD per month)")
		if err := streamedPlainTable(w, []string{"CLUSTER", "SERVICE", "VERDICT", "BLOCKERS", "FARGATE SIZE", "EC2 NOW", "ON-DEMAND", "SAVING", "CHANGES", "NEXT STEP"}, services); err != nil {
			return err
		}
	}
	if r.HasUnused() {
		fmt.Fprintln(w, unusedTitle+" (cost unknown: no schedule or run count in the inputs)")
		if err := streamedPlainTable(w, []string{"TASK DEFINITION", "VERDICT", "BLOCKERS", "FARGATE SIZE", "CHANGES", "WHERE IT CAN RUN INSTEAD"}, unused); err != nil {
			return err
		}
	}
	tableGaps(w, r)
	_, err := fmt.Fprintln(w, termText(r.AssumptionsText))
	return err
}

// streamedPlainTable is plainTable of the rows each makes, never held.
func streamedPlainTable(w io.Writer, header []string, each func(row func([]string))) error {
	if err := streamedPlainRows(w, header, each); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

func tableSummary(w io.Writer, r *Report) error {
	s := r.Summary
	fmt.Fprintf(w, "Services: %d (ready %d, fixable %d, blocked %d, unknown %d; %d can move now, %d already on Fargate)\n",
		s.Services, s.ByVerdict["ready"], s.ByVerdict["fixable"], s.ByVerdict["blocked"], s.ByVerdict["unknown"], s.Movable, s.OnFargate)
	if s.UnusedTaskDefinitions > 0 {
		v := s.UnusedByVerdict
		fmt.Fprintf(w, "Task definitions no service runs: %d (ready %d, fixable %d, blocked %d, unknown %d)\n",
			s.UnusedTaskDefinitions, v["ready"], v["fixable"], v["blocked"], v["unknown"])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Cost (USD): "+s.Scope)
	if err := plainTable(w, []string{"OPTION", "PER MONTH", "PER YEAR", "SAVING/MONTH", "SAVING/YEAR"}, costOptionRows(s)); err != nil {
		return err
	}
	if len(s.UnknownParts) > 0 {
		for _, line := range s.UnknownParts {
			fmt.Fprintln(w, termText(line))
		}
		fmt.Fprintln(w)
	}
	if len(s.Deltas) > 0 {
		fmt.Fprintln(w, deltasTitle+":")
		for _, d := range s.Deltas {
			fmt.Fprintln(w, "  "+termText(deltaText(d)))
		}
		fmt.Fprintln(w)
	}
	return writeLikeText(w, s.LikeForLike, r.pricedClusters(), plainRows)
}

// costOptionRows are the summary's cost lines: EC2 now, idle, then each
// Fargate option with its saving against EC2.
func costOptionRows(s ReportSummary) [][]string {
	rows := [][]string{
		{"EC2 now", s.EC2Monthly.String(), s.EC2Yearly.String(), "", ""},
		{"  of which idle capacity", s.IdleMonthly.String(), s.IdleYearly.String(), "", ""},
	}
	m, y, sm, sy := s.FargateMonthly, s.FargateYearly, s.SavingsMonthly, s.SavingsYearly
	for _, o := range []struct {
		name                      string
		month, year, saveM, saveY Amount
	}{
		{"After the move, on-demand", m.OnDemand, y.OnDemand, sm.OnDemand, sy.OnDemand},
		{"After the move, Spot", m.Spot, y.Spot, sm.Spot, sy.Spot},
		{"After the move, ARM (Graviton)", m.ARM, y.ARM, sm.ARM, sy.ARM},
		{"After the move, Savings Plan 1y", m.SavingsPlan1y, y.SavingsPlan1y, sm.SavingsPlan1y, sy.SavingsPlan1y},
		{"After the move, Savings Plan 3y", m.SavingsPlan3y, y.SavingsPlan3y, sm.SavingsPlan3y, sy.SavingsPlan3y},
	} {
		rows = append(rows, []string{o.name, o.month.String(), o.year.String(), o.saveM.String(), o.saveY.String()})
	}
	if !s.StrandedMonthly.Value.IsZero() {
		rows = append(rows, []string{"Stranded commitment (until its term ends)", s.StrandedMonthly.String(), s.StrandedMonthly.times(12).String(), "", ""})
	}
	return rows
}

func tableClusters(w io.Writer, r *Report) error {
	rows := make([][]string, 0, len(r.Clusters))
	for _, c := range r.Clusters {
		f := c.FargateMonthly
		rows = append(rows, []string{termText(dash(c.Label())), strconv.Itoa(c.Services), strconv.Itoa(c.ByVerdict["ready"]), strconv.Itoa(c.ByVerdict["fixable"]),
			strconv.Itoa(c.ByVerdict["blocked"]), strconv.Itoa(c.ByVerdict["unknown"]), c.EC2Monthly.String(), c.IdleMonthly.String(),
			f.OnDemand.String(), f.Spot.String(), f.ARM.String(), f.SavingsPlan1y.String(), c.SavingsMonthly.OnDemand.String()})
	}
	return titledPlainTable(w, "Clusters (USD per month)", []string{"CLUSTER", "SERVICES", "READY", "FIXABLE", "BLOCKED", "UNKNOWN", "EC2 NOW", "IDLE", "ON-DEMAND", "SPOT", "ARM", "SP 1Y", "SAVING (ON-DEMAND)"}, rows)
}

func tableRules(w io.Writer, r *Report) error {
	rows := make([][]string, 0, len(r.BlockedByRule))
	for _, rc := range r.BlockedByRule {
		rows = append(rows, []string{rc.RuleID, strconv.Itoa(rc.Services), dash(rc.Fallback)})
	}
	return titledPlainTable(w, "Services blocked per rule", []string{"RULE", "SERVICES", "WHERE THEY CAN RUN INSTEAD"}, rows)
}

// serviceTableCells are a service's cells in the services table.
func serviceTableCells(s *ServiceReport) []string {
	step := ""
	if len(s.NextSteps) > 0 {
		step = s.NextSteps[0]
	}
	return []string{termText(dash(s.Label())), termText(s.Service), s.Verdict, dash(strings.Join(s.Blockers, ",")), sizeText(s.FargateSize),
		s.EC2Monthly.String(), s.FargateMonthly.OnDemand.String(), s.SavingsMonthly.OnDemand.String(), strconv.Itoa(len(s.Changes)), termText(step)}
}

// titledPlainTable writes a title line and plain columns under it; nothing
// at all when there are no rows (titledTable is its boxed kin).
func titledPlainTable(w io.Writer, title string, header []string, rows [][]string) error {
	if len(rows) == 0 {
		return nil
	}
	fmt.Fprintln(w, title)
	return plainTable(w, header, rows)
}

func tableGaps(w io.Writer, r *Report) {
	g := r.DataGaps
	for _, grp := range g.ToAdd {
		fmt.Fprintf(w, "not checked (%s): %s\n", plural(grp.Checks, "check"), termText(gapHeading(grp)))
		for _, line := range gapLines(grp) {
			fmt.Fprintln(w, "  "+termText(line))
		}
	}
	for _, d := range g.Diagnostics {
		fmt.Fprintf(w, "input problem: %s\n", termText(d))
	}
	for _, n := range g.NotRead {
		fmt.Fprintf(w, "not read: %s\n", termText(n))
	}
	if r.RewriteNote != "" {
		fmt.Fprintf(w, "rewrite preview: %s\n", termText(r.RewriteNote))
	}
	writeUnknown(w, g.Unknown, "")
	writeCaveats(w, g.Caveats, "")
}

// reportTitle names the tool, version and, when asked, the time.
func reportTitle(r *Report) string {
	t := "ecs2fargate migration report (" + toolName(r.Tool) + ", " + plural(len(r.Inputs), "input") + ")"
	if r.GeneratedAt != "" {
		t += ", generated " + r.GeneratedAt
	}
	return t
}

// termText keeps input values from driving the terminal: control
// characters (escape sequences, carriage returns) become spaces.
func termText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}
