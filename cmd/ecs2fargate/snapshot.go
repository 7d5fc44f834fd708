package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// partial is the exit-3 error for a fleet with parts that could not be
// read (live discovery gaps, also when carried in a snapshot).
func partial(f *fleet.Fleet) error {
	if len(f.Gaps) == 0 {
		return nil
	}
	return codeError{code: exitPartial, msg: fmt.Sprintf("partial: %d part(s) of the estate could not be read (listed above and in the report's gaps)", len(f.Gaps))}
}

func snapshotCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "snapshot",
		Usage:     "gather inputs into one snapshot file, or a live sweep into one file per account-region (docs/snapshot.md), to audit, rewrite or price later",
		ArgsUsage: "PATH... (files, directories, or - for stdin) | --aws",
		Flags: append(append(sourceFlags(),
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the snapshot to `FILE` (atomically)"},
		), snapshotPartFlags()...),
		Action: func(c *cli.Context) error {
			if err := checkPartFlags(c); err != nil {
				return err
			}
			c.Context = withOutDir(c.Context, c)
			if c.String("out") == "" {
				return sweepToDir(c, s)
			}
			f, diags, err := loadSource(c, s)
			if err != nil {
				return err
			}
			if out := c.String("out"); out != "" {
				meta := fleet.SnapshotMeta{GeneratedBy: "ecs2fargate " + version}
				err = atomicfile.Write(out, 0o644, func(w io.Writer) error {
					return fleet.WriteSnapshot(w, f, meta)
				})
				if err != nil {
					return err
				}
			}
			if err := inputFailure(diags); err != nil {
				return err
			}
			return partial(f)
		},
	}
}
