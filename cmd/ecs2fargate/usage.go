package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"
)

// prepare finishes the app for one run: help wrapped to the width of its
// reader, --version as `ecs2fargate version` prints it, and on every
// command one-line usage errors and flag values checked before any work.
// (urfave/cli keeps its printers in package variables; they are set here,
// once per run, to the same functions.)
// It returns where the full name of the command that ran is recorded,
// for the hint of usage errors its action returns.
func prepare(app *cli.App, args []string) *string {
	ran := new(string)
	cli.HelpPrinter = wrappedHelpPrinter
	cli.VersionPrinter = printVersion
	app.OnUsageError = usageErrorFrom(args)
	var walk func(cmds []*cli.Command)
	walk = func(cmds []*cli.Command) {
		for _, c := range cmds {
			c.OnUsageError = usageErrorFrom(args)
			required := takeRequired(c.Flags)
			before := c.Before
			c.Before = func(ctx *cli.Context) error {
				*ran = ctx.Command.HelpName
				if err := checkRequired(ctx, required); err != nil {
					return err
				}
				if err := checkFlagValues(ctx); err != nil {
					return err
				}
				if before != nil {
					return before(ctx)
				}
				return nil
			}
			walk(c.Subcommands)
		}
	}
	walk(app.Commands)
	return ran
}

// withCommand names the command that ran in a usage error that names none.
func withCommand(err error, command string) error {
	var ue usageError
	if errors.As(err, &ue) && ue.command == "" && command != "" {
		ue.command = command
		return ue
	}
	return err
}

// takeRequired clears the Required mark of the flags that have it and
// returns their names: urfave/cli prints the whole help to stdout with a
// missing required flag, so checkRequired says it in one line instead.
func takeRequired(flags []cli.Flag) []string {
	var names []string
	for _, f := range flags {
		if sf, ok := f.(*cli.StringFlag); ok && sf.Required {
			sf.Required = false
			names = append(names, sf.Name)
		}
	}
	return names
}

func checkRequired(c *cli.Context, names []string) error {
	for _, n := range names {
		if !c.IsSet(n) {
			return usageError{msg: "--" + n + " is required", command: c.Command.HelpName}
		}
	}
	return nil
}

// rootAction runs when no command is named: help, or an unknown command.
func rootAction(c *cli.Context) error {
	if c.NArg() > 0 {
		var names []string
		for _, cmd := range c.App.VisibleCommands() {
			names = append(names, cmd.Name)
		}
		return usageError{msg: fmt.Sprintf("unknown command %q; the commands are %s", c.Args().First(), strings.Join(names, ", "))}
	}
	return cli.ShowAppHelp(c)
}

// flagInError finds the flag the flag package names in its errors
// (always with one dash, whatever was typed).
var flagInError = regexp.MustCompile(`(?:provided but not defined: |needs an argument: |for flag |bad flag syntax: )-{1,2}([^\s:=]+)`)

// usageErrorFrom turns urfave/cli's usage errors into one line naming
// the flag as typed (--bogus, not -bogus) and the command's help. Nothing
// goes to standard output: `audit --bogus --format json . > audit.json`
// must not fill the JSON file with help text.
func usageErrorFrom(args []string) cli.OnUsageErrorFunc {
	return func(c *cli.Context, err error, _ bool) error {
		command := "ecs2fargate"
		if c.Command != nil && c.Command.HelpName != "" {
			command = c.Command.HelpName
		}
		msg := err.Error()
		if m := flagInError.FindStringSubmatch(msg); m != nil {
			typed := typedFlag(args, m[1])
			switch {
			case strings.Contains(msg, "provided but not defined"):
				msg = "unknown flag " + typed
			case strings.Contains(msg, "needs an argument"):
				msg = typed + " needs a value"
			default:
				msg = strings.Replace(msg, "flag -"+m[1], "flag "+typed, 1)
			}
		}
		return usageError{msg: msg, command: command}
	}
}

// typedFlag is how the user wrote the flag name: the argument that names
// it, with its dashes, without any =value.
func typedFlag(args []string, name string) string {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			continue
		}
		flag, _, _ := strings.Cut(a, "=")
		if strings.TrimLeft(flag, "-") == name {
			return flag
		}
	}
	return "--" + name
}

// wrappedHelpPrinter is urfave/cli's help, every line wrapped to the
// width of w.
func wrappedHelpPrinter(w io.Writer, templ string, data any) {
	var buf bytes.Buffer
	cli.HelpPrinterCustom(&buf, templ, data, nil)
	_, _ = io.WriteString(w, wrapHelp(buf.String(), helpWidth(w)))
}
