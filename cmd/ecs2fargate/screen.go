package main

import (
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/terminal"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

// screenOptions are the audit's terminal-screen flags.
type screenOptions struct {
	details bool
	service string
	noColor bool
}

// screenFlags choose how much the audit's table format shows and whether
// it is coloured.
func screenFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "details", Aliases: []string{"v"}, Usage: "table format: after the summary, every service's verdict, every finding and every check that could not run"},
		&cli.StringFlag{Name: "service", Usage: "table format: show this service in full (`NAME`, CLUSTER/NAME or REGION/CLUSTER/NAME)"},
		&cli.BoolFlag{Name: "no-color", Usage: "no colours on a terminal (as does the NO_COLOR environment variable)"},
	}
}

func readScreenOptions(c *cli.Context) (screenOptions, error) {
	o := screenOptions{details: c.Bool("details"), service: c.String("service"), noColor: c.Bool("no-color")}
	if o.service != "" && c.String("format") != "table" {
		return o, usagef("--service shows one service in the table format, not %s (the other formats hold every service)", c.String("format"))
	}
	return o, nil
}

// forOutput is the report's Screen for output to out: the width and
// colour come from internal/terminal, the inputs as the user typed them.
func (o screenOptions) forOutput(c *cli.Context, out io.Writer) reports.Screen {
	return reports.Screen{
		Width:   terminal.Width(out, os.Getenv),
		Colour:  terminal.Colour(out, os.Getenv, o.noColor),
		Details: o.details,
		Service: o.service,
		Inputs:  inputsAsTyped(c),
	}
}

// inputsAsTyped names the inputs for the next commands the screen
// suggests: the paths, or --aws with the flags that chose the estate.
func inputsAsTyped(c *cli.Context) string {
	if !c.Bool("aws") {
		var out []string
		for _, p := range c.Args().Slice() {
			out = append(out, shellWord(p))
		}
		return strings.Join(out, " ")
	}
	out := []string{"--aws"}
	for _, name := range []string{"profile", "role-arn", "org-role-name"} {
		if v := c.String(name); v != "" {
			out = append(out, "--"+name, shellWord(v))
		}
	}
	if r := c.StringSlice("regions"); len(r) > 0 {
		out = append(out, "--regions", shellWord(strings.Join(r, ",")))
	}
	if c.Bool("all-regions") {
		out = append(out, "--all-regions")
	}
	for _, cl := range c.StringSlice("cluster") {
		out = append(out, "--cluster", shellWord(cl))
	}
	return strings.Join(out, " ")
}

// shellWord quotes s for a POSIX shell when it holds anything but
// letters, digits and the usual path characters.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:,=@+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fitted is out for the cost, report, pricing and rules commands: their
// tables fit the terminal's width (or COLUMNS); piped, out as it is.
func fitted(out io.Writer) io.Writer {
	return reports.FitTo(out, terminal.Width(out, os.Getenv))
}
