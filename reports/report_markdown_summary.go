package reports

import (
	"fmt"
	"io"
	"strings"
)

// renderReportMarkdownSummary writes what fits one pull-request comment:
// the summary and cost, the largest clusters, what blocks by rule, what
// the rewrite changes by rule, the first data gaps and the assumptions,
// with a link to the details (renderReportMarkdown) when they are written
// to a file. Every section is bounded: see MaxComment.
func renderReportMarkdownSummary(w io.Writer, r *Report) error {
	var b strings.Builder
	mdReportHead(&b, r)
	mdReportSummary(&b, firstUnknownParts(r), "in the details")
	mdReportClusters(&b, firstClusters(r))
	if n := len(r.Clusters) - mdMaxClusters; n > 0 {
		fmt.Fprintf(&b, "And %s more, in the details.\n\n", plural(n, "cluster"))
	}
	mdBlockersByRule(&b, r.Audit)
	mdChangesByRule(&b, r.Audit)
	mdReportGaps(&b, firstGaps(r))
	fmt.Fprintf(&b, "## Assumptions\n\nPrices as of %s. _%s_\n\n", mdText(r.Assumptions.PriceDate), mdText(r.AssumptionsText))
	mdNext(&b, r.Audit.Screen.inputsArg(), r.Audit.Summary, false)
	return writeComment(w, b.String(), detailsLine(r.Audit.DetailsFile, "report --out DIR "+r.Audit.Screen.inputsArg()))
}

// RenderReportMarkdownDetails writes the whole report in Markdown: every
// cluster and service with its changes (the file the summary links to).
func RenderReportMarkdownDetails(w io.Writer, r *Report) error { return renderReportMarkdown(w, r) }

// firstClusters is the report with only its first mdMaxClusters clusters.
func firstClusters(r *Report) *Report {
	c := *r
	c.Clusters = r.Clusters[:min(len(r.Clusters), mdMaxClusters)]
	return &c
}

// firstUnknownParts is the report with the first mdMaxGaps lines of what
// the totals leave out (one per cluster and option: they grow with the
// fleet), and a line saying how many more the details hold.
func firstUnknownParts(r *Report) *Report {
	c := *r
	parts := r.Summary.UnknownParts
	if len(parts) > mdMaxGaps {
		c.Summary.UnknownParts = append(append([]string(nil), parts[:mdMaxGaps]...),
			fmt.Sprintf("and %d more parts not in the totals, in the details", len(parts)-mdMaxGaps))
	}
	return &c
}

// firstGaps is the report with at most mdMaxGaps lines of each kind of
// data gap, and a line saying how many more the details hold.
func firstGaps(r *Report) *Report {
	c := *r
	g := r.DataGaps
	more := 0
	cut := func(n int) int {
		if n > mdMaxGaps {
			more += n - mdMaxGaps
			return mdMaxGaps
		}
		return n
	}
	g.NotChecked = g.NotChecked[:cut(len(g.NotChecked))]
	// Each group of what to add lists a command or a subject per
	// repository, target group or service: bounded like the rest.
	toAdd := make([]GapGroup, len(g.ToAdd))
	for i, grp := range g.ToAdd {
		grp.Commands = grp.Commands[:cut(len(grp.Commands))]
		grp.Subjects = grp.Subjects[:cut(len(grp.Subjects))]
		toAdd[i] = grp
	}
	g.ToAdd = toAdd[:cut(len(toAdd))]
	g.Unknown = g.Unknown[:cut(len(g.Unknown))]
	g.Caveats = g.Caveats[:cut(len(g.Caveats))]
	g.Diagnostics = g.Diagnostics[:cut(len(g.Diagnostics))]
	g.NotRead = g.NotRead[:cut(len(g.NotRead))]
	if more > 0 {
		g.NotRead = append(append([]string(nil), g.NotRead...), fmt.Sprintf("and %d more data gaps, in the details", more))
	}
	c.DataGaps = g
	return &c
}
