package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// intRange is the valid range of a whole-number flag.
type intRange struct {
	min, max int
	why      string // what the bounds are, for the message
}

// intFlagRanges are checked before a command does any work or network
// call, on every command that has the flag. (--memory-headroom and
// --task-starts-per-month are checked as early by the options they fill:
// rewrite.Options.Validate and pricing.Options.Validate.)
var intFlagRanges = map[string]intRange{
	"concurrency":     {1, 64, ""},
	"account-regions": {1, 4096, "account-regions read at once"},
	"metrics-days":    {0, 455, "0 skips; CloudWatch keeps about 15 months"},
	"spot-weight":     {0, rewrite.MaxStrategyWeight, "an ECS capacity provider strategy weight; 0 = no Spot"},
}

// checkFlagValues validates the values of the command's flags that are
// set, so that `rewrite --spot-weight -1` fails at once and
// `audit --aws --metrics-days 1000` before reaching AWS.
func checkFlagValues(c *cli.Context) error {
	for _, name := range c.FlagNames() {
		r, ok := intFlagRanges[name]
		if !ok || !c.IsSet(name) {
			continue
		}
		if v := c.Int(name); v < r.min || v > r.max {
			msg := "--%s %d is out of range: valid range %d to %d"
			if r.why != "" {
				msg += " (" + r.why + ")"
			}
			return usageError{msg: fmt.Sprintf(msg, name, v, r.min, r.max), command: c.Command.HelpName}
		}
	}
	if c.Command.Name == "audit" && c.IsSet("format") {
		if f := c.String("format"); !slices.Contains(reports.AuditFormats(), f) {
			return usageError{msg: fmt.Sprintf("--format %q: want %s", f, strings.Join(reports.AuditFormats(), ", ")), command: c.Command.HelpName}
		}
	}
	return nil
}
