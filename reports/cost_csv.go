package reports

import (
	"encoding/csv"
	"io"
	"strconv"
)

// costCSVHeader is the one header of the cost CSV; the level column says
// whether a row is a service, a cluster, the fleet total, a like-for-like
// comparison, a hidden delta or the assumptions (always the last row, text
// in the notes column).
var costCSVHeader = []string{"level", "cluster", "service", "region", "tasks", "fargate_cpu", "fargate_memory_mib",
	"ec2_monthly", "idle_monthly", "ondemand_monthly", "spot_monthly", "arm_monthly", "sp1y_monthly", "sp3y_monthly",
	"utilization", "breakeven_utilization", "notes"}

// renderCostCSV writes one row per service, cluster, total and delta, for
// spreadsheets. Money is in USD with two decimals; unknown is "unknown";
// a trailing "*" marks figures resting on unverified or estimated prices.
func renderCostCSV(w io.Writer, c *Cost) error {
	cw := csv.NewWriter(w)
	rows := [][]string{costCSVHeader}
	for _, s := range c.Services {
		cpu, mem := "", ""
		if s.FargateSize != nil {
			cpu, mem = strconv.Itoa(s.FargateSize.CPU), strconv.Itoa(s.FargateSize.Memory)
		}
		rows = append(rows, costCSVRow("service", s.Cluster, s.Service, s.Region, strconv.Itoa(s.DesiredCount), cpu, mem,
			s.EC2Monthly.String(), "", s.FargateMonthly, "", "", serviceNotes(s)))
	}
	for _, cl := range c.Clusters {
		util, be := "", ""
		if cl.Utilization != nil {
			util = *cl.Utilization
		}
		if cl.BreakevenUtilization != nil {
			be = *cl.BreakevenUtilization
		}
		rows = append(rows, costCSVRow("cluster", cl.Cluster, "", cl.Region, "", "", "",
			cl.EC2Monthly.String(), cl.IdleMonthly.String(), cl.FargateMonthly, util, be, joinNotes(cl.Notes)))
	}
	t := c.Totals
	rows = append(rows, costCSVRow("total", "", "", "", "", "", "", t.EC2Monthly.String(), t.IdleMonthly.String(), t.FargateMonthly, "", "", ""))
	if len(c.Clusters) > 0 {
		rows = append(rows, likeCSVRows(t.LikeForLike)...)
	}
	for _, d := range t.Deltas {
		note := d.Title + ": " + d.Note
		if d.Unknown != "" {
			note = d.Title + ": " + d.Unknown
		}
		row := make([]string, len(costCSVHeader))
		row[0], row[9], row[16] = "delta", d.Monthly.String(), note
		rows = append(rows, row)
	}
	last := make([]string, len(costCSVHeader))
	last[0], last[16] = "assumptions", c.AssumptionsLine()
	rows = append(rows, last)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func costCSVRow(level, cluster, service, region, tasks, cpu, mem, ec2, idle string, f FargateAmounts, util, breakeven, notes string) []string {
	// Names and notes come from the inputs: csvText keeps a spreadsheet
	// from running one as a formula.
	return []string{level, csvText(cluster), csvText(service), csvText(region), tasks, cpu, mem, ec2, idle,
		f.OnDemand.String(), f.Spot.String(), f.ARM.String(), f.SavingsPlan1y.String(), f.SavingsPlan3y.String(), util, breakeven, csvText(notes)}
}

// likeCSVRows are the like-for-like rows, one per purchase option: EC2 now
// of the compared clusters in ec2_monthly, the cost after the move in that
// option's own column only, and what is compared or left out in notes.
func likeCSVRows(l LikeForLikeRows) [][]string {
	var rows [][]string
	for i, o := range l.options() {
		row := make([]string, len(costCSVHeader))
		row[0], row[7], row[9+i], row[16] = "like-for-like", o.row.EC2Monthly.String(), o.row.FargateMonthly.String(), likeCSVNotes(o)
		rows = append(rows, row)
	}
	return rows
}

func joinNotes(n []string) string {
	out := ""
	for i, s := range n {
		if i > 0 {
			out += "; "
		}
		out += s
	}
	return out
}
