package reports

import (
	"encoding/csv"
	"io"
	"strconv"
)

// costOptions are the purchase options in the order of every cost CSV
// column group; their names make the column names.
var costOptions = []string{"ondemand", "spot", "arm", "sp1y", "sp3y"}

// costCSVHeader is the one header of the cost CSV; the level column says
// whether a row is a service, a cluster, the fleet total, a like-for-like
// comparison, a hidden delta, a reason a figure is unknown, a flagged
// price, or the assumptions (always the last row, text in the notes
// column). Money comes monthly, then yearly (12 × monthly), each as EC2,
// idle, the five options, and the five options' savings against EC2.
var costCSVHeader = func() []string {
	h := []string{"level", "cluster", "service", "account", "region", "tasks", "fargate_cpu", "fargate_memory_mib"}
	for _, period := range []string{"monthly", "yearly"} {
		h = append(h, "ec2_"+period, "idle_"+period)
		for _, o := range costOptions {
			h = append(h, o+"_"+period)
		}
		for _, o := range costOptions {
			h = append(h, "saving_"+o+"_"+period)
		}
	}
	h = append(h, "utilization", "breakeven_utilization", "notes")
	// Added within schemaVersion 1, after notes so no column moves: each
	// option's EC2 side (its own commitment) and cost after the move (a
	// service's saving is the one less the other), the stranded
	// commitment, and utilisation per resource.
	for _, o := range costOptions {
		h = append(h, "ec2_under_"+o+"_monthly")
	}
	for _, o := range costOptions {
		h = append(h, "after_"+o+"_monthly")
	}
	return append(h, "stranded_monthly", "cpu_utilization", "memory_utilization", "binding")
}()

// sides fills the EC2-side and after-the-move columns.
func (r csvRow) sides(ec2, after FargateAmounts) {
	e, a := ec2.list(), after.list()
	for i, o := range costOptions {
		r["ec2_under_"+o+"_monthly"], r["after_"+o+"_monthly"] = e[i].csv(), a[i].csv()
	}
}

// csvRow is one row of the cost CSV, filled by column name so that rows
// of different levels set only the columns they have.
type csvRow map[string]string

func (r csvRow) cells() []string {
	out := make([]string, len(costCSVHeader))
	for i, col := range costCSVHeader {
		out[i] = r[col]
	}
	return out
}

// money fills a period's EC2, idle, option and saving columns; an
// option row (like-for-like) passes only its own option.
func (r csvRow) money(period string, ec2, idle *Amount, options, savings FargateAmounts) {
	if ec2 != nil {
		r["ec2_"+period] = ec2.csv()
	}
	if idle != nil {
		r["idle_"+period] = idle.csv()
	}
	opts, savs := options.list(), savings.list()
	for i, o := range costOptions {
		r[o+"_"+period] = opts[i].csv()
		r["saving_"+o+"_"+period] = savs[i].csv()
	}
}

