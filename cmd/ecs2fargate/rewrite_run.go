package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/textdiff"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

func runRewrite(c *cli.Context, opts rewriteOptions, s streams) error {
	f, diags, err := loadSource(c, s)
	if err != nil {
		return err
	}
	// A subnet or security group of another VPC or region would make every
	// request of that cluster fail at AWS: refuse before writing anything.
	if err := opts.svc.Network.Check(f); err != nil {
		return err
	}
	run := rewriteFleet(f, opts)
	if iacInputs(f) {
		return runIaCRewrite(f, run, opts, s, diags)
	}
	if opts.write {
		return usagef("--write edits Terraform and CloudFormation inputs in place; these inputs are AWS CLI JSON (use --out DIR)")
	}
	files, err := outputFiles(run.report)
	if err != nil && opts.out != "" {
		return err
	}
	switch {
	case opts.check:
	case opts.out != "":
		plan := runbook.Build(f, run.report, opts.svc.SpotWeight > 0)
		if err := writeOutputs(opts.out, files, run.report, plan); err != nil {
			return err
		}
	case opts.diff:
	default:
		if err := writeStdout(s, run.report); err != nil {
			return err
		}
	}
	if opts.diff {
		if err := writeDiffs(s.out, run); err != nil {
			return err
		}
	}
	if err := reports.RenderRewriteSummary(s.err, run.report); err != nil {
		return err
	}
	if err := rewriteOutcome(run.report, opts, inputFailure(diags)); err != nil {
		return err
	}
	return partial(f)
}

// writeStdout prints the one task definition's document; several need --out.
func writeStdout(s streams, r *rewrite.Report) error {
	if n := len(r.TaskDefinitions); n != 1 {
		if n == 0 && len(r.Services) == 0 {
			return nil
		}
		return usagef("the inputs hold %d task definitions and %d services; name an output directory with --out DIR", n, len(r.Services))
	}
	if doc := r.TaskDefinitions[0].Document; doc != nil {
		if _, err := fmt.Fprintf(s.out, "%s\n", doc); err != nil {
			return err
		}
	}
	if n := len(r.Services); n > 0 {
		fmt.Fprintf(s.err, "%d service(s) rewritten but not written: their documents need --out DIR\n", n)
	}
	return nil
}

func writeDiffs(w io.Writer, run *rewriteRun) error {
	for _, t := range run.report.TaskDefinitions {
		if t.Document == nil {
			continue
		}
		original, err := run.original[t.Key].Bytes()
		if err != nil {
			return err
		}
		before := redactValues(string(rewrite.StartingDocument(original)) + "\n")
		d := textdiff.Unified(t.Source+" ("+t.Key+")", t.Key+" on Fargate", before, redactValues(string(t.Document)+"\n"))
		if _, err := io.WriteString(w, d); err != nil {
			return err
		}
	}
	return nil
}

// valueMember matches "value": "..." members: environment variables (and
// tags), whose values a diff printed to a terminal or CI log must not show.
// The rewrite never changes them, so the diff loses nothing.
var valueMember = regexp.MustCompile(`("value"\s*:\s*)"(?:[^"\\]|\\.)*"`)

func redactValues(s string) string { return valueMember.ReplaceAllString(s, `$1"(value not shown)"`) }

// rewriteOutcome picks the exit: 1 for inputs that could not be read or
// rewritten, 2 for --check with changes or for definitions left blocked.
func rewriteOutcome(r *rewrite.Report, opts rewriteOptions, inputErr error) error {
	if len(r.Errors) > 0 {
		return codeError{code: exitError, msg: fmt.Sprintf("%d input(s) could not be rewritten:\n  %s", len(r.Errors), strings.Join(r.Errors, "\n  "))}
	}
	if inputErr != nil {
		return inputErr
	}
	if opts.check && r.Changed() {
		return codeError{code: exitFindings, msg: "the rewrite would change the inputs (--check)"}
	}
	blocked := 0
	for _, t := range r.TaskDefinitions {
		if t.Blocked && !t.Forced {
			blocked++
		}
	}
	if blocked > 0 && !opts.check {
		return codeError{code: exitFindings, msg: fmt.Sprintf("%d task definition(s) blocked and not rewritten (see remaining; --force writes them anyway)", blocked)}
	}
	return nil
}
