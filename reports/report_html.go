package reports

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var reportHTMLSource string

// reportScript sorts a table by the clicked column and opens every
// <details> before printing. It is the page's only script; it fetches
// nothing, and the Content-Security-Policy allows no other.
const reportScript = `document.querySelectorAll("th").forEach(function(th){th.addEventListener("click",function(){` +
	`var b=th.closest("table").tBodies[0],i=th.cellIndex,up=th.dataset.dir!=="up";th.dataset.dir=up?"up":"down";` +
	`Array.from(b.rows).sort(function(x,y){var a=x.cells[i].textContent,c=y.cells[i].textContent,p=parseFloat(a),q=parseFloat(c);` +
	`var d=(!isNaN(p)&&!isNaN(q))?p-q:a.localeCompare(c);return up?d:-d}).forEach(function(r){b.appendChild(r)})})});` +
	`window.addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})});`

// reportCSP allows inline styles, this one script (by hash) and nothing
// from anywhere: the file works offline and cannot load what a crafted
// input might smuggle in.
var reportCSP = func() string {
	sum := sha256.Sum256([]byte(reportScript))
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

var reportHTMLTemplate = template.Must(template.Must(template.New("report").Funcs(template.FuncMap{
	"size":            sizeText,
	"plural":          plural,
	"orNone":          cmp.Or[string],
	"bar":             func(share *float64) string { return px(barPx(share)) },
	"share":           verdictShare,
	"join":            strings.Join,
	"raw":             func(b []byte) string { return cmp.Or(string(b), "–") },
	"plus":            func(a, b int) int { return a + b },
	"times":           func(a, b int) int { return a * b },
	"verdicts":        func() []string { return verdictOrder },
	"options":         costOptionRows,
	"deltaText":       deltaText,
	"bars":            chartBars,
	"barEnd":          func(share *float64) string { return px(150 + 4 + barPx(share)) },
	"ruleBar":         func(share float64) string { return px(barPx(&share)) },
	"ruleEnd":         func(share float64) string { return px(260 + 4 + barPx(&share)) },
	"clusters":        groupByCluster,
	"detailLimit":     func() int { return DetailLimit },
	"utilisationAria": utilisationAria,
	"names":           keepNamesWhole,
	"gapHeading":      gapHeading,
	"unusedIntro":     func() string { return unusedIntro },
}).Parse(reportHTMLSource)).Parse(utilisationHTMLSource))

// renderReportHTML writes one self-contained HTML file: inline CSS and
// SVG, no fonts, images or scripts from anywhere. html/template escapes
// every value for its context.
func renderReportHTML(w io.Writer, r *Report) error {
	return reportHTMLTemplate.Execute(w, struct {
		*Report
		CSP    string
		Script template.JS
	}{r, reportCSP, template.JS(reportScript)})
}

// barMax is the width in pixels of the longest bar in a chart.
const barMax = 420

// barPx is a bar's length in pixels for a share of the longest bar; an
// unknown amount has no bar (its label says "unknown").
func barPx(share *float64) float64 {
	if share == nil {
		return 0
	}
	return *share * barMax
}

func px(v float64) string { return fmt.Sprintf("%.1f", v) }

// verdictShare is n of total as a percentage for the verdict strip.
func verdictShare(n, total int) string {
	if total == 0 {
		return "0"
	}
	return fmt.Sprintf("%.2f", float64(n)*100/float64(total))
}

// chartBar is one bar of a cluster in the cost chart.
type chartBar struct {
	Class  string
	Share  *float64
	Amount string
}

func chartBars(c ReportCluster) []chartBar {
	a := chartAmounts(c)
	ch := c.Chart
	return []chartBar{{"b-ec2", ch.EC2, "EC2 " + a[0].String()}, {"b-od", ch.OnDemand, "on-demand " + a[1].String()},
		{"b-spot", ch.Spot, "Spot " + a[2].String()}, {"b-arm", ch.ARM, "ARM " + a[3].String()}, {"b-sp", ch.SavingsPlan1y, "SP 1y " + a[4].String()}}
}

// clusterGroup is one cluster's services, in report order.
type clusterGroup struct {
	Name     string
	Services []ServiceReport
}

// groupByCluster splits the services (sorted by cluster) into runs; each
// run is a subslice of services, not a copy.
func groupByCluster(services []ServiceReport) []clusterGroup {
	var out []clusterGroup
	start := 0
	for i := 1; i <= len(services); i++ {
		if i == len(services) || services[i].label != services[start].label {
			out = append(out, clusterGroup{Name: services[start].label, Services: services[start:i]})
			start = i
		}
	}
	return out
}

// nameLimit is the longest hyphenated name kept on one line; a longer one
// may break where it must rather than spill out of a phone's screen (44
// characters fit a 390-pixel screen).
const nameLimit = 44

// keepNamesWhole escapes prose for HTML and wraps each hyphenated name in
// it (eu-west-1, docker-socket, a service name) in a no-break span, so a
// browser never splits a name at its hyphens ("eu-/west-1"). A path of
// names (us-east-1/windows-apps/intranet-iis) may break after a slash.
func keepNamesWhole(s string) template.HTML {
	words := strings.Split(s, " ")
	for i, w := range words {
		parts := strings.Split(w, "/")
		for j, part := range parts {
			e := template.HTMLEscapeString(part)
			if strings.Contains(part, "-") && len([]rune(part)) <= nameLimit {
				e = `<span class="nb">` + e + `</span>`
			}
			parts[j] = e
		}
		words[i] = strings.Join(parts, "/<wbr>")
	}
	return template.HTML(strings.Join(words, " "))
}
