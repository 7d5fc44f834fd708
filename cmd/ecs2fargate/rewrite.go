package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// rewriteOptions are the rewrite command's flags, read and checked.
type rewriteOptions struct {
	out         string
	diff, check bool
	write       bool // IaC inputs: edit the files in place
	td          rewrite.Options
	svc         rewrite.ServiceOptions
}

func rewriteCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "rewrite",
		Usage: "write the Fargate version of each task definition and service, with every change explained",
		Description: "Reads the same inputs as audit. Each task definition becomes a register-task-definition request\n" +
			"(<family>.taskdef.json); each service an update-service request, create-target-group requests for ip\n" +
			"target groups and, when it cannot move in place, a create-service request. changes.json and\n" +
			"changes.md list every change with its rule ID, and what remains to do by hand.",
		ArgsUsage: "PATH... (files, directories, or - for stdin) | --aws",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the documents, changes.json and changes.md into `DIR` (needed unless the inputs hold one task definition)"},
			&cli.BoolFlag{Name: "diff", Usage: "print a unified diff of each input task definition and its rewrite; for Terraform and CloudFormation inputs, of each edited file (the default for them)"},
			&cli.BoolFlag{Name: "write", Usage: "Terraform and CloudFormation inputs: edit the files in place (atomically; nothing is written if any file changed since it was read)"},
			&cli.BoolFlag{Name: "check", Usage: "write nothing; exit 2 if anything would change or stays blocked, 0 if nothing"},
			&cli.BoolFlag{Name: "force", Usage: "rewrite task definitions that keep a blocker (the change list says so first)"},
			&cli.StringFlag{Name: "execution-role-arn", Usage: "execution role `ARN` to add where awslogs, private ECR or secrets need one (default: ecsTaskExecutionRole in the task definition's account)"},
			&cli.StringFlag{Name: "log-group", Value: rewrite.DefaultLogGroupTemplate, Usage: "awslogs group `TEMPLATE` for converted or added log configurations; {family} and {container} are replaced"},
			&cli.StringFlag{Name: "log-region", Usage: "awslogs `REGION` (default: the Region in the task definition's ARN, else its services' or ECR images')"},
			&cli.StringFlag{Name: "log-stream-prefix", Value: rewrite.DefaultLogStreamPrefix, Usage: "awslogs-stream-prefix `TEMPLATE`; {family} and {container} are replaced"},
			&cli.IntFlag{Name: "memory-headroom", Value: 0, Usage: "`PERCENT` of memory added before choosing a Fargate size, [0, 100] (with --size-from usage: added to the measured maximum, default 20)"},
			&cli.StringFlag{Name: "size-from", Value: rewrite.SizeFromReservation, Usage: "task size from `WHAT`: reservation (what the task reserved on EC2) or usage (its services' measured use, from CloudWatch)"},
			cpuHeadroomFlag(),
			&cli.StringSliceFlag{Name: "registry-credentials", Usage: "`REGISTRY=SECRET_ARN`: set repositoryCredentials for images from a private registry (repeatable)"},
			&cli.GenericFlag{Name: "subnets", Value: &occurrences{}, Usage: "subnet `IDS` for the services' tasks, comma-separated; CLUSTER=IDS, ACCOUNT/REGION/*=IDS or ACCOUNT/REGION/CLUSTER=IDS for those clusters only (repeatable; default: the subnets of the cluster's instances)"},
			&cli.GenericFlag{Name: "security-groups", Value: &occurrences{}, Usage: "security group `IDS` for the services' tasks, comma-separated; CLUSTER=IDS, ACCOUNT/REGION/*=IDS or ACCOUNT/REGION/CLUSTER=IDS for those clusters only (repeatable)"},
			&cli.StringFlag{Name: "network", Usage: "JSON `FILE` of subnets and security groups per cluster: {\"CLUSTER or ACCOUNT/REGION/CLUSTER\": {\"subnets\": [...], \"securityGroups\": [...]}}"},
			&cli.BoolFlag{Name: "assign-public-ip", Usage: "give each task a public IPv4 address (assignPublicIp ENABLED)"},
			&cli.IntFlag{Name: "spot-weight", Value: 0, Usage: "`WEIGHT` of FARGATE_SPOT beside FARGATE (weight 1, base 1); 0 = no Spot"},
		}, sourceFlags()...),
		Action: func(c *cli.Context) error {
			opts, err := readRewriteOptions(c)
			if err != nil {
				return err
			}
			return runRewrite(c, opts, s)
		},
	}
}

func readRewriteOptions(c *cli.Context) (rewriteOptions, error) {
	o := rewriteOptions{out: c.String("out"), diff: c.Bool("diff"), check: c.Bool("check"), write: c.Bool("write")}
	o.td = rewrite.Options{
		ExecutionRoleARN: c.String("execution-role-arn"), LogGroupTemplate: c.String("log-group"),
		LogRegion: c.String("log-region"), LogStreamPrefix: c.String("log-stream-prefix"),
		MemoryHeadroomPct: c.Int("memory-headroom"), Force: c.Bool("force"),
		SizeFrom: c.String("size-from"),
	}
	rs, err := readRightsize(c)
	if err != nil {
		return o, err
	}
	o.td.Rightsize = rs
	creds, err := registryCredentials(c.StringSlice("registry-credentials"))
	if err != nil {
		return o, err
	}
	o.td.RegistryCredentials = creds
	if err := o.td.Validate(); err != nil {
		return o, usagef("%v", err)
	}
	network, err := readNetworkChoices(c)
	if err != nil {
		return o, err
	}
	o.svc = rewrite.ServiceOptions{
		Network:        network,
		AssignPublicIP: c.Bool("assign-public-ip"), SpotWeight: c.Int("spot-weight"), Force: c.Bool("force"),
	}
	if o.check && (o.out != "" || o.diff || o.write) {
		return o, usagef("--check writes nothing; it cannot be combined with --out, --diff or --write")
	}
	if o.write && o.out != "" {
		return o, usagef("--write edits the inputs in place and --out writes a copy: choose one")
	}
	return o, nil
}

func registryCredentials(pairs []string) (map[string]string, error) {
	m := map[string]string{}
	for _, p := range pairs {
		reg, arn, ok := strings.Cut(p, "=")
		if !ok || reg == "" || !strings.HasPrefix(arn, "arn:") {
			return nil, usagef("--registry-credentials %q: want REGISTRY=SECRET_ARN", p)
		}
		m[reg] = arn
	}
	return m, nil
}
