package reports

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// RenderRewriteSummary writes the short table the rewrite prints on
// stderr: one row per task definition and service.
func RenderRewriteSummary(w io.Writer, r *rewrite.Report) error {
	p := rewritePlacer(r)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SUBJECT\tSTATUS\tCHANGES\tLOSSY\tREMAINING\tSIZE")
	for _, t := range r.TaskDefinitions {
		size := "-"
		if t.Size.CPU > 0 && t.Document != nil {
			size = fmt.Sprintf("%d/%d", t.Size.CPU, t.Size.Memory)
		}
		fmt.Fprintf(tw, "task definition %s\t%s\t%d\t%d\t%s\t%s\n", p.name(t.Account, t.Region, t.Key), TaskStatus(t), len(t.Changes), lossy(t.Changes), remainingText(t.Remaining), size)
	}
	for _, s := range r.Services {
		fmt.Fprintf(tw, "service %s/%s\t%s\t%d\t%d\t%s\t-\n", p.name(s.Account, s.Region, s.Cluster), s.Service, ServiceStatus(s), len(s.Changes), lossy(s.Changes), remainingText(s.Remaining))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range r.Errors {
		if _, err := fmt.Fprintf(w, "not rewritten: %s\n", e); err != nil {
			return err
		}
	}
	return nil
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
