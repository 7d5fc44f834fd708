package main

import (
	"os"
	"sync"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// The generated 10,000-service fleet, shared by the benchmarks (Unix only)
// and the tests that need a large estate (every system).

// fleetDirEnv points the benchmarks at a fleet already written by
// cmd/fleetgen, so that a peak-memory measurement of the test binary does
// not count generating the fleet.
const fleetDirEnv = "ECS2FARGATE_BENCH_FLEET"

var fleet10k struct {
	once      sync.Once
	dir       string
	err       error
	generated bool // dir is ours to remove
}

// TestMain removes the generated fleet once every test and benchmark ran.
func TestMain(m *testing.M) {
	runAsCommand() // returns unless a test started this binary as the command
	// The table format fits COLUMNS when it is set; the tests ask for a
	// width where they mean one.
	os.Unsetenv("COLUMNS")
	code := m.Run()
	if fleet10k.generated {
		os.RemoveAll(fleet10k.dir)
	}
	os.Exit(code)
}

// fleet10kDir returns the directory of the generated 10,000-service fleet:
// $ECS2FARGATE_BENCH_FLEET, else generated once per test binary into a
// temporary directory that TestMain removes.
func fleet10kDir(b testing.TB) string {
	b.Helper()
	fleet10k.once.Do(func() {
		if dir := os.Getenv(fleetDirEnv); dir != "" {
			fleet10k.dir = dir
			return
		}
		dir, err := os.MkdirTemp("", "fleet10k-")
		if err == nil {
			err = fleetgen.WriteTemp(dir, fleetgen.Options{Services: 10_000})
		}
		fleet10k.dir, fleet10k.err, fleet10k.generated = dir, err, true
	})
	if fleet10k.err != nil {
		b.Fatal(fleet10k.err)
	}
	return fleet10k.dir
}
