package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	appversion "github.com/ecs2fargate/ecs2fargate/internal/version"
)

// versionCommand is `ecs2fargate version`, the same line as --version:
// the module version from Go's build information (go install …@v1.2.3),
// and the commit and its date when built from a checkout.
func versionCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version, and the commit and its date when built from a checkout",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("version takes no arguments")
			}
			fmt.Fprintln(s.out, appversion.Get().Long())
			return nil
		},
	}
}

// printVersion is --version.
func printVersion(c *cli.Context) {
	fmt.Fprintln(c.App.Writer, appversion.Get().Long())
}
