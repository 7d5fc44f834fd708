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
	page := htmlPage(r)
	if err := reportHTMLTemplate.ExecuteTemplate(w, "head", page); err != nil {
		return err
	}
	rows := newHTMLRows(w, r.Detailed(), heldRuns(r.Services))
	for i := range r.Services {
		rows.service(&r.Services[i])
	}
	rows.endServices(page)
	for i := range r.UnusedTaskDefinitions {
		rows.unused(&r.UnusedTaskDefinitions[i])
	}
	return rows.end(page)
}

// htmlPageData is what the head and tail of the page are made from.
type htmlPageData struct {
	*Report
	CSP    string
	Script template.JS
}

func htmlPage(r *Report) htmlPageData {
	return htmlPageData{r, reportCSP, template.JS(reportScript)}
}

// HasServices reports whether the report lists any service.
func (r *Report) HasServices() bool { return r.ServiceCount() > 0 }

// HasUnused reports whether the report lists task definitions no service runs.
func (r *Report) HasUnused() bool { return r.UnusedCount() > 0 }

// htmlRows writes the page's rows as they are handed over, from the
// services' clusters to the end of the page (the template's pieces): a
// cluster's section is opened at its first service, with the number of
// its services known from runs. Only a detailed report (DetailLimit
// services at most) holds a cluster's rows, for the details written
// under its table.
type htmlRows struct {
	w        io.Writer
	detailed bool
	runs     []clusterRun
	run      int // the next run to open
	open     bool
	label    string
	held     []ServiceReport
	row      []byte // a row being written (appendServiceRowHTML)
	err      error
}

func newHTMLRows(w io.Writer, detailed bool, runs []clusterRun) *htmlRows {
	return &htmlRows{w: w, detailed: detailed, runs: runs}
}

// heldRuns are the runs of a report's held rows with one cluster label.
func heldRuns(services []ServiceReport) []clusterRun {
	var out []clusterRun
	for i := range services {
		if i == 0 || services[i].label != services[i-1].label {
			out = append(out, clusterRun{label: services[i].label})
		}
		out[len(out)-1].services++
	}
	return out
}

func (h *htmlRows) execute(name string, data any) {
	if h.err == nil {
		h.err = reportHTMLTemplate.ExecuteTemplate(h.w, name, data)
	}
}

// htmlCluster is what a cluster's section opens with.
type htmlCluster struct {
	Name     string
	Count    int
	Detailed bool
}

// htmlServiceRow is a service's row in its cluster's table, as the
// template "serviceRow" is given it: the reference the rows written by
// hand are held to (appendServiceRowHTML). S is not embedded: the
// template finds an embedded field's members by a search that allocates.
type htmlServiceRow struct {
	S        *ServiceReport
	Detailed bool
}

func (h *htmlRows) service(s *ServiceReport) {
	if !h.open || s.label != h.label {
		h.closeCluster()
		run := h.runs[h.run]
		h.run++
		h.open, h.label = true, s.label
		h.execute("clusterOpen", htmlCluster{Name: run.label, Count: run.services, Detailed: h.detailed})
	}
	h.writeRow(appendServiceRowHTML(h.row[:0], s, h.detailed))
	if h.detailed {
		h.held = append(h.held, *s)
	}
}

func (h *htmlRows) closeCluster() {
	if !h.open {
		return
	}
	h.execute("clusterRowsEnd", nil)
	for i := range h.held {
		h.execute("serviceDetails", &h.held[i])
	}
	h.held = h.held[:0]
	h.execute("clusterClose", nil)
	h.open = false
}

// endServices closes the last cluster and opens the unused task
// definitions' table.
func (h *htmlRows) endServices(page htmlPageData) {
	h.closeCluster()
	h.execute("servicesEnd", page)
}

func (h *htmlRows) unused(u *UnusedTaskDefinition) { h.writeRow(appendUnusedRowHTML(h.row[:0], u)) }

// writeRow writes a row made by hand, as the template of its name would
// (report_html_rows.go), and keeps its buffer for the next.
func (h *htmlRows) writeRow(row []byte) {
	h.row = row
	if h.err == nil {
		_, h.err = h.w.Write(row)
	}
}

// end writes the rest of the page.
func (h *htmlRows) end(page htmlPageData) error {
	h.execute("tail", page)
	return h.err
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
