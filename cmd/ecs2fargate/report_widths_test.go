package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// screenWidths are the widths the report must fit: a phone, a laptop and
// a large desktop monitor, each with a usual height for its screenshot.
var screenWidths = []struct{ width, height int }{{390, 844}, {1400, 1000}, {2560, 1440}}

// fitScript measures the page: it opens every <details>, then lists each
// element whose box reaches past the viewport's left or right edge and is
// not inside a box that scrolls or clips (a table in its scroll box may be
// wider than a phone; the page may not), and says how wide the page is.
const fitScript = `(function(){document.querySelectorAll("details").forEach(function(d){d.open=true});` +
	`var W=document.documentElement.clientWidth,bad=[];` +
	`function clipped(e){for(var p=e.parentElement;p;p=p.parentElement){var o=getComputedStyle(p).overflowX;if(o==="auto"||o==="scroll"||o==="hidden"||o==="clip")return true}return false}` +
	`document.querySelectorAll("body *").forEach(function(e){var r=e.getBoundingClientRect();if(r.width===0&&r.height===0)return;` +
	`if((r.right>W+0.5||r.left<-0.5)&&!clipped(e)){var c=typeof e.className==="string"&&e.className?"."+e.className:"";` +
	`bad.push(e.tagName.toLowerCase()+c+" "+Math.round(r.left)+".."+Math.round(r.right)+" "+(e.textContent||"").trim().slice(0,50))}});` +
	`return {viewport:W,scrollWidth:document.documentElement.scrollWidth,count:bad.length,elements:bad.slice(0,15)}})()`

// fitResult is what fitScript found.
type fitResult struct {
	Viewport    int      `json:"viewport"`
	ScrollWidth int      `json:"scrollWidth"`
	Count       int      `json:"count"`
	Elements    []string `json:"elements"`
}

// fitAt opens file in headless Chromium with a width × height viewport,
// measures it with fitScript and, when shot is set, saves a screenshot
// there (taken before fitScript opens the <details>). It fails the test
// if the page requested anything from the network.
func fitAt(t *testing.T, browser, file string, width, height int, shot string) fitResult {
	t.Helper()
	proxy := newRecordingProxy(t)
	page := openCDPPage(t, browser, proxy)
	page.open(file, width, height)
	if shot != "" {
		page.screenshot(shot)
		if info, err := os.Stat(shot); err != nil || info.Size() < 10_000 {
			t.Fatalf("no screenshot at %d pixels (%v)", width, err)
		}
		t.Logf("screenshot: %s", shot)
	}
	var fit fitResult
	page.eval(fitScript, &fit)
	page.close()
	if reqs := proxy.pageRequests(); len(reqs) > 0 {
		t.Errorf("the page made network requests: %v", reqs)
	}
	return fit
}

// TestReportHTMLInChromiumFitsEveryScreen opens the demo fleet's HTML report in headless
// Chromium at 390, 1,400 and 2,560 pixels: no element may reach past the
// viewport (tables scroll in their own box, charts scale), and the page
// may not scroll sideways. A screenshot at each width is kept as a test
// artifact (go test -artifacts -outputdir DIR keeps them; each path is
// logged); ECS2FARGATE_REPORT_SCREENSHOT=PATH copies the 1,400-pixel one
// there (docs/report.png). A control page with a wide box proves the
// check can fail.
func TestReportHTMLInChromiumFitsEveryScreen(t *testing.T) {
	browser := findChromium(t)
	_, page, _ := reportDemo(t, "--format", "html")
	dir := t.TempDir()
	report := filepath.Join(dir, "report.html")
	write(t, report, page)
	control := filepath.Join(dir, "control.html")
	write(t, control, strings.Replace(page, "<main>", `<main><div style="width:900px">a box wider than a phone</div>`, 1))

	t.Run("control", func(t *testing.T) {
		t.Parallel()
		if fit := fitAt(t, browser, control, 390, 844, ""); fit.Count == 0 || fit.ScrollWidth <= fit.Viewport {
			t.Fatalf("a 900-pixel box at 390 pixels went unseen (%+v): the check proves nothing", fit)
		}
	})
	shots := t.ArtifactDir()
	for _, s := range screenWidths {
		t.Run(strconv.Itoa(s.width), func(t *testing.T) {
			t.Parallel()
			shot := filepath.Join(shots, "report-"+strconv.Itoa(s.width)+".png")
			fit := fitAt(t, browser, report, s.width, s.height, shot)
			if fit.Viewport != s.width {
				t.Fatalf("the page was laid out %d pixels wide, not %d", fit.Viewport, s.width)
			}
			if fit.Count > 0 || fit.ScrollWidth > fit.Viewport {
				t.Errorf("at %d pixels the page is %d wide; %d element(s) reach past the viewport:\n%s",
					s.width, fit.ScrollWidth, fit.Count, strings.Join(fit.Elements, "\n"))
			}
			if keep := os.Getenv(keepScreenshotEnv); keep != "" && s.width == 1400 {
				data, _ := os.ReadFile(shot)
				write(t, keep, string(data))
			}
		})
	}
}
