package main

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

func costCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:      "cost",
		Usage:     "compare what services cost on EC2 now (idle capacity included) with every Fargate option",
		ArgsUsage: "PATH... (files, directories, or - for stdin) | --aws",
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: " + strings.Join(reports.CostFormats(), ", ")},
		}, costFlags()...), sourceFlags()...),
		Action: func(c *cli.Context) error {
			opts, err := readCostOptions(c)
			if err != nil {
				return err
			}
			return runCost(c, opts, s)
		},
	}
}

// costFlags are the pricing options cost and report share.
func costFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "region", Usage: "price everything in this `REGION` (default: each resource's ARN region, else the AWS config region)"},
		&cli.StringFlag{Name: "hours-per-month", Value: "730", Usage: "`HOURS` in a month, (0, 744]"},
		&cli.StringFlag{Name: "spot-share", Usage: "`PERCENT` of each Spot-suitable service's tasks on Fargate Spot in the Spot column, [0, 100] (default: the share of its cluster's capacity on EC2 Spot hosts)"},
		&cli.StringFlag{Name: "ec2-commitment", Value: "none", Usage: "what your on-demand container instances run under: none, compute-sp-1y, compute-sp-3y, instance-sp:PCT or reserved:PCT (PCT off on-demand; these are stranded by the move)"},
		&cli.StringFlag{Name: "ec2-discount", Usage: "`PERCENT` off on-demand for every on-demand container instance under every option, [0, 100): overrides --ec2-commitment and the EC2 Savings Plan rates"},
		&cli.StringFlag{Name: "ec2-spot-discount", Usage: "`PERCENT` off on-demand for Spot container instances, [0, 100) (default: the price book's estimate)"},
		&cli.StringFlag{Name: "fargate-spot-discount", Usage: "`PERCENT` off on-demand for Fargate Spot where the price book has no Spot price, [0, 100) (default: 70, an estimate)"},
		&cli.StringFlag{Name: "cpu-weight", Usage: "GB of memory one vCPU is worth when splitting instance cost, (0, 1000] (default: the region's Fargate vCPU:GB price ratio)"},
		&cli.IntFlag{Name: "memory-headroom", Value: 0, Usage: "`PERCENT` of memory added before choosing the Fargate size, as rewrite does, [0, 100] (for the size from measured use: added to the maximum, default 20)"},
		cpuHeadroomFlag(),
		&cli.IntFlag{Name: "task-starts-per-month", Value: 0, Usage: "starts of each task per month (deploys, scaling), to price image pulls through NAT; 0 = unknown"},
		&cli.StringFlag{Name: "price-file", Usage: "use this price book `FILE` instead of the cache or the embedded default"},
	}
}

func readCostOptions(c *cli.Context) (pricing.Options, error) {
	o := pricing.DefaultOptions()
	o.Region = c.String("region")
	var err error
	if o.HoursPerMonth, err = decimalFlag(c, "hours-per-month", "(0, 744]"); err != nil {
		return o, err
	}
	if c.String("spot-share") != "" {
		d, err := percentFlag(c, "spot-share", "[0, 100]")
		if err != nil {
			return o, err
		}
		o.SpotShare = &d
	}
	if c.String("ec2-discount") != "" {
		d, err := percentFlag(c, "ec2-discount", "[0, 100)")
		if err != nil {
			return o, err
		}
		o.EC2Discount = &d
	}
	if o.EC2Commitment, err = pricing.ParseCommitment(c.String("ec2-commitment")); err != nil {
		return o, usagef("%v", err)
	}
	if c.String("ec2-spot-discount") != "" {
		d, err := percentFlag(c, "ec2-spot-discount", "[0, 100)")
		if err != nil {
			return o, err
		}
		o.EC2SpotDiscount = &d
	}
	if c.String("fargate-spot-discount") != "" {
		d, err := percentFlag(c, "fargate-spot-discount", "[0, 100)")
		if err != nil {
			return o, err
		}
		o.FargateSpotDiscount = &d
	}
	if c.String("cpu-weight") != "" {
		w, err := decimalFlag(c, "cpu-weight", "(0, 1000]")
		if err != nil {
			return o, err
		}
		o.CPUWeight = &w
	}
	o.MemoryHeadroom = c.Int("memory-headroom")
	rs, err := readRightsize(c)
	if err != nil {
		return o, err
	}
	o.Rightsize = &rs
	o.TaskStartsPerMonth = c.Int("task-starts-per-month")
	if err := o.Validate(); err != nil {
		return o, usagef("%v", err)
	}
	return o, nil
}

func decimalFlag(c *cli.Context, name, valid string) (decimal.Decimal, error) {
	v := c.String(name)
	d, err := decimal.NewFromString(strings.TrimSpace(v))
	if err != nil {
		return d, usagef("--%s %q is not a number; valid range %s", name, v, valid)
	}
	return d, nil
}

// percentFlag reads a percentage flag as a fraction; the range is checked
// by pricing.Options.Validate, whose errors show percentages again.
func percentFlag(c *cli.Context, name, valid string) (decimal.Decimal, error) {
	d, err := decimalFlag(c, name, valid)
	if err != nil {
		return d, err
	}
	if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(100)) {
		return d, usagef("--%s %s is out of range %s (a percentage)", name, c.String(name), valid)
	}
	return d.Div(decimal.NewFromInt(100)), nil
}

func runCost(c *cli.Context, opts pricing.Options, s streams) error {
	// The price book first: a bad --price-file fails before the fleet is read.
	book, err := loadBook(c.String("price-file"), s)
	if err != nil {
		return err
	}
	f, diags, err := loadSource(c, s)
	if err != nil {
		return err
	}
	// The audit decides which services can move; cost prices the same move
	// as report, so both print the same saving.
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		return usagef("%v", err)
	}
	applyAudit(&opts, f, res)
	cmp, err := priceFleet(c, f, book, opts, s)
	if err != nil {
		return err
	}
	// The exit status is decided now, so that nothing holds the fleet
	// model once it is priced: the report keeps only the comparison and
	// the list of inputs, and the collector can take the model back while
	// the report is built and written (at 100,000 services about 700 MB,
	// most of the live heap; issue 17).
	status := inputFailure(diags)
	if status == nil {
		status = partial(f)
	}
	report := reports.NewCostOfInputs(version, cmp, f.Inputs, diags)
	if err := reports.RenderCost(fitted(s.out), c.String("format"), report); err != nil {
		return usagef("%v", err)
	}
	return status
}

// priceFleet compares the fleet's EC2 cost with Fargate using book, the
// price book in effect (loadBook: --price-file, the cache or the embedded
// default).
func priceFleet(c *cli.Context, f *fleet.Fleet, book *pricing.Table, opts pricing.Options, s streams) (*pricing.Comparison, error) {
	if opts.Region != "" && !book.HasRegion(opts.Region) {
		fmt.Fprintf(s.err, "ecs2fargate: warning: the price book (%s) has no prices for region %s; its costs are unknown\n", book.About().Origin, opts.Region)
	}
	if opts.Region == "" {
		opts.DefaultRegion = configRegion(c.Context)
	}
	cmp, err := pricing.Compare(f, book, opts)
	if err != nil {
		return nil, usagef("%v", err)
	}
	return cmp, nil
}
