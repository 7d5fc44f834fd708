package main

import (
	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/discover"
)

func iamPolicyCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "iam-policy",
		Usage: "print the least-privilege, read-only IAM policy that --aws needs",
		Action: func(c *cli.Context) error {
			_, err := s.out.Write(discover.IAMPolicy())
			return err
		},
	}
}
