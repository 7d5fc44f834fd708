package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// streams are the process's standard streams, injected so tests can run
// the real CLI against buffers.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// run executes the command line and returns the process exit code.
func run(ctx context.Context, args []string, s streams) int {
	app := newApp(s)
	err := app.RunContext(ctx, args)
	if err != nil && err.Error() != "" {
		fmt.Fprintf(s.err, "ecs2fargate: %v\n", err)
	}
	return exitCode(err)
}

func newApp(s streams) *cli.App {
	return &cli.App{
		Name:    "ecs2fargate",
		Usage:   "audit, rewrite and price the move of Amazon ECS services from EC2 to AWS Fargate",
		Version: version,
		Reader:  s.in,
		Writer:  s.out,
		// ErrWriter gets usage errors; ExitErrHandler is a no-op so that run,
		// not urfave/cli, decides the exit code.
		ErrWriter:       s.err,
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		Commands: []*cli.Command{
			auditCommand(s),
			reportCommand(s),
			rulesCommand(s),
			costCommand(s),
			pricingCommand(s),
			snapshotCommand(s),
			iamPolicyCommand(s),
			rewriteCommand(s),
			migrateCommand(s),
		},
	}
}

// usageError marks a mistake on the command line (exit 1, with a hint).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg + " (see --help)" }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }
