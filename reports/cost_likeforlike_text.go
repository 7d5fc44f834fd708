package reports

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// likeExplain says what the like-for-like block is; likeTitle heads it in
// every text format.
const (
	likeExplain = "each option compares only the clusters where the EC2 cost and that option's Fargate cost are both known"
	likeTitle   = "Like-for-like (USD): " + likeExplain
)

// likeGrid is the like-for-like block as rows of cells: a label, then one
// cell per purchase option. total is the number of clusters priced.
func likeGrid(l LikeForLikeRows, total int) [][]string {
	opts := l.options()
	line := func(label string, cell func(LikeForLikeRow) string) []string {
		r := []string{label}
		for _, o := range opts {
			r = append(r, cell(o.row))
		}
		return r
	}
	return [][]string{
		line("clusters compared", func(r LikeForLikeRow) string { return fmt.Sprintf("%d of %d", len(r.Clusters), total) }),
		line("services moving", func(r LikeForLikeRow) string { return strconv.Itoa(r.Services) }),
		line("services staying on EC2", func(r LikeForLikeRow) string { return strconv.Itoa(len(r.StaysOnEC2)) }),
		line("already on Fargate", func(r LikeForLikeRow) string { return strconv.Itoa(r.OnFargate) }),
		line("EC2 now, monthly", func(r LikeForLikeRow) string { return r.EC2Monthly.String() }),
		line("after the move, monthly", func(r LikeForLikeRow) string { return r.FargateMonthly.String() }),
		line("saving per month", func(r LikeForLikeRow) string { return r.SavingsMonthly.String() }),
		line("saving per year", func(r LikeForLikeRow) string { return r.SavingsYearly.String() }),
	}
}

// likeHeader is the grid's header row, each label passed through case
// (upper-cased for terminal tables, capitalised for Markdown).
func likeHeader(l LikeForLikeRows, caseOf func(string) string) []string {
	h := []string{""}
	for _, o := range l.options() {
		h = append(h, caseOf(o.label))
	}
	return h
}

func capitalised(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// likeNotes explains the grid: which clusters each option compares, which
// it leaves out and why, what stays on EC2, what is already on Fargate.
// Clusters left out of several options for the same reasons share a line.
func likeNotes(l LikeForLikeRows) []string {
	opts := l.options()
	notes := []string{"compared: " + comparedText(opts)}
	type key struct{ cluster, reasons string } // cluster as displayed
	options := map[key][]string{}
	services := map[key]int{}
	var keys []key
	for _, o := range opts {
		for _, lo := range o.row.LeftOut {
			k := key{o.row.place.name(lo.Account, lo.Region, lo.Cluster), reasonsText(lo.Reasons)}
			if _, ok := options[k]; !ok {
				keys = append(keys, k)
			}
			options[k] = append(options[k], o.label)
			services[k] = lo.Services
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].cluster < keys[j].cluster })
	for _, k := range keys {
		notes = append(notes, fmt.Sprintf("left out of %s: %s (%s): %s", optionsText(options[k], len(opts)), k.cluster, plural(services[k], "service"), k.reasons))
	}
	for _, o := range opts {
		if o.row.OnFargate > 0 {
			notes = append(notes, "already on Fargate: on neither side, their cost does not change")
			break
		}
	}
	seen := map[StayRow]bool{}
	for _, o := range opts {
		for _, s := range o.row.StaysOnEC2 {
			if !seen[s] {
				seen[s] = true
				notes = append(notes, fmt.Sprintf("stays on EC2, on both sides at its share plus its part of idle: %s/%s %s per month (%s)", o.row.place.name(s.Account, s.Region, s.Cluster), s.Service, s.EC2Monthly, s.Reason))
			}
		}
	}
	return notes
}

// cappedLikeNotes keeps a large fleet's block readable (thousands of
// services may stay on EC2); the JSON always has everything.
func cappedLikeNotes(l LikeForLikeRows) []string {
	notes := likeNotes(l)
	if len(notes) <= maxUnknownLines {
		return notes
	}
	return append(notes[:maxUnknownLines:maxUnknownLines], fmt.Sprintf("… and %d more (see the JSON, likeForLike)", len(notes)-maxUnknownLines))
}

// comparedText names the compared clusters, per option where they differ.
func comparedText(opts []likeOption) string {
	var groups []string
	var labels []string
	last := ""
	flush := func() {
		if len(labels) > 0 {
			groups = append(groups, optionsText(labels, len(opts))+": "+last)
		}
	}
	for _, o := range opts {
		names := strings.Join(o.row.Clusters, ", ")
		if names == "" {
			names = "none"
		}
		if names != last {
			flush()
			labels, last = nil, names
		}
		labels = append(labels, o.label)
	}
	flush()
	if len(groups) == 1 {
		return strings.TrimPrefix(groups[0], "every option: ")
	}
	return strings.Join(groups, "; ")
}

