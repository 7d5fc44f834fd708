// Command fleetgen writes a generated, deterministic ECS fleet of any size
// as aws CLI output files, for benchmarks and trials:
//
//	go run ./cmd/fleetgen -services 10000 -out /tmp/fleet
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run parses the flags and writes the fleet; it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fleetgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o fleetgen.Options
	out := fs.String("out", "", "directory to write the fleet into (created if missing; required)")
	fs.IntVar(&o.Services, "services", 10_000, "number of services")
	fs.IntVar(&o.PerCluster, "per-cluster", 100, "services per cluster")
	fs.Uint64Var(&o.Seed, "seed", 1, "random seed: the same seed writes the same bytes")
	fs.StringVar(&o.Region, "region", "us-east-1", "AWS Region in the generated ARNs")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: fleetgen -out DIR [-services N] [-per-cluster N] [-seed N] [-region R]")
		return 2
	}
	n, err := fleetgen.Write(ctx, *out, o)
	if err != nil {
		fmt.Fprintf(stderr, "fleetgen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files for %d services to %s\n", n, o.Services, *out)
	return 0
}
