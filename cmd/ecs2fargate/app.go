package main

import (
	"cmp"
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	appversion "github.com/ecs2fargate/ecs2fargate/internal/version"
)

// version is what every report and JSON output names as the tool's
// version, read once from the build (internal/version).
var version = appversion.String()

// streams are the process's standard streams, injected so tests can run
// the real CLI against buffers.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// run executes the command line and returns the process exit code.
func run(ctx context.Context, args []string, s streams) int {
	s, flush := buffered(s)
	app := newApp(s)
	ran := prepare(app, args)
	err := withCommand(app.RunContext(ctx, args), *ran)
	if ferr := flush(); ferr != nil {
		// Output that never arrived outweighs any other outcome: exit 1.
		if err != nil && err.Error() != "" {
			fmt.Fprintf(s.err, "ecs2fargate: %v\n", err)
		}
		err = ferr
	}
	if err != nil && err.Error() != "" {
		fmt.Fprintf(s.err, "ecs2fargate: %v\n", err)
	}
	return exitCode(err)
}

func newApp(s streams) *cli.App {
	app := &cli.App{
		Name:    "ecs2fargate",
		Usage:   "audit, rewrite and price the move of Amazon ECS services from EC2 to AWS Fargate",
		Version: version,
		Reader:  s.in,
		Writer:  s.out,
		// ErrWriter gets usage errors; ExitErrHandler is a no-op so that run,
		// not urfave/cli, decides the exit code.
		ErrWriter:      s.err,
		ExitErrHandler: func(*cli.Context, error) {},
		Action:         rootAction,
		Commands: []*cli.Command{
			auditCommand(s),
			reportCommand(s),
			rulesCommand(s),
			costCommand(s),
			pricingCommand(s),
			snapshotCommand(s),
			iamPolicyCommand(s),
			rewriteCommand(s),
			versionCommand(s),
			completionCommand(s),
			migrateCommand(s),
		},
	}
	return app
}

// usageError marks a mistake on the command line (exit 1, with a hint).
type usageError struct {
	msg     string
	command string // the command's full name, for the hint; "" for the tool
}

func (e usageError) Error() string {
	return fmt.Sprintf("%s (see '%s --help')", e.msg, cmp.Or(e.command, "ecs2fargate"))
}

func usagef(format string, args ...any) error { return usageError{msg: fmt.Sprintf(format, args...)} }
