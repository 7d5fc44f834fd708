package main

import (
	"context"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/discover"
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
