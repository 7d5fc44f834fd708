package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// cdpPage drives one page of headless Chromium over the DevTools protocol
// on a pipe (--remote-debugging-pipe: commands in on file descriptor 3,
// replies and events out on 4, each a JSON object ended by a NUL byte).
// It exists because a headless window is never narrower than 500 pixels,
// so --window-size cannot show a phone's 390; Emulation.setDeviceMetricsOverride
// can. It needs no WebSocket and no dependency.
type cdpPage struct {
	t       *testing.T
	cmd     *exec.Cmd
	in      *os.File      // our end of Chromium's fd 3
	out     *bufio.Reader // our end of Chromium's fd 4
	id      int
	session string
	cancel  context.CancelFunc
}

// cdpMessage is a reply (ID set) or an event (Method set).
type cdpMessage struct {
	ID        int             `json:"id"`
	Method    string          `json:"method"`
	SessionID string          `json:"sessionId"`
	Result    json.RawMessage `json:"result"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// openCDPPage starts Chromium with every request sent to proxy (which
// answers none) and attaches to a new blank page.
func openCDPPage(t *testing.T, browser string, proxy *recordingProxy) *cdpPage {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	toChrome, ourIn, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	ourOut, fromChrome, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
		"--user-data-dir="+t.TempDir(), "--proxy-server=http://"+proxy.addr(), "--proxy-bypass-list=<-loopback>",
		"--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{toChrome, fromChrome} // fds 3 and 4
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("chromium: %v", err)
	}
	toChrome.Close()
	fromChrome.Close()
	p := &cdpPage{t: t, cmd: cmd, in: ourIn, out: bufio.NewReader(ourOut), cancel: cancel}
	t.Cleanup(func() {
		p.in.Close()
		ourOut.Close()
		cancel()
		_ = cmd.Wait()
	})
	var target struct{ TargetID string }
	p.call("Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct{ SessionID string }
	p.call("Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	p.session = attached.SessionID
	return p
}

// call sends a command (to the page once attached) and waits for its
// reply, skipping events; result, when not nil, receives the reply.
func (p *cdpPage) call(method string, params any, result any) {
	p.t.Helper()
	p.id++
	msg := map[string]any{"id": p.id, "method": method, "params": params}
	if p.session != "" {
		msg["sessionId"] = p.session
	}
	b, _ := json.Marshal(msg)
	if _, err := p.in.Write(append(b, 0)); err != nil {
		p.t.Fatalf("%s: %v", method, err)
	}
	for {
		m := p.next(method)
		if m.ID != p.id {
			continue
		}
		if m.Error != nil {
			p.t.Fatalf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				p.t.Fatalf("%s: %v", method, err)
			}
		}
		return
	}
}

// next reads one message.
func (p *cdpPage) next(waitingFor string) cdpMessage {
	p.t.Helper()
	line, err := p.out.ReadBytes(0)
	if err != nil {
		p.t.Fatalf("waiting for %s: %v", waitingFor, err)
	}
	var m cdpMessage
	if err := json.Unmarshal(line[:len(line)-1], &m); err != nil {
		p.t.Fatalf("waiting for %s: %v", waitingFor, err)
	}
	return m
}

// open sets the viewport to width × height CSS pixels (a phone's, with
// mobile behaviour, below 600) and loads file, returning once it has loaded.
func (p *cdpPage) open(file string, width, height int) {
	p.t.Helper()
	p.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, nil)
	p.call("Page.enable", map[string]any{}, nil)
	p.call("Page.navigate", map[string]any{"url": "file://" + file}, nil)
	for {
		if m := p.next("Page.loadEventFired"); m.Method == "Page.loadEventFired" && m.SessionID == p.session {
			return
		}
	}
}

// eval runs a script in the page (DevTools evaluation, which the page's
// Content-Security-Policy does not govern) and decodes its JSON-able value.
func (p *cdpPage) eval(script string, into any) {
	p.t.Helper()
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	p.call("Runtime.evaluate", map[string]any{"expression": script, "returnByValue": true}, &r)
	if r.ExceptionDetails != nil {
		p.t.Fatalf("script failed: %s", r.ExceptionDetails.Text)
	}
	if err := json.Unmarshal(r.Result.Value, into); err != nil {
		p.t.Fatalf("script result %s: %v", r.Result.Value, err)
	}
}

// screenshot writes the viewport as a PNG to path.
func (p *cdpPage) screenshot(path string) {
	p.t.Helper()
	var r struct{ Data string }
	p.call("Page.captureScreenshot", map[string]any{"format": "png"}, &r)
	png, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// close asks the browser to quit and waits until it has.
func (p *cdpPage) close() {
	p.session = ""
	p.id++
	b, _ := json.Marshal(map[string]any{"id": p.id, "method": "Browser.close"})
	_, _ = p.in.Write(append(b, 0))
	_ = p.cmd.Wait()
}
