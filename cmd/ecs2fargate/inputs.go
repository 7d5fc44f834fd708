package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// loadFleet reads the inputs named on the command line, printing every
// input problem to stderr as it goes. It fails when there is nothing to
// read, or when nothing read is an ECS resource (noECSInputs); otherwise
// bad inputs are reported and the rest is still audited.
// Inputs that carry no ARN take def as their account and region, and say so.
func loadFleet(ctx context.Context, paths []string, s streams, def fleet.Identity) (*fleet.Fleet, []fleet.Diagnostic, error) {
	if len(paths) == 0 {
		return nil, nil, usagef("no inputs: name AWS CLI JSON files, directories or - for standard input")
	}
	f, diags := fleet.LoadWith(ctx, paths, s.in, fleet.LoadOptions{Default: def, Translators: iacTranslators()})
	printDiagnostics(s.err, diags)
	if err := noECSInputs(paths, f); err != nil {
		return nil, nil, err
	}
	return f, diags, nil
}

func printDiagnostics(w io.Writer, diags []fleet.Diagnostic) {
	for _, d := range diags {
		fmt.Fprintln(w, d.String())
	}
}

// locateIn finds the paths of findings in the inputs of f, for SARIF line
// numbers: in an IaC file through its translation (fleet.Fleet.Locate),
// in any other file with locateInFiles.
func locateIn(f *fleet.Fleet) func(file string, paths []string) map[string]fleet.Position {
	return func(file string, paths []string) map[string]fleet.Position {
		if pos, ok := f.Locate(file, paths); ok {
			return pos
		}
		return locateInFiles(file, paths)
	}
}

// locateInFiles finds JSON paths in an input file, for SARIF line numbers.
// Standard input cannot be read twice, so its findings get no line.
func locateInFiles(file string, paths []string) map[string]fleet.Position {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	return fleet.Locate(data, paths)
}

// inputFailure is the error a command returns, after writing its output,
// when some input could not be read: exit 1, as promised in the README.
func inputFailure(diags []fleet.Diagnostic) error {
	n := 0
	for _, d := range diags {
		if d.Level == fleet.LevelError {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return codeError{code: exitError, msg: fmt.Sprintf("%d input error(s); everything readable was still reported", n)}
}
