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
// Every file of the fleet is read once, untimed, before the first child
// runs, so that the baseline and the commands all find it in the page
// cache.
//
// -against OTHER measures a second binary (e.g. main's, as the baseline of
// a change) on the same fleet, each command run by one binary and then
// the other; -runs N runs each N times and prints the medians; -fleet DIR
// measures an already generated fleet of -services services instead of
// generating one (so that two sessions measure the same files).
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
	"slices"
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

// bytesPerService is the disk a size needs per service and run: the
// generated fleet (about 10 KB a service) and one run's outputs of
// rewrite --out and report --out (about 60 KB a service together), with
// room to spare; it is counted once for each run of each binary.
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
	{"audit --format sarif", []string{"audit", "-q", "--fail-on", "none", "--format", "sarif", "DIR"}},
	{"cost (table)", []string{"cost", "DIR"}},
	{"rewrite --out", []string{"rewrite", "-q", "--out", "OUT", "DIR"}},
	{"report --out", []string{"report", "-q", "--out", "OUT", "DIR"}},
	{"report --format json", []string{"report", "-q", "--format", "json", "DIR"}},
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
	against := fs.String("against", "", "a second binary measured on the same fleet, command by command (e.g. the baseline of a change)")
	runs := fs.Int("runs", 1, "runs of each command (medians printed)")
	given := fs.String("fleet", "", "an already generated fleet of -services services to measure (not removed) instead of generating one")
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
	if *bin == "" || fs.NArg() > 0 || *runs < 1 {
		fmt.Fprintln(stderr, "usage: scalebench -bin PATH [-against PATH] [-runs N] [-services N,N] [-fleet DIR] [-only TEXT] [-tmp DIR]")
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
	if *given != "" && len(ns) != 1 {
		fmt.Fprintln(stderr, "scalebench: -fleet measures one fleet: give its size alone in -services")
		return 2
	}
	bins := []string{*bin}
	if *against != "" {
		bins = append(bins, *against)
	}
	plan := plan{bins: bins, runs: *runs, only: *only, fleet: *given}
	python, err := exec.LookPath("python3")
	if err != nil {
		fmt.Fprintln(stderr, "scalebench: python3 not found; the baseline (a bare json.load of every file) is not measured")
	}
	fmt.Fprintln(stdout, "| services | command | binary | cpu-s | × parse | wall s | peak RSS MB | KB/service | exit |")
	fmt.Fprintln(stdout, "|---|---|---|---|---|---|---|---|---|")
	for _, n := range ns {
		if err := measureSize(ctx, stdout, stderr, plan, python, *tmp, n); err != nil {
			fmt.Fprintf(stderr, "scalebench: %d services: %v\n", n, err)
			return 1
		}
	}
	return 0
}

// plan is what to measure on each fleet: the binaries (the first is the
// one under test), the runs of each command, the commands whose name
// contains only, and an already generated fleet when given.
type plan struct {
	bins  []string
	runs  int
	only  string
	fleet string
}

// measureSize generates a fleet of n services (unless the plan names one)
// and measures the baseline and every command on it.
func measureSize(ctx context.Context, stdout, stderr io.Writer, p plan, python, tmp string, n int) error {
	// Every run's outputs stay until the size is done (see argsOf below).
	need := uint64(n) * bytesPerService * uint64(p.runs*len(p.bins))
	if free, ok := freeBytes(tmp); ok && free < need {
		fmt.Fprintf(stderr, "scalebench: skipping %d services: %s has %d MB free, the fleet and its outputs need about %d MB\n",
			n, tmp, free>>20, need>>20)
		return nil
	}
	dir, err := os.MkdirTemp(tmp, fmt.Sprintf("scalebench-%d-", n))
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fleet := p.fleet
	if fleet == "" {
		fleet = filepath.Join(dir, "fleet")
		if err := generate(ctx, stderr, fleet, n); err != nil {
			return err
		}
	}
	if _, err := warmPageCache(fleet); err != nil {
		return fmt.Errorf("reading the fleet once before measuring: %w", err)
	}
	var parse time.Duration
	if python != "" {
		u, err := measureRuns(ctx, p.runs, python, func(int) []string { return []string{"-c", baseline, fleet} })
		if err != nil {
			return err
		}
		parse = u.cpu
		row(stdout, n, "bare parse (python3 json.load)", "python3", u, parse)
	}
	for i, c := range commands {
		if !strings.Contains(c.name, p.only) {
			continue
		}
		for b, bin := range p.bins {
			// Each run writes into a directory of its own, removed with the
			// rest of the size's directory at the end: on ext4, creating
			// files right after deleting as many (an output removed before
			// the next run) costs seconds of system time in the inode
			// allocator's check of recently deleted inodes, a cost of the
			// benchmark, not of the command.
			argsOf := func(run int) []string {
				out := filepath.Join(dir, fmt.Sprintf("out%d-%d-%d", i, b, run))
				args := make([]string, len(c.args))
				for j, a := range c.args {
					args[j] = strings.NewReplacer("DIR", fleet, "OUT", out).Replace(a)
				}
				return args
			}
			u, err := measureRuns(ctx, p.runs, bin, argsOf)
			if err != nil {
				return err
			}
			row(stdout, n, c.name, filepath.Base(bin), u, parse)
		}
	}
	return nil
}

// generate writes a fleet of n services into dir from a child process.
func generate(ctx context.Context, stderr io.Writer, dir string, n int) error {
	start := time.Now()
	// Generated by a child: on Linux a child's peak memory (ru_maxrss)
	// starts at its parent's peak when it is started (exec keeps the
	// larger), so this process must never hold a fleet in memory, or
	// every figure would be at least that.
	self, err := os.Executable()
	if err != nil {
		return err
	}
	gen := exec.CommandContext(ctx, self, "-generate-into", dir, "-services", strconv.Itoa(n))
	gen.Stderr = stderr
	if err := gen.Run(); err != nil {
		return fmt.Errorf("generating the fleet: %w", err)
	}
	fmt.Fprintf(stderr, "scalebench: generated %d services in %s (%s)\n", n, dir, time.Since(start).Round(time.Millisecond))
	return nil
}

// measureRuns runs a child runs times, with the arguments argsOf gives
// each run, and returns the median of each figure; the exit code is the
// last run's.
func measureRuns(ctx context.Context, runs int, name string, argsOf func(run int) []string) (usage, error) {
	var all []usage
	for run := range runs {
		u, err := measure(ctx, name, argsOf(run))
		if err != nil {
			return usage{}, err
		}
		all = append(all, u)
	}
	return medianUsage(all), nil
}

// medianUsage is the median of each figure over the runs, taken apart.
func medianUsage(all []usage) usage {
	pick := func(key func(usage) int64) int64 {
		v := make([]int64, len(all))
		for i, u := range all {
			v[i] = key(u)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return usage{
		cpu:    time.Duration(pick(func(u usage) int64 { return int64(u.cpu) })),
		wall:   time.Duration(pick(func(u usage) int64 { return int64(u.wall) })),
		maxRSS: pick(func(u usage) int64 { return u.maxRSS }),
		exit:   all[len(all)-1].exit,
	}
}

func row(w io.Writer, n int, name, bin string, u usage, parse time.Duration) {
	times := "–"
	if parse > 0 {
		times = fmt.Sprintf("%.2f", u.cpu.Seconds()/parse.Seconds())
	}
	fmt.Fprintf(w, "| %d | %s | %s | %.2f | %s | %.2f | %d | %.1f | %d |\n", n, name, bin, u.cpu.Seconds(), times, u.wall.Seconds(),
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
