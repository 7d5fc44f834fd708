package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/heapgoal"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

// auditOptions is everything the audit command needs, read from flags.
type auditOptions struct {
	paths  []string
	format string
	failOn analyzer.Severity // 0 = never fail on findings
	rules  analyzer.Options
	screen screenOptions
	// detailsFile is --details-file (Markdown only); empty = none.
	detailsFile string
}

func auditCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "audit",
		Usage:     "report every Fargate blocker and difference, with a verdict per task definition and service",
		ArgsUsage: "PATH... (files, directories, or - for stdin) | --aws",
		Flags: append(append(sourceFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: " + strings.Join(reports.AuditFormats(), ", ")}),
			append(ruleFlags(), append(screenFlags(), detailsFileFlag())...)...),
		Action: func(c *cli.Context) error {
			opts, err := readAuditOptions(c)
			if err != nil {
				return err
			}
			return runAudit(c, opts, s)
		},
	}
}

// ruleFlags choose the rules and the exit threshold; audit and report share them.
func ruleFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "fail-on", Value: "blocker", Usage: "exit 2 when a finding is at or above this severity: blocker, fixable, warning, info or none"},
		&cli.StringSliceFlag{Name: "rule", Usage: "run only this rule `ID` (repeatable)"},
		&cli.StringSliceFlag{Name: "skip-rule", Usage: "do not run this rule `ID` (repeatable)"},
	}
}

func readAuditOptions(c *cli.Context) (auditOptions, error) {
	opts := auditOptions{
		paths:  c.Args().Slice(),
		format: c.String("format"),
		rules:  analyzer.Options{Only: c.StringSlice("rule"), Skip: c.StringSlice("skip-rule")},
	}
	failOn, err := parseFailOn(c.String("fail-on"))
	if err != nil {
		return opts, err
	}
	opts.failOn = failOn
	if opts.screen, err = readScreenOptions(c); err != nil {
		return opts, err
	}
	opts.detailsFile, err = detailsFile(c)
	return opts, err
}

func parseFailOn(v string) (analyzer.Severity, error) {
	if strings.EqualFold(v, "none") {
		return 0, nil
	}
	sev, err := analyzer.ParseSeverity(v)
	if err != nil {
		return 0, usagef("--fail-on %q: want blocker, fixable, warning, info or none", v)
	}
	return sev, nil
}

func runAudit(c *cli.Context, opts auditOptions, s streams) error {
	f, diags, err := loadSource(c, s)
	if err != nil {
		return err
	}
	// What the audit will hold until its output is written is coming
	// anyway: the collector need not mark the model for each quarter of it.
	heapgoal.Reserve(analyzer.HeldBytes(f))
	res, err := analyzer.Audit(f, opts.rules)
	if err != nil {
		return usagef("%v", err)
	}
	report := reports.NewAudit(version, res, f, diags)
	report.Locate = locateIn(f)
	report.Screen = opts.screen.forOutput(c, s.out)
	if opts.detailsFile != "" {
		report.DetailsFile = detailsLink(opts.detailsFile)
		if err := writeDetailsFile(opts.detailsFile, func(w io.Writer) error { return reports.RenderAuditMarkdownDetails(w, report) }); err != nil {
			return err
		}
	}
	if err := reports.RenderAudit(s.out, opts.format, report); err != nil {
		return err
	}
	return auditExit(f, diags, res, opts.failOn)
}

// auditExit is the error that sets the exit code of a command that audited
// the fleet, after its output is written: input errors first, then
// findings at or above --fail-on, then parts of the estate not read or
// services that could not be judged.
func auditExit(f *fleet.Fleet, diags []fleet.Diagnostic, res *analyzer.Result, failOn analyzer.Severity) error {
	if err := inputFailure(diags); err != nil {
		return err
	}
	if err := findingsAtOrAbove(res.Findings, failOn); err != nil {
		return err
	}
	if err := partial(f); err != nil {
		return err
	}
	return unjudged(res.Verdicts)
}

// unjudged is the exit-3 error when a service's verdict is unknown (its
// task definition is not among the inputs, or its platform cannot be
// decided): a pipeline gate must not pass a service nobody could check,
// whatever --fail-on says.
func unjudged(verdicts []analyzer.Verdict) error {
	absent, undecided := analyzer.UnjudgedServices(verdicts)
	var why []string
	if absent > 0 {
		why = append(why, fmt.Sprintf("%d with task definitions not among the inputs", absent))
	}
	if undecided > 0 {
		why = append(why, fmt.Sprintf("%d whose platform (Linux or Windows) the inputs do not decide (platform-unknown)", undecided))
	}
	if len(why) == 0 {
		return nil
	}
	return codeError{code: exitPartial, msg: fmt.Sprintf("partial: %d service(s) could not be judged (verdict unknown): %s", absent+undecided, strings.Join(why, "; "))}
}

// findingsAtOrAbove returns the exit-2 error when a finding reaches the
// --fail-on threshold.
func findingsAtOrAbove(findings *analyzer.Findings, threshold analyzer.Severity) error {
	if threshold == 0 {
		return nil
	}
	n := 0
	for sev := range findings.Severities() {
		if sev >= threshold {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return codeError{code: exitFindings, msg: fmt.Sprintf("%d finding(s) at or above %s (--fail-on)", n, threshold)}
}
