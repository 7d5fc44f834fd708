package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunWritesTheFleet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fleet")
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"-services", "30", "-per-cluster", "10", "-out", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"clusters.json", "subnets.json", "clusters/prod-payments/services.json", "clusters/dev-payments/container-instances.json"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s not written: %v", want, err)
		}
	}
	if !strings.Contains(out.String(), "for 30 services") {
		t.Errorf("stdout: %q", out.String())
	}
}

func TestRunRejectsBadArguments(t *testing.T) {
	for _, args := range [][]string{{}, {"-services", "10"}, {"-out", t.TempDir(), "extra"}, {"-out", t.TempDir(), "-services", "-4"}, {"-nope"}} {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), args, &out, &errOut); code == 0 || errOut.Len() == 0 {
			t.Errorf("%q: exit %d, stderr %q; want a failure with a message", args, code, errOut.String())
		}
	}
}
