package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	awspricing "github.com/aws/aws-sdk-go-v2/service/pricing"
	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/pricing"
	"github.com/ecs2fargate/ecs2fargate/reports"
)

func pricingCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "pricing",
		Usage: "show or refresh the price book the cost command uses",
		Subcommands: []*cli.Command{
			pricingShowCommand(s),
			pricingUpdateCommand(s),
		},
	}
}

func pricingShowCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "show",
		Usage: "print the prices in effect and where they came from",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "region", Usage: "list every figure for this `REGION` (default: a summary of all regions)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "table or json"},
			&cli.StringFlag{Name: "price-file", Usage: "show this price book `FILE` instead of the one in effect"},
		},
		Action: func(c *cli.Context) error {
			book, err := loadBook(c.String("price-file"), s)
			if err != nil {
				return err
			}
			region := c.String("region")
			if region != "" && !book.HasRegion(region) {
				return usagef("the price book has no prices for region %q (it has: %s)", region, strings.Join(book.RegionNames(), ", "))
			}
			return reports.RenderPriceBook(fitted(s.out), c.String("format"), book, region)
		},
	}
}

func pricingUpdateCommand(s streams) *cli.Command {
	return &cli.Command{
		Name:  "update",
		Usage: "refresh Fargate and EC2 prices from the AWS Price List into the user cache",
		Description: "The bulk source downloads public offer files (no credentials); one region's AmazonEC2 file is about 450 MB " +
			"and is streamed. The api source uses the Price List Query API (needs pricing:GetProducts). Figures the Price List " +
			"does not carry (Fargate Spot, Savings Plans, public IPv4) keep their previous values and sources.",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "region", Usage: "refresh this `REGION` (repeatable; default: the AWS config region, else us-east-1)"},
			&cli.StringFlag{Name: "source", Value: "bulk", Usage: "bulk (public offer files) or api (Price List Query API, needs credentials)"},
			&cli.StringFlag{Name: "base-url", Value: pricing.DefaultBulkURL, Usage: "base `URL` of the bulk offer files (a mirror, or a test server)"},
			&cli.StringFlag{Name: "endpoint-url", Usage: "Price List API endpoint `URL` for --source api (default: the SDK's)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the price book to `FILE` instead of the user cache"},
		},
		Action: func(c *cli.Context) error {
			return runPricingUpdate(c, s)
		},
	}
}

func runPricingUpdate(c *cli.Context, s streams) error {
	regions := c.StringSlice("region")
	if len(regions) == 0 {
		r := configRegion(c.Context)
		if r == "" {
			r = "us-east-1"
		}
		regions = []string{r}
	}
	base, err := loadBook("", s)
	if err != nil {
		return err
	}
	var fetched []pricing.RegionOffers
	via := c.String("source")
	switch via {
	case "bulk":
		b := &pricing.Bulk{BaseURL: c.String("base-url"), Progress: s.err}
		fetched, err = b.Fetch(c.Context, regions)
	case "api":
		// The Query API has no Savings Plan rates: they come from the
		// public bulk files, which need no credentials.
		sp := &pricing.Bulk{BaseURL: c.String("base-url"), Progress: s.err}
		fetched, err = fetchAPI(c.Context, c.String("endpoint-url"), sp, regions)
	default:
		return usagef("--source %q: want bulk or api", via)
	}
	if err != nil {
		return fmt.Errorf("pricing update: %w (the price book in effect is unchanged)", err)
	}
	for _, ro := range fetched {
		for _, o := range ro.Offers {
			for _, p := range o.Problems {
				fmt.Fprintf(s.err, "warning: %s offer for %s: %s\n", o.OfferCode, ro.Region, p)
			}
		}
	}
	path := c.String("output")
	if path == "" {
		if path, err = pricing.CachePath(); err != nil {
			return err
		}
	}
	t := pricing.Refreshed(base, fetched, map[string]string{"bulk": "bulk API", "api": "Query API"}[via], time.Now())
	if err := t.Save(path); err != nil {
		return err
	}
	fmt.Fprintf(s.out, "price book for %s written to %s (as of %s)\n", strings.Join(regions, ", "), path, t.AsOf)
	return nil
}

// fetchAPI builds the SDK pricing client in the API's own region (it
// answers only in a few) and fetches every region through it.
func fetchAPI(ctx context.Context, endpoint string, sp *pricing.Bulk, regions []string) ([]pricing.RegionOffers, error) {
	var out []pricing.RegionOffers
	for _, r := range regions {
		cfg, err := config.LoadDefaultConfig(ctx, append(sdkLogging(), config.WithRegion(pricing.APIRegion(r)))...)
		if err != nil {
			return nil, fmt.Errorf("loading AWS configuration: %w", err)
		}
		client := awspricing.NewFromConfig(cfg, func(o *awspricing.Options) {
			if endpoint != "" {
				o.BaseEndpoint = &endpoint
			}
		})
		got, err := pricing.FetchAPI(ctx, client, sp, []string{r})
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// loadBook picks the price book in effect: --price-file, else the cache
// written by `pricing update`, else the embedded default. A broken cache
// is reported and skipped, never silently used.
func loadBook(priceFile string, s streams) (*pricing.Table, error) {
	if priceFile != "" {
		t, err := pricing.LoadFile(priceFile)
		if err != nil {
			return nil, usagef("--price-file: %v", err)
		}
		return t, nil
	}
	t, ok, err := pricing.LoadCache()
	if err != nil {
		fmt.Fprintf(s.err, "ecs2fargate: warning: ignoring the cached price book: %v; using the embedded default (run `ecs2fargate pricing update`)\n", err)
		return pricing.Default(), nil
	}
	if ok {
		return t, nil
	}
	return pricing.Default(), nil
}

// configRegion is the region of the AWS configuration (AWS_REGION, the
// profile), or "" when none is set. It reads files only, never the network.
func configRegion(ctx context.Context) string {
	if r := os.Getenv("AWS_REGION"); r != "" {
		return r
	}
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return ""
	}
	return cfg.Region
}
