package reports

import (
	"bufio"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// RenderRewriteSummary writes the short table the rewrite prints on
// stderr: one row per task definition and service.
func RenderRewriteSummary(w io.Writer, r *rewrite.Report) error {
	n := RewriteNamesOf(r)
	rows := make([]string, 0, len(r.TaskDefinitions)+len(r.Services))
	for i := range r.TaskDefinitions {
		rows = append(rows, n.TaskDefinitionSummaryRow(&r.TaskDefinitions[i]))
	}
	for i := range r.Services {
		rows = append(rows, n.ServiceSummaryRow(&r.Services[i]))
	}
	return RenderRewriteSummaryRows(w, rows, r.Errors)
}

// RenderRewriteSummaryRows writes the summary table of rows made by
// TaskDefinitionSummaryRow and ServiceSummaryRow, then the inputs not
// rewritten. The columns are as wide as their widest cell, so the rows
// (one short line per subject) are kept until the end; the results they
// come from need not be.
//
// The table is written through a buffer: text/tabwriter hands its writer
// each cell and each run of padding separately, and to an unbuffered
// standard error that was a write system call each, 285,000 of them (a
// third of the run's system time) for 10,000 services (issue 17).
func RenderRewriteSummaryRows(dst io.Writer, rows, errors []string) error {
	w := bufio.NewWriterSize(dst, 64<<10)
	if err := renderRewriteSummaryRows(w, rows, errors); err != nil {
		return err
	}
	return w.Flush()
}

func renderRewriteSummaryRows(w io.Writer, rows, errors []string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SUBJECT\tSTATUS\tCHANGES\tLOSSY\tREMAINING\tSIZE")
	for _, row := range rows {
		io.WriteString(tw, row) //nolint:errcheck // Flush reports the first error
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range errors {
		if _, err := fmt.Fprintf(w, "not rewritten: %s\n", e); err != nil {
			return err
		}
	}
	return nil
}

// TaskDefinitionSummaryRow is t's row of the summary table.
func (n RewriteNames) TaskDefinitionSummaryRow(t *rewrite.Result) string {
	size := "-"
	if t.Size.CPU > 0 && t.Document != nil {
		size = fmt.Sprintf("%d/%d", t.Size.CPU, t.Size.Memory)
	}
	return fmt.Sprintf("task definition %s\t%s\t%d\t%d\t%s\t%s\n", n.p.name(t.Account, t.Region, t.Key), TaskStatus(*t), len(t.Changes), lossy(t.Changes), remainingText(t.Remaining), size)
}

// ServiceSummaryRow is s's row of the summary table.
func (n RewriteNames) ServiceSummaryRow(s *rewrite.ServiceResult) string {
	return fmt.Sprintf("service %s/%s\t%s\t%d\t%d\t%s\t-\n", n.p.name(s.Account, s.Region, s.Cluster), s.Service, ServiceStatus(*s), len(s.Changes), lossy(s.Changes), remainingText(s.Remaining))
}

func lossy(cs []rewrite.Change) int {
	n := 0
	for _, c := range cs {
		if c.Lossy {
			n++
		}
	}
	return n
}

// remainingText counts what is left by severity: "1 blocker, 2 warning".
func remainingText(rs []rewrite.Remaining) string {
	counts := map[string]int{}
	for _, r := range rs {
		counts[r.Severity]++
	}
	out := ""
	for _, sev := range []string{"blocker", "fixable", "warning"} {
		if counts[sev] > 0 {
			if out != "" {
				out += ", "
			}
			out += fmt.Sprintf("%d %s", counts[sev], sev)
		}
	}
	if out == "" {
		return "-"
	}
	return out
}
