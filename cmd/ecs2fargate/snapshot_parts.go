package main

import (
	"context"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/discover"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// snapshotPartFlags write a live sweep one account-region per file, and
// resume one (docs/snapshot.md, "One file per account-region").
func snapshotPartFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "out-dir", Usage: "with --aws: write one snapshot per account-region into `DIR` as each is read, so an interrupted sweep keeps what it finished"},
		&cli.BoolFlag{Name: "resume", Usage: "with --out-dir: take the account-regions already finished in DIR instead of reading them again"},
		&cli.DurationFlag{Name: "resume-max-age", Value: 24 * time.Hour, Usage: "with --resume: read again an account-region finished longer ago than this (0: any age)"},
	}
}

// outDirKey marks the context of a sweep into --out-dir, so that an
// interruption says what was kept.
type outDirKey struct{}

// partDir is the --out-dir of the snapshot command, or nil.
func partDir(c *cli.Context) *discover.PartDir {
	dir := c.String("out-dir")
	if dir == "" {
		return nil
	}
	return &discover.PartDir{Dir: dir, Resume: c.Bool("resume"), MaxAge: c.Duration("resume-max-age")}
}

// checkPartFlags rejects combinations that cannot mean anything.
func checkPartFlags(c *cli.Context) error {
	switch {
	case c.String("out") == "" && c.String("out-dir") == "":
		return usagef("--out is required (or --out-dir DIR with --aws, or both)")
	case c.String("out-dir") != "" && !c.Bool("aws"):
		return usagef("--out-dir writes a live sweep one account-region per file: it needs --aws (for files, use --out)")
	case c.Bool("resume") && c.String("out-dir") == "":
		return usagef("--resume needs --out-dir DIR, the directory of the sweep to resume")
	}
	return nil
}

// withOutDir marks ctx when the sweep writes into --out-dir.
func withOutDir(ctx context.Context, c *cli.Context) context.Context {
	if dir := c.String("out-dir"); dir != "" {
		return context.WithValue(ctx, outDirKey{}, dir)
	}
	return ctx
}

// sweepToDir is `snapshot --aws --out-dir DIR` without --out: the sweep is
// written one account-region per file and never gathered in memory, so
// what it holds at once is the account-regions being read. The gaps are
// read back from the files that have them, to be reported and to exit 3.
func sweepToDir(c *cli.Context, s streams) error {
	ctx := c.Context
	targets, gaps, opts, err := liveSetup(ctx, c, s, c.Int("concurrency"))
	if err != nil {
		return err
	}
	var last discover.Progress
	show := opts.Progress
	opts.Progress = func(p discover.Progress) {
		last = p
		if show != nil {
			show(p)
		}
	}
	parts, err := discover.Sweep(ctx, targets, opts)
	if err != nil || ctx.Err() != nil {
		return interruptedOr(ctx, err)
	}
	if _, err := opts.Parts.WriteAccountGaps(gaps); err != nil {
		return err
	}
	var withGaps []string
	for _, p := range parts {
		if p.Gaps > 0 {
			withGaps = append(withGaps, p.Path)
		}
	}
	all := fleet.Fleet{Gaps: gaps}
	if len(withGaps) > 0 {
		f, diags := fleet.Load(ctx, withGaps, nil)
		printDiagnostics(s.err, diags)
		all.Gaps = append(all.Gaps, f.Gaps...)
	}
	for _, g := range all.Gaps {
		fmt.Fprintf(s.err, "not read: %s: %s\n", g.Scope, g.Reason)
	}
	if last.Clusters == 0 && last.Resumed == 0 && len(all.Gaps) == 0 {
		return nothingFound(opts.Regions, c.StringSlice("cluster"))
	}
	return partial(&all)
}
