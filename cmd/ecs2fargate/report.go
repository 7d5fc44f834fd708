package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

// reportOptions is everything the report command needs, read from flags.
type reportOptions struct {
	audit auditOptions
	cost  pricing.Options
	out   string // directory for every format; empty = one format to stdout
	now   string // the timestamp to print; empty = none
}

func reportCommand(s streams) *cli.Command {
	flags := append(sourceFlags(), ruleFlags()...)
	flags = append(flags, costFlags()...)
	flags = append(flags,
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: " + strings.Join(reports.ReportFormats(), ", ")},
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write every format into `DIR` (report.html, report.md and report-details.md, report.json, report.csv, report.txt) instead of one format to stdout"},
		detailsFileFlag(),
		&cli.GenericFlag{Name: "now", Value: &nowFlag{}, Usage: "stamp the report with the current time, or with a given RFC 3339 time as --now=2026-11-30T12:00:00Z (default: no timestamp, so reports of the same inputs are identical)"},
	)
	return &cli.Command{
		Name:      "report",
		Usage:     "migration report: audit, rewrite preview and cost in one document (HTML for people, Markdown for pull requests, CSV, JSON)",
		ArgsUsage: "PATH... (files, directories, or - for stdin) | --aws",
		Flags:     flags,
		Action: func(c *cli.Context) error {
			opts, err := readReportOptions(c)
			if err != nil {
				return err
			}
			return runReport(c, opts, s)
		},
	}
}

func readReportOptions(c *cli.Context) (reportOptions, error) {
	var opts reportOptions
	var err error
	if opts.audit, err = readAuditOptions(c); err != nil {
		return opts, err
	}
	if opts.cost, err = readCostOptions(c); err != nil {
		return opts, err
	}
	if !slices.Contains(reports.ReportFormats(), opts.audit.format) {
		return opts, usagef("--format %q: want %s", opts.audit.format, strings.Join(reports.ReportFormats(), ", "))
	}
	opts.out = c.String("out")
	if n, ok := c.Generic("now").(*nowFlag); ok {
		opts.now = n.stamp()
	}
	return opts, nil
}

func runReport(c *cli.Context, opts reportOptions, s streams) error {
	f, diags, err := loadSource(c, s)
	if err != nil {
		return err
	}
	res, err := analyzer.Audit(f, opts.audit.rules)
	if err != nil {
		return usagef("%v", err)
	}
	applyAudit(&opts.cost, f, res)
	book, err := loadBook(c.String("price-file"), s)
	if err != nil {
		return err
	}
	cmp, err := priceFleet(c, f, book, opts.cost, s)
	if err != nil {
		return err
	}
	audit := reports.NewAudit(version, res, f, diags)
	audit.Screen.Inputs = inputsAsTyped(c)
	cost := reports.NewCost(version, cmp, f, diags)
	preview := newReportPreview(f, previewOptions(opts.cost), res)
	if opts.out != "" {
		if err := writeReportFiles(opts.out, audit, cost, preview, opts.now); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "wrote %s to %s\n", strings.Join(reportFileNames(), ", "), opts.out)
		return auditExit(f, diags, res, opts.audit.failOn)
	}
	if err := writeReportTo(fitted(s.out), opts.audit.format, opts.audit.detailsFile, audit, cost, preview, opts.now); err != nil {
		return err
	}
	return auditExit(f, diags, res, opts.audit.failOn)
}
