package reports

import (
	"cmp"
	"strconv"
	"strings"
)

// The HTML report's table rows, written by hand: the bytes the templates
// "serviceRow" and "unusedRow" write, without html/template's reflection
// and escaper chain, which made the HTML rows the most costly of the
// formats of report --out at 10,000 services (issue 17). Every value is
// escaped as html/template escapes it in text and in a quoted attribute
// (htmlEscape); TestHTMLRowsAreTheTemplates holds the two together.

// appendServiceRowHTML appends what the template "serviceRow" writes for
// s: its cells, and in a report too large for details the number of
// changes and the plan.
func appendServiceRowHTML(b []byte, s *ServiceReport, detailed bool) []byte {
	b = append(b, `<tr><td class="nm">`...)
	b = htmlEscape(b, s.Service)
	b = append(b, `</td>`...)
	b = appendVerdictCells(b, s.Verdict, s.OnFargate, s.Blockers)
	b = append(b, `<td class="nm">`...)
	b = htmlEscape(b, sizeText(s.FargateSize))
	b = append(b, `</td><td>`...)
	b = strconv.AppendInt(b, int64(s.Tasks), 10)
	for _, a := range [...]Amount{s.EC2Monthly, s.FargateMonthly.OnDemand, s.FargateMonthly.Spot, s.FargateMonthly.ARM,
		s.FargateMonthly.SavingsPlan1y, s.SavingsMonthly.OnDemand} {
		b = append(b, `</td><td>`...)
		b = htmlEscape(b, a.String())
	}
	b = append(b, `</td><td>`...)
	if detailed {
		b = strconv.AppendInt(b, int64(len(s.Changes)), 10)
	} else {
		b = htmlEscape(b, plural(len(s.Changes), "change"))
		b = append(b, "; "...)
		b = htmlEscape(b, s.Plan)
	}
	return append(b, `</td></tr>`...)
}

// appendUnusedRowHTML appends what the template "unusedRow" writes for u.
func appendUnusedRowHTML(b []byte, u *UnusedTaskDefinition) []byte {
	b = append(b, `<tr><td class="nm"><code>`...)
	b = htmlEscape(b, u.Label())
	b = append(b, `</code></td>`...)
	b = appendVerdictCells(b, u.Verdict, false, u.Blockers)
	b = append(b, `<td class="nm">`...)
	b = htmlEscape(b, sizeText(u.FargateSize))
	b = append(b, `</td><td>`...)
	b = htmlEscape(b, cmp.Or(u.ChangeSummary, "–"))
	b = append(b, `</td><td>`...)
	b = htmlEscape(b, cmp.Or(u.Fallback, "–"))
	return append(b, `</td></tr>`...)
}

// appendVerdictCells appends the verdict's cell (its class named after
// it) and the blockers' cell, as both rows write them.
func appendVerdictCells(b []byte, verdict string, onFargate bool, blockers []string) []byte {
	b = append(b, `<td class="v-`...)
	b = htmlEscape(b, verdict)
	b = append(b, ` nm">`...)
	b = htmlEscape(b, verdict)
	if onFargate {
		b = append(b, ` (on Fargate)`...)
	}
	b = append(b, `</td><td>`...)
	for _, id := range blockers {
		b = append(b, `<code>`...)
		b = htmlEscape(b, id)
		b = append(b, `</code> `...)
	}
	if len(blockers) == 0 {
		b = append(b, "–"...)
	}
	return append(b, `</td>`...)
}

// htmlSpecial are the bytes html/template replaces in a plain string, in
// text and in a quoted attribute alike (its htmlReplacementTable).
const htmlSpecial = "\x00\"&'+<>"

// htmlEscape appends v as html/template writes a plain string in text or
// in a quoted attribute's value: NUL as U+FFFD, the other special bytes
// as their entities, everything else (invalid UTF-8 too) as it is.
func htmlEscape(b []byte, v string) []byte {
	for {
		i := strings.IndexAny(v, htmlSpecial)
		if i < 0 {
			return append(b, v...)
		}
		b = append(b, v[:i]...)
		switch v[i] {
		case 0:
			b = append(b, "\uFFFD"...)
		case '"':
			b = append(b, "&#34;"...)
		case '&':
			b = append(b, "&amp;"...)
		case '\'':
			b = append(b, "&#39;"...)
		case '+':
			b = append(b, "&#43;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		}
		v = v[i+1:]
	}
}