// renderCostCSV writes one row per service, cluster, total and delta, for
// spreadsheets. Money is in USD with two decimals; unknown is "unknown";
// a trailing "*" marks figures resting on unverified or estimated prices.
// Names and notes come from the inputs: csvText keeps a spreadsheet from
// running one as a formula.
func renderCostCSV(w io.Writer, c *Cost) error {
	cw := csv.NewWriter(w)                       // buffered: each row goes out as it is made
	emit := func(row []string) { cw.Write(row) } // an error sticks; cw.Error reports it
	emit(costCSVHeader)
	for s := range c.Services() {
		r := csvRow{"level": "service", "cluster": csvText(s.Cluster), "service": csvText(s.Service), "account": csvText(s.Account), "region": csvText(s.Region),
			"tasks": strconv.Itoa(s.DesiredCount), "notes": csvText(serviceNotes(s))}
		if s.FargateSize != nil {
			r["fargate_cpu"], r["fargate_memory_mib"] = strconv.Itoa(s.FargateSize.CPU), strconv.Itoa(s.FargateSize.Memory)
		}
		r.money("monthly", &s.EC2Monthly, nil, s.FargateMonthly, s.SavingsMonthly)
		r.money("yearly", &s.EC2Yearly, nil, s.FargateYearly, s.SavingsYearly)
		r.sides(s.EC2ByOptionMonthly, s.AfterMoveMonthly)
		emit(r.cells())
	}
	for _, cl := range c.Clusters {
		r := csvRow{"level": "cluster", "cluster": csvText(cl.Cluster), "account": csvText(cl.Account), "region": csvText(cl.Region), "notes": csvText(joinNotes(cl.Notes))}
		if cl.Utilization != nil {
			r["utilization"] = *cl.Utilization
		}
		if cl.BreakevenUtilization != nil {
			r["breakeven_utilization"] = *cl.BreakevenUtilization
		}
		r.money("monthly", &cl.EC2Monthly, &cl.IdleMonthly, cl.FargateMonthly, cl.SavingsMonthly)
		r.money("yearly", &cl.EC2Yearly, &cl.IdleYearly, cl.FargateYearly, cl.SavingsYearly)
		r.sides(cl.EC2ByOptionMonthly, cl.FargateMonthly)
		r["stranded_monthly"], r["binding"] = cl.StrandedMonthly.csv(), cl.Binding
		if cl.CPUUtilization != nil {
			r["cpu_utilization"], r["memory_utilization"] = *cl.CPUUtilization, *cl.MemoryUtilization
		}
		emit(r.cells())
	}
	t := c.Totals
	total := csvRow{"level": "total"}
	total.money("monthly", &t.EC2Monthly, &t.IdleMonthly, t.FargateMonthly, t.SavingsMonthly)
	total.money("yearly", &t.EC2Yearly, &t.IdleYearly, t.FargateYearly, t.SavingsYearly)
	total.sides(t.EC2ByOptionMonthly, t.FargateMonthly)
	total["stranded_monthly"] = t.StrandedMonthly.csv()
	total["notes"] = csvText(totalsScopeText(t, len(c.Clusters)))
	emit(total.cells())
	for _, line := range unknownPartLines(t) {
		emit(csvRow{"level": "unknown-part", "notes": csvText(line)}.cells())
	}
	if len(c.Clusters) > 0 {
		for _, row := range likeCSVRows(t.LikeForLike) {
			emit(row)
		}
	}
	for _, d := range t.Deltas {
		note := d.Title + ": " + d.Note
		if d.Unknown != "" {
			note = d.Title + ": " + d.Unknown
		}
		emit(csvRow{"level": "delta", "ondemand_monthly": d.Monthly.csv(), "notes": csvText(note)}.cells())
	}
	for _, u := range c.Unknown {
		emit(csvRow{"level": "unknown", "notes": csvText(u)}.cells())
	}
	for _, cv := range c.Assumptions.Caveats {
		emit(csvRow{"level": "caveat", "notes": csvText(cv)}.cells())
	}
	emit(csvRow{"level": "assumptions", "notes": c.AssumptionsLine()}.cells())
	cw.Flush()
	return cw.Error()
}

// likeCSVRows are the like-for-like rows, one per purchase option: EC2 now
// of the compared clusters in the ec2 columns, the cost after the move and
// the saving in that option's own columns only, and what is compared or
// left out in notes.
func likeCSVRows(l LikeForLikeRows) [][]string {
	var rows [][]string
	for i, o := range l.options() {
		opt := costOptions[i]
		r := csvRow{"level": "like-for-like", "notes": csvText(likeCSVNotes(o)),
			"ec2_monthly": o.row.EC2Monthly.csv(), opt + "_monthly": o.row.FargateMonthly.csv(), "saving_" + opt + "_monthly": o.row.SavingsMonthly.csv(),
			"ec2_yearly": o.row.EC2Yearly.csv(), opt + "_yearly": o.row.FargateYearly.csv(), "saving_" + opt + "_yearly": o.row.SavingsYearly.csv()}
		rows = append(rows, r.cells())
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
