package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// keepScreenshotEnv names a file TestReportHTMLInChromiumFitsEveryScreen
// copies its 1,400-pixel screenshot to (docs/report.png is made this way).
const keepScreenshotEnv = "ECS2FARGATE_REPORT_SCREENSHOT"

// TestReportHTMLInChromium opens the demo fleet's HTML report in headless
// Chromium and checks that it renders, logs nothing to the console (a
// script error or a Content-Security-Policy violation would) and requests
// nothing from the network. A control page that does both proves the
// checks can fail.
func TestReportHTMLInChromium(t *testing.T) {
	browser := findChromium(t)
	_, html, _ := reportDemo(t, "--format", "html")
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	control := filepath.Join(dir, "control.html")
	write(t, page, html)
	write(t, control, `<!DOCTYPE html><p>control</p><img src="http://example.com/x.png"><script>console.error("control")</script>`)

	t.Run("control", func(t *testing.T) {
		t.Parallel()
		run := openInChromium(t, browser, control, "--dump-dom")
		if len(run.requests) == 0 || len(run.console) == 0 {
			t.Fatalf("the control page's request and console error went unseen (requests %v, console %v): the checks below would prove nothing", run.requests, run.console)
		}
	})
	t.Run("report", func(t *testing.T) {
		t.Parallel()
		run := openInChromium(t, browser, page, "--dump-dom")
		for _, want := range []string{"ecs2fargate migration report", "Cost per cluster", "Services blocked per rule", "checkout-api", "<svg", "Next steps"} {
			if !strings.Contains(run.stdout, want) {
				t.Errorf("rendered DOM lacks %q", want)
			}
		}
		if len(run.console) > 0 {
			t.Errorf("console messages: %v", run.console)
		}
		if len(run.requests) > 0 {
			t.Errorf("the report made network requests: %v", run.requests)
		}
	})
	t.Run("xss", func(t *testing.T) {
		t.Parallel()
		xssPage := filepath.Join(dir, "xss.html")
		write(t, xssPage, xssReportHTML(t))
		run := openInChromium(t, browser, xssPage, "--dump-dom")
		if strings.Contains(run.stdout, "<img") || !strings.Contains(run.stdout, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Errorf("the injected name should show as text, not as an element")
		}
		if len(run.requests) > 0 || len(run.console) > 0 {
			t.Errorf("requests %v, console %v", run.requests, run.console)
		}
	})
}

func findChromium(t *testing.T) string {
	t.Helper()
	return testtool.Path(t, "chromium", "the HTML report's browser test (apt-get install chromium)", "chromium", "chromium-browser", "google-chrome")
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// chromiumRun is what one headless Chromium run printed, requested and logged.
type chromiumRun struct {
	stdout, stderr string
	requests       []string // request lines that reached the proxy
	console        []string // console messages from the page
}

// openInChromium loads file in headless Chromium with every request,
// loopback included, sent to a recording proxy that answers none.
func openInChromium(t *testing.T, browser, file string, extra ...string) chromiumRun {
	t.Helper()
	proxy := newRecordingProxy(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--user-data-dir=" + t.TempDir(), "--proxy-server=http://" + proxy.addr(), "--proxy-bypass-list=<-loopback>",
		"--enable-logging=stderr", "--v=0"}, extra...)
	cmd := exec.CommandContext(ctx, browser, append(args, "file://"+file)...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errOut.String())
	}
	run := chromiumRun{stdout: out.String(), stderr: errOut.String(), requests: proxy.pageRequests()}
	for _, line := range strings.Split(run.stderr, "\n") {
		if strings.Contains(line, ":CONSOLE") {
			run.console = append(run.console, line)
		}
	}
	return run
}

// recordingProxy accepts connections and records each first request line.
type recordingProxy struct {
	ln    net.Listener
	wg    sync.WaitGroup // one per connection being read
	mu    sync.Mutex
	lines []string
}

func newRecordingProxy(t *testing.T) *recordingProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &recordingProxy{ln: ln}
	go p.serve()
	t.Cleanup(func() { ln.Close() })
	return p
}

func (p *recordingProxy) addr() string { return p.ln.Addr().String() }

// serve reads each connection on its own goroutine: Chromium may open a
// connection to the proxy ahead of need and send nothing on it until it
// exits, and one such idle connection must neither hold up the others nor
// count as a request.
func (p *recordingProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go p.record(c)
	}
}

// record keeps the connection's first line, if it sends one before it is
// closed (Chromium closes every connection when it exits).
func (p *recordingProxy) record(c net.Conn) {
	defer p.wg.Done()
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(90 * time.Second))
	line, _ := bufio.NewReader(c).ReadString('\n')
	if line = strings.TrimSpace(line); line == "" {
		return // opened and closed without a request
	}
	p.mu.Lock()
	p.lines = append(p.lines, line)
	p.mu.Unlock()
}

// browserHosts are Chromium's own background services (component updates,
// network time, sign-in), which it contacts whatever the page holds
// despite --disable-background-networking; everything else counts.
var browserHosts = []string{".google.com", ".googleapis.com", ".gvt1.com"}

// pageRequests are the recorded requests that are not Chromium's own.
func (p *recordingProxy) pageRequests() []string {
	p.wg.Wait() // Chromium has exited: every connection is read or closed
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, line := range p.lines {
		if !fromBrowser(line) {
			out = append(out, line)
		}
	}
	return out
}

// fromBrowser reports whether a request line ("GET http://host/..." or
// "CONNECT host:443 ...") goes to one of the browser's own hosts.
func fromBrowser(line string) bool {
	fields := strings.Fields(line)
	if len(fields) < 2 {
		return false
	}
	host := strings.TrimPrefix(strings.TrimPrefix(fields[1], "http://"), "https://")
	host, _, _ = strings.Cut(host, "/")
	host, _, _ = strings.Cut(host, ":")
	for _, suffix := range browserHosts {
		if strings.HasSuffix("."+host, suffix) {
			return true
		}
	}
	return false
}

// xssReportHTML is the HTML report of a one-service fleet whose cluster,
// service, family and container are all named after an HTML injection.
func xssReportHTML(t *testing.T) string {
	t.Helper()
	const xss = `<img src=x onerror=alert(1)>`
	name, _ := json.Marshal(xss)
	arn, _ := json.Marshal("arn:aws:ecs:eu-west-1:123456789012:task-definition/" + xss + ":1")
	dir := t.TempDir()
	write(t, filepath.Join(dir, "td.json"), `{"taskDefinition":{"taskDefinitionArn":`+string(arn)+`,"family":`+string(name)+
		`,"revision":1,"networkMode":"bridge","containerDefinitions":[{"name":`+string(name)+`,"image":"nginx","memory":512}]}}`)
	write(t, filepath.Join(dir, "services.json"), `{"services":[{"serviceArn":"arn:aws:ecs:eu-west-1:123456789012:service/c/s","serviceName":`+
		string(name)+`,"clusterArn":"arn:aws:ecs:eu-west-1:123456789012:cluster/`+xss+`","taskDefinition":`+string(arn)+`,"desiredCount":1,"launchType":"EC2"}]}`)
	_, html, stderr := runCLI(t, "", "report", "--format", "html", "--fail-on", "none", dir)
	if !strings.Contains(html, "&lt;img") {
		t.Fatalf("the XSS report does not name the service; stderr:\n%s", stderr)
	}
	return html
}
