package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/textdiff"
	"github.com/ecs2fargate/ecs2fargate/reports"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
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
	if iacInputs(f) {
		return runIaCRewrite(f, rewriteFleet(f, opts), opts, s, diags)
	}
	if opts.write {
		return usagef("--write edits Terraform and CloudFormation inputs in place; these inputs are AWS CLI JSON (use --out DIR)")
	}
	var tally rewriteTally
	switch {
	case opts.out != "":
		if tally, err = rewriteOut(f, opts, s); err != nil {
			return err
		}
	case opts.check: // alone: it takes no --out, --diff or --write
		tally = rewriteCheck(f, opts)
	default:
		run := rewriteFleet(f, opts)
		if !opts.diff {
			if err := writeStdout(s, run.report); err != nil {
				return err
			}
		}
		if opts.diff {
			if err := writeDiffs(s.out, run); err != nil {
				return err
			}
		}
		tally = tallyOf(run.report)
	}
	if err := reports.RenderRewriteSummaryRows(s.err, tally.rows, tally.errors); err != nil {
		return err
	}
	if err := rewriteOutcome(tally, opts, inputFailure(diags)); err != nil {
		return err
	}
	return partial(f)
}

// rewriteOut is rewrite --out DIR of AWS CLI JSON inputs: the file names
// are decided from the inputs, then each result is written as it is
// produced (outWriter). With --diff the results are kept for the diffs,
// printed after the files are written.
func rewriteOut(f *fleet.Fleet, opts rewriteOptions, s streams) (rewriteTally, error) {
	names := namesOfFleet(f)
	if err := checkFleetNames(f, names); err != nil {
		return rewriteTally{}, err
	}
	w, err := newOutWriter(opts.out, f, names, textNamesOfFleet(f), opts.svc.SpotWeight > 0)
	if err != nil {
		return rewriteTally{}, err
	}
	var run *rewriteRun
	if opts.diff {
		run = rewriteFleet(f, opts)
		err = feedOut(w, run.report)
	} else {
		err = rewriteEach(f, opts, rewriteSink{
			taskDefinition: func(_ *fleet.TaskDefinition, res *rewrite.Result) error { return w.taskDefinition(res) },
			failed:         w.failed,
			service:        w.service,
		})
	}
	if err != nil {
		w.abort()
		return rewriteTally{}, err
	}
	if err := w.finish(); err != nil {
		return rewriteTally{}, err
	}
	if run != nil {
		if err := writeDiffs(s.out, run); err != nil {
			return rewriteTally{}, err
		}
	}
	return w.tally, nil
}

// rewriteCheck is rewrite --check: each result is counted and dropped.
func rewriteCheck(f *fleet.Fleet, opts rewriteOptions) rewriteTally {
	var tally rewriteTally
	text := textNamesOfFleet(f)
	rewriteEach(f, opts, rewriteSink{ //nolint:errcheck // the sink never fails
		taskDefinition: func(_ *fleet.TaskDefinition, res *rewrite.Result) error {
			tally.taskDefinition(text, res)
			return nil
		},
		failed: func(err error) { tally.errors = append(tally.errors, err.Error()) },
		service: func(res *rewrite.ServiceResult) error {
			tally.service(text, res)
			return nil
		},
	})
	return tally
}

// feedOut writes a whole report's results through w, as rewriteEach
// would have handed them over.
func feedOut(w *outWriter, r *rewrite.Report) error {
	w.tally.errors = append(w.tally.errors, r.Errors...)
	for i := range r.TaskDefinitions {
		if err := w.taskDefinition(&r.TaskDefinitions[i]); err != nil {
			return err
		}
	}
	for i := range r.Services {
		if err := w.service(&r.Services[i]); err != nil {
			return err
		}
	}
	return nil
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
func rewriteOutcome(t rewriteTally, opts rewriteOptions, inputErr error) error {
	if len(t.errors) > 0 {
		return codeError{code: exitError, msg: fmt.Sprintf("%d input(s) could not be rewritten:\n  %s", len(t.errors), strings.Join(t.errors, "\n  "))}
	}
	if inputErr != nil {
		return inputErr
	}
	if opts.check && t.changed {
		return codeError{code: exitFindings, msg: "the rewrite would change the inputs (--check)"}
	}
	if t.blocked > 0 && !opts.check {
		return codeError{code: exitFindings, msg: fmt.Sprintf("%d task definition(s) blocked and not rewritten (see remaining; --force writes them anyway)", t.blocked)}
	}
	return nil
}
