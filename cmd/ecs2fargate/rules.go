package main

import (
	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

func rulesCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rule catalogue",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "table, json or markdown"},
		},
		Action: func(c *cli.Context) error {
			return reports.RenderRules(fitted(s.out), c.String("format"), analyzer.Rules())
		},
		Subcommands: []*cli.Command{{
			Name:      "explain",
			Usage:     "explain one rule: why it matters on Fargate, what to do, sources",
			ArgsUsage: "RULE-ID",
			Action: func(c *cli.Context) error {
				if c.NArg() != 1 {
					return usagef("rules explain takes one rule ID")
				}
				r, ok := analyzer.Lookup(c.Args().First())
				if !ok {
					return usagef("unknown rule %q (see `ecs2fargate rules`)", c.Args().First())
				}
				return reports.ExplainRule(s.out, r)
			},
		}},
	}
}
