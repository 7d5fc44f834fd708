package reports

import (
	"fmt"
	"io"
	"strconv"
)

// renderCostMarkdown writes the report as GitHub-flavoured Markdown tables,
// for pull requests and wikis; it ends with the assumptions line.
func renderCostMarkdown(w io.Writer, c *Cost) error {
	b := newMDOut(w, false) // streamed as written (issue 17)
	footer := "_" + mdText(c.FooterLine()) + "_\n\n"
	b.WriteString("## Cost comparison (USD per month)\n\n")
	if c.ServiceCount() > 0 {
		b.WriteString("Saving = EC2 now − Fargate on-demand; a service's EC2 share leaves idle capacity out.\n\n")
		mdRow(b, "Cluster", "Service", "Tasks", "Fargate size", "EC2 now", "On-demand", "Spot", "ARM", "SP 1y", "SP 3y", "Saving", "Saving per year", "Notes")
		mdRow(b, "---", "---", "---:", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---")
		for s := range c.Services() {
			f := s.FargateMonthly
			mdRow(b, c.place.name(s.where.Account, s.where.Region, s.Cluster), s.Service, strconv.Itoa(s.DesiredCount), sizeText(s.FargateSize), s.EC2Monthly.String(),
				f.OnDemand.String(), f.Spot.String(), f.ARM.String(), f.SavingsPlan1y.String(), f.SavingsPlan3y.String(),
				s.SavingsMonthly.OnDemand.String(), s.SavingsYearly.OnDemand.String(), serviceNotes(s))
		}
		b.WriteString("\n" + footer)
	}
	if len(c.Clusters) > 0 {
		mdRow(b, "Cluster", "Region", "Instances", "EC2 now", "Idle", "Utilization", "On-demand", "Spot", "ARM", "SP 1y", "SP 3y",
			"Saving (on-demand)", "Saving per year", "Breakeven utilization")
		mdRow(b, "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---")
		for _, cl := range c.Clusters {
			f := cl.FargateMonthly
			mdRow(b, c.place.name(cl.where.Account, cl.where.Region, cl.Cluster), cl.Region, strconv.Itoa(len(cl.Instances)), cl.EC2Monthly.String(), cl.IdleMonthly.String(), percentOf(cl.Utilization),
				f.OnDemand.String(), f.Spot.String(), f.ARM.String(), f.SavingsPlan1y.String(), f.SavingsPlan3y.String(),
				cl.SavingsMonthly.OnDemand.String(), cl.SavingsYearly.OnDemand.String(), breakevenText(cl))
		}
		b.WriteString("\n" + footer)
	}
	t := c.Totals
	mdRow(b, "Fleet", "EC2 now", "Idle", "On-demand", "Spot", "ARM", "SP 1y", "SP 3y")
	mdRow(b, "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:")
	e := t.EC2ByOptionMonthly
	mdRow(b, "EC2 under the option", "", "", e.OnDemand.String(), e.Spot.String(), e.ARM.String(), e.SavingsPlan1y.String(), e.SavingsPlan3y.String())
	mdRow(b, "monthly", t.EC2Monthly.String(), t.IdleMonthly.String(), t.FargateMonthly.OnDemand.String(), t.FargateMonthly.Spot.String(),
		t.FargateMonthly.ARM.String(), t.FargateMonthly.SavingsPlan1y.String(), t.FargateMonthly.SavingsPlan3y.String())
	mdRow(b, "yearly", t.EC2Yearly.String(), t.IdleYearly.String(), t.FargateYearly.OnDemand.String(), t.FargateYearly.Spot.String(),
		t.FargateYearly.ARM.String(), t.FargateYearly.SavingsPlan1y.String(), t.FargateYearly.SavingsPlan3y.String())
	mdRow(b, "saving per month", "", "", t.SavingsMonthly.OnDemand.String(), t.SavingsMonthly.Spot.String(),
		t.SavingsMonthly.ARM.String(), t.SavingsMonthly.SavingsPlan1y.String(), t.SavingsMonthly.SavingsPlan3y.String())
	mdRow(b, "saving per year", "", "", t.SavingsYearly.OnDemand.String(), t.SavingsYearly.Spot.String(),
		t.SavingsYearly.ARM.String(), t.SavingsYearly.SavingsPlan1y.String(), t.SavingsYearly.SavingsPlan3y.String())
	b.WriteString("\n")
	b.WriteString("- " + mdText("Fleet total: "+totalsScope(c)) + "\n")
	for _, line := range unknownPartLines(t) {
		b.WriteString("- " + mdText(line) + "\n")
	}
	if stranded(t) {
		b.WriteString("- " + mdText(strandedLine(t)) + "\n")
	}
	b.WriteString("\n" + footer)
	if writeLikeMarkdown(b, t.LikeForLike, len(c.Clusters)) {
		b.WriteString(footer)
	}
	if mdDeltas(b, t.Deltas) {
		b.WriteString(footer)
	}
	for i, u := range c.Unknown {
		if i == maxUnknownLines {
			fmt.Fprintf(b, "- unknown: … and %d more reasons (see --format json, unknown)\n", len(c.Unknown)-i)
			break
		}
		fmt.Fprintf(b, "- unknown: %s\n", mdText(u))
	}
	for i, cv := range c.Assumptions.Caveats {
		if i == maxUnknownLines {
			fmt.Fprintf(b, "- \\* … and %d more (see --format json, assumptions.caveats)\n", len(c.Assumptions.Caveats)-i)
			break
		}
		fmt.Fprintf(b, "- \\* %s\n", mdText(cv))
	}
	if len(c.Unknown)+len(c.Assumptions.Caveats) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "_%s_\n", mdText(c.AssumptionsLine()))
	return b.close()
}

// mdRow writes one Markdown table row, every cell escaped with mdText.
func mdRow(b mdWriter, cells ...string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + mdText(c) + " |")
	}
	b.WriteString("\n")
}

// mdDeltas lists the hidden deltas, if any, and says whether it did.
func mdDeltas(b mdWriter, deltas []DeltaRow) bool {
	if len(deltas) == 0 {
		return false
	}
	b.WriteString(deltasTitle + ":\n\n")
	for _, d := range deltas {
		b.WriteString("- " + mdText(deltaText(d)) + "\n")
	}
	b.WriteString("\n")
	return true
}
