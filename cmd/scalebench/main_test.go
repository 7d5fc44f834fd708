//go:build linux || darwin

package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// helperEnv makes the test binary run as scalebench: the harness starts
// itself (os.Executable) to generate each fleet.
const helperEnv = "SCALEBENCH_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// The harness generates the fleet, runs every command against it as a
// child and prints a row for each with its exit code (here `true`, which
// ignores its arguments: the rows, not ecs2fargate, are under test).
func TestEveryCommandGetsARow(t *testing.T) {
	bin, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1) on this system")
	}
	t.Setenv(helperEnv, "1")
	var out, errs strings.Builder
	if code := run(context.Background(), []string{"-bin", bin, "-services", "40", "-tmp", t.TempDir()}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(errs.String(), "generated 40 services") {
		t.Errorf("stderr %q should say the fleet was generated", errs.String())
	}
	for _, c := range commands {
		if !strings.Contains(out.String(), "| 40 | "+c.name+" | ") {
			t.Errorf("no row for %s in:\n%s", c.name, out.String())
		}
	}
	if strings.Contains(out.String(), "| 1 |\n") {
		t.Errorf("a command failed:\n%s", out.String())
	}
}

// A size whose fleet would not fit in the free space is skipped, saying so.
func TestSkipsASizeTheDiskCannotHold(t *testing.T) {
	old := bytesPerService
	bytesPerService = 1 << 50
	defer func() { bytesPerService = old }()
	var out, errs strings.Builder
	if code := run(context.Background(), []string{"-bin", "/nonexistent", "-services", "10", "-tmp", t.TempDir()}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(errs.String(), "skipping 10 services") || strings.Contains(out.String(), "| 10 |") {
		t.Errorf("want the size skipped with a message; stdout %q, stderr %q", out.String(), errs.String())
	}
}

// -against measures a second binary command by command on the same fleet,
// -fleet measures a fleet already generated (and leaves it), -runs runs
// each command that many times.
func TestAgainstAGivenFleet(t *testing.T) {
	yes, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1) on this system")
	}
	no, err := exec.LookPath("false")
	if err != nil {
		t.Skip("no false(1) on this system")
	}
	fleetDir := t.TempDir()
	marker := fleetDir + "/keep.json"
	if err := os.WriteFile(marker, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs strings.Builder
	args := []string{"-bin", yes, "-against", no, "-runs", "3", "-services", "7", "-fleet", fleetDir, "-only", "cost", "-tmp", t.TempDir()}
	if code := run(context.Background(), args, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if strings.Contains(errs.String(), "generated") {
		t.Errorf("a given fleet must not be generated: %q", errs.String())
	}
	for _, want := range []string{"| 7 | cost (table) | true | ", "| 7 | cost (table) | false | "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no row %q in:\n%s", want, out.String())
		}
	}
	if !strings.Contains(out.String(), " | 1 |\n") {
		t.Errorf("false's exit code 1 should be in its row:\n%s", out.String())
	}
	if _, err := os.Stat(marker); err != nil {
		t.Errorf("the given fleet was touched: %v", err)
	}
}

// Every byte of every file under the fleet is read by the warm-up, in
// nested directories too.
func TestWarmPageCacheReadsEveryFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/a/b", 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]int{"x.json": 10, "a/y.json": 70000, "a/b/z.json": 1 << 17}
	want := 0
	for name, size := range files {
		if err := os.WriteFile(dir+"/"+name, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		want += size
	}
	got, err := warmPageCache(dir)
	if err != nil || got != int64(want) {
		t.Errorf("warmPageCache = %d, %v; want %d bytes", got, err, want)
	}
	if _, err := warmPageCache(dir + "/missing"); err == nil {
		t.Error("a missing fleet directory must be an error")
	}
}
