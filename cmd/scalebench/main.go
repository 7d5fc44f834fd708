//go:build linux || darwin

// Command scalebench measures the built ecs2fargate binary, as a user runs
// it, on generated fleets (issue 17): for each fleet size it generates the
// fleet in a temporary directory, then runs a bare parse of the same files
// (python3's json.load of every file, the baseline) and each command as a
// child process, in turn, and prints the CPU seconds (user + system), wall
// time and peak resident memory of each, with its CPU as a multiple of the
// baseline's:
//
//	go build -o /tmp/ecs2fargate ./cmd/ecs2fargate
//	go run ./cmd/scalebench -bin /tmp/ecs2fargate -services 10000,100000
//
// Linux and macOS only: the figures are the children's getrusage(2). A
// size whose fleet and outputs would not fit in the free space of the
// temporary directory is skipped with a message saying how much it needs.
// docs/benchmarks.md ("Issue 17") has the figures and the machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
	"github.com/ecs2fargate/ecs2fargate/internal/rusage"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// bytesPerService is the disk a size needs per service: the generated
// fleet (about 10 KB a service) and the outputs of rewrite --out and
// report --out (about 60 KB a service together), with room to spare.
var bytesPerService uint64 = 100 << 10

// command is one measured run: its name in the table and its arguments
// after the binary (DIR stands for the fleet, OUT for a fresh output
// directory).
type command struct {
	name string
	args []string
}

var commands = []command{
	{"audit --format json", []string{"audit", "-q", "--fail-on", "none", "--format", "json", "DIR"}},
	{"audit (table)", []string{"audit", "-q", "--fail-on", "none", "DIR"}},
	{"cost (table)", []string{"cost", "DIR"}},
	{"rewrite --out", []string{"rewrite", "-q", "--out", "OUT", "DIR"}},
	{"report --out", []string{"report", "-q", "--out", "OUT", "DIR"}},
}

// baseline is the bare parse: every file of the fleet read and parsed by
// python3's json module, nothing kept.
const baseline = `import json, os, sys
n = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".json"):
            with open(os.path.join(root, name), "rb") as f:
                json.load(f)
            n += 1
print(n, "files parsed", file=sys.stderr)
`

// usage is what one finished child used.
type usage struct {
	cpu, wall time.Duration
	maxRSS    int64 // bytes
	exit      int
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scalebench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bin := fs.String("bin", "", "the built ecs2fargate binary to measure (required)")
	sizes := fs.String("services", "10000,100000", "fleet sizes to measure, comma-separated")
	only := fs.String("only", "", "measure only the commands whose name contains this text (e.g. \"audit\")")
	tmp := fs.String("tmp", os.TempDir(), "directory for the generated fleets and outputs (removed after each size)")
	generate := fs.String("generate-into", "", "(internal) generate the fleet of -services services into this directory and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *generate != "" {
		n, err := strconv.Atoi(*sizes)
		if err == nil {
			err = fleetgen.WriteTemp(*generate, fleetgen.Options{Services: n})
		}
		if err != nil {
			fmt.Fprintf(stderr, "scalebench: generating the fleet: %v\n", err)
			return 1
		}
		return 0
	}
	if *bin == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: scalebench -bin PATH [-services N,N] [-only TEXT] [-tmp DIR]")
		return 2
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(stderr, "scalebench: -services: %q is not a positive number\n", s)
			return 2
		}
		ns = append(ns, n)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		fmt.Fprintln(stderr, "scalebench: python3 not found; the baseline (a bare json.load of every file) is not measured")
	}
	fmt.Fprintln(stdout, "| services | command | cpu-s | × parse | wall s | peak RSS MB | KB/service | exit |")
	fmt.Fprintln(stdout, "|---|---|---|---|---|---|---|---|")
	for _, n := range ns {
		if err := measureSize(ctx, stdout, stderr, *bin, python, *tmp, *only, n); err != nil {
			fmt.Fprintf(stderr, "scalebench: %d services: %v\n", n, err)
			return 1
		}
	}
	return 0
}

// measureSize generates a fleet of n services and measures the baseline
// and every command on it.
func measureSize(ctx context.Context, stdout, stderr io.Writer, bin, python, tmp, only string, n int) error {
	if free, ok := freeBytes(tmp); ok && free < uint64(n)*bytesPerService {
		fmt.Fprintf(stderr, "scalebench: skipping %d services: %s has %d MB free, the fleet and its outputs need about %d MB\n",
			n, tmp, free>>20, (uint64(n)*bytesPerService)>>20)
		return nil
	}
	dir, err := os.MkdirTemp(tmp, fmt.Sprintf("scalebench-%d-", n))
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fleet := filepath.Join(dir, "fleet")
	start := time.Now()
	// Generated by a child: on Linux a child's peak memory (ru_maxrss)
	// starts at its parent's peak when it is started (exec keeps the
	// larger), so this process must never hold a fleet in memory, or
	// every figure would be at least that.
	self, err := os.Executable()
	if err != nil {
		return err
	}
	gen := exec.CommandContext(ctx, self, "-generate-into", fleet, "-services", strconv.Itoa(n))
	gen.Stderr = stderr
	if err := gen.Run(); err != nil {
		return fmt.Errorf("generating the fleet: %w", err)
	}
	fmt.Fprintf(stderr, "scalebench: generated %d services in %s (%s)\n", n, fleet, time.Since(start).Round(time.Millisecond))
	var parse time.Duration
	if python != "" {
		u, err := measure(ctx, python, []string{"-c", baseline, fleet})
		if err != nil {
			return err
		}
		parse = u.cpu
		row(stdout, n, "bare parse (python3 json.load)", u, parse)
	}
	for i, c := range commands {
		if !strings.Contains(c.name, only) {
			continue
		}
		out := filepath.Join(dir, "out"+strconv.Itoa(i))
		args := make([]string, len(c.args))
		for j, a := range c.args {
			args[j] = strings.NewReplacer("DIR", fleet, "OUT", out).Replace(a)
		}
		u, err := measure(ctx, bin, args)
		if err != nil {
			return err
		}
		row(stdout, n, c.name, u, parse)
		os.RemoveAll(out)
	}
	return nil
}

func row(w io.Writer, n int, name string, u usage, parse time.Duration) {
	times := "–"
	if parse > 0 {
		times = fmt.Sprintf("%.2f", u.cpu.Seconds()/parse.Seconds())
	}
	fmt.Fprintf(w, "| %d | %s | %.2f | %s | %.2f | %d | %.1f | %d |\n", n, name, u.cpu.Seconds(), times, u.wall.Seconds(),
		u.maxRSS>>20, float64(u.maxRSS)/1024/float64(n), u.exit)
}

// measure runs one child to the end, its output thrown away (read, as a
// pipe to another tool would), and returns what it used.
func measure(ctx context.Context, name string, args []string) (usage, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return usage{}, fmt.Errorf("running %s: %w", name, err)
	}
	ru, ok := rusage.Of(cmd.ProcessState)
	if !ok {
		return usage{}, errors.New("no resource usage for the child on this system")
	}
	return usage{
		cpu:    ru.CPU,
		wall:   wall,
		maxRSS: ru.MaxRSS,
		exit:   cmd.ProcessState.ExitCode(),
	}, nil
}

// freeBytes is the space free to an unprivileged user under dir.
func freeBytes(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if syscall.Statfs(dir, &st) != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
