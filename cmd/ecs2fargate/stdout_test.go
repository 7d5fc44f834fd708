package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// countingWriter counts the writes that reach it, as the system calls
// standard output would make.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.Buffer.Write(p)
}

// Standard output is written in buffer-sized pieces, not per row: the
// table of the demo fleet was thousands of writes unbuffered.
func TestStdoutIsBuffered(t *testing.T) {
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	for _, format := range []string{"table", "json", "sarif", "markdown"} {
		var out countingWriter
		var errOut bytes.Buffer
		code := run(context.Background(), []string{"ecs2fargate", "audit", "--details", "--format", format, demoFleet}, streams{in: strings.NewReader(""), out: &out, err: &errOut})
		if code != exitFindings {
			t.Fatalf("%s: exit %d; stderr:\n%s", format, code, errOut.String())
		}
		if want := out.Len()/stdoutBufferSize + 1; out.writes > want {
			t.Errorf("%s: %d writes for %d bytes, want at most %d", format, out.writes, out.Len(), want)
		}
	}
}

// orderRecorder records, in order, which stream each write went to.
type orderRecorder struct{ log []string }

type taggedWriter struct {
	rec *orderRecorder
	tag string
}

func (w taggedWriter) Write(p []byte) (int, error) {
	w.rec.log = append(w.rec.log, w.tag+":"+string(p))
	return len(p), nil
}

// What goes to standard error after the report still comes after it: a
// write to standard error first flushes standard output.
func TestStderrStaysAfterStdout(t *testing.T) {
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	rec := &orderRecorder{}
	code := run(context.Background(), []string{"ecs2fargate", "audit", demoFleet},
		streams{in: strings.NewReader(""), out: taggedWriter{rec, "out"}, err: taggedWriter{rec, "err"}})
	if code != exitFindings || len(rec.log) < 2 {
		t.Fatalf("exit %d, writes %q", code, rec.log)
	}
	last := rec.log[len(rec.log)-1]
	if !strings.HasPrefix(last, "err:") || !strings.Contains(last, "at or above blocker") {
		t.Errorf("the exit reason is not the last thing written: %q", last)
	}
	if !strings.HasPrefix(rec.log[len(rec.log)-2], "out:") {
		t.Errorf("the report does not precede the exit reason: %q", rec.log)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// A write error that the buffer held back still fails the command: exit 1
// naming standard output, not the findings' exit 2 as if all were well.
func TestStdoutWriteErrorFails(t *testing.T) {
	t.Chdir(filepath.Join(packageDir, "..", ".."))
	var errOut bytes.Buffer
	code := run(context.Background(), []string{"ecs2fargate", "audit", demoFleet}, streams{in: strings.NewReader(""), out: failingWriter{}, err: &errOut})
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(errOut.String(), "writing standard output: no space left on device") {
		t.Errorf("stderr does not name the failed write:\n%s", errOut.String())
	}
}