func optionsText(labels []string, all int) string {
	if len(labels) == all {
		return "every option"
	}
	return strings.Join(labels, ", ")
}

// maxLikeReasons keeps a line readable; the JSON has every reason.
const maxLikeReasons = 3

func reasonsText(reasons []string) string {
	if len(reasons) <= maxLikeReasons {
		return strings.Join(reasons, "; ")
	}
	return strings.Join(reasons[:maxLikeReasons], "; ") + fmt.Sprintf("; … and %d more (see --format json)", len(reasons)-maxLikeReasons)
}

// likeSameAsTotal is the one line the text formats print instead of the
// block when it would repeat the fleet total.
const likeSameAsTotal = "Like-for-like: every cluster is compared under every option, none stays on EC2 and none is already on Fargate: the same as the fleet total."

// likeIsTotal reports whether the comparison is the fleet total: every
// cluster compared under every option, nothing staying, nothing excluded.
func likeIsTotal(l LikeForLikeRows, clusters int) bool {
	for _, o := range l.options() {
		if len(o.row.Clusters) != clusters || len(o.row.StaysOnEC2) > 0 || o.row.OnFargate > 0 {
			return false
		}
	}
	return true
}

// costLikeTable writes the like-for-like block under the fleet total.
func costLikeTable(w io.Writer, c *Cost) error {
	return writeLikeText(w, c.Totals.LikeForLike, len(c.Clusters), boxedTable)
}

// writeLikeText writes the like-for-like block for a terminal: the title,
// the grid through table, then the notes; or the one line saying it is the
// fleet total. clusters is the number of clusters priced.
func writeLikeText(w io.Writer, l LikeForLikeRows, clusters int, table func(io.Writer, []string, [][]string) error) error {
	switch {
	case clusters == 0:
		return nil
	case likeIsTotal(l, clusters):
		_, err := fmt.Fprintf(w, "%s\n\n", likeSameAsTotal)
		return err
	}
	fmt.Fprintln(w, likeTitle)
	if err := table(w, likeHeader(l, strings.ToUpper), likeGrid(l, clusters)); err != nil {
		return err
	}
	for _, n := range cappedLikeNotes(l) {
		fmt.Fprintln(w, termText(n))
	}
	_, err := fmt.Fprintln(w)
	return err
}

// boxedTable draws rows with the house table style, without the blank
// line renderTable adds (notes follow).
func boxedTable(w io.Writer, header []string, rows [][]string) error {
	t := newTable(w, header...)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}

// writeLikeMarkdown writes the like-for-like block as a Markdown table and
// a list of its notes, each escaped with mdText (they name clusters and
// services from the input). It reports whether it wrote anything (not
// when no cluster is priced).
func writeLikeMarkdown(b mdWriter, l LikeForLikeRows, clusters int) (wrote bool) {
	switch {
	case clusters == 0:
		return false
	case likeIsTotal(l, clusters):
		fmt.Fprintf(b, "%s\n\n", likeSameAsTotal)
		return true
	}
	fmt.Fprintf(b, "**%s**\n\n", mdText(likeTitle))
	h := likeHeader(l, capitalised)
	mdRow(b, h...)
	mdRow(b, "---", "---:", "---:", "---:", "---:", "---:")
	for _, r := range likeGrid(l, clusters) {
		mdRow(b, r...)
	}
	b.WriteString("\n")
	for _, n := range cappedLikeNotes(l) {
		fmt.Fprintf(b, "- %s\n", mdText(n))
	}
	b.WriteString("\n")
	return true
}

// likeCSVNotes describes one option's comparison in the CSV notes column.
func likeCSVNotes(o likeOption) string {
	r := o.row
	clusters := strings.Join(r.Clusters, ", ")
	if clusters == "" {
		clusters = "no cluster"
	}
	parts := []string{fmt.Sprintf("%s: compares %s (%d moving, %d staying on EC2, %d already on Fargate)", o.label, clusters, r.Services, len(r.StaysOnEC2), r.OnFargate)}
	for _, s := range r.StaysOnEC2 {
		parts = append(parts, fmt.Sprintf("stays on EC2 (%s): %s/%s %s", s.Reason, r.place.name(s.Account, s.Region, s.Cluster), s.Service, s.EC2Monthly))
	}
	for _, lo := range r.LeftOut {
		parts = append(parts, fmt.Sprintf("left out: %s (%s): %s", r.place.name(lo.Account, lo.Region, lo.Cluster), plural(lo.Services, "service"), reasonsText(lo.Reasons)))
	}
	return strings.Join(parts, "; ")
}
