package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func snapshotCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "snapshot",
		Usage:     "gather inputs into one snapshot file (docs/snapshot.md) to audit, rewrite or price later",
		ArgsUsage: "PATH... (files, directories, or - for stdin)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Required: true, Usage: "write the snapshot to `FILE` (atomically)"},
		},
		Action: func(c *cli.Context) error {
			f, diags, err := loadFleet(c.Context, c.Args().Slice(), s)
			if err != nil {
				return err
			}
			meta := fleet.SnapshotMeta{GeneratedBy: "ecs2fargate " + version}
			err = atomicfile.Write(c.String("out"), 0o644, func(w io.Writer) error {
				return fleet.WriteSnapshot(w, f, meta)
			})
			if err != nil {
				return err
			}
			return inputFailure(diags)
		},
	}
}
