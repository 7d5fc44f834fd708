package main

import (
	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/discover"
	"github.com/ecs2fargate/ecs2fargate/internal/migrate"
)

func iamPolicyCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "iam-policy",
		Usage: "print the least-privilege, read-only IAM policy that --aws needs (--migrate: the policy migrate needs)",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "migrate", Usage: "print the policy of the calls `ecs2fargate migrate` makes, writes included"},
		},
		Action: func(c *cli.Context) error {
			if c.Bool("migrate") {
				_, err := s.out.Write(migrate.IAMPolicy())
				return err
			}
			_, err := s.out.Write(discover.IAMPolicy())
			return err
		},
	}
}
