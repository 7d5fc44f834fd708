package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/heapgoal"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/internal/discover"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/terminal"
)

// sourceFlags choose where the fleet comes from: paths, or live AWS.
func sourceFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "aws", Usage: "read the estate live from AWS instead of files (credentials from the SDK's default chain)"},
		&cli.StringFlag{Name: "profile", Usage: "with --aws: use this shared-config `PROFILE`"},
		&cli.StringFlag{Name: "role-arn", Usage: "with --aws: assume this role and read its account"},
		&cli.StringFlag{Name: "org-role-name", Usage: "with --aws: read every active account of the AWS Organization through the role with this `NAME` in each"},
		&cli.StringSliceFlag{Name: "regions", Usage: "with --aws: regions to read (comma-separated or repeated; default: the configured region)"},
		&cli.BoolFlag{Name: "all-regions", Usage: "with --aws: read every region enabled for the account"},
		&cli.StringSliceFlag{Name: "cluster", Usage: "with --aws: read only this cluster `NAME` (repeatable)"},
		&cli.IntFlag{Name: "concurrency", Value: 8, Usage: "with --aws: requests in flight per account and region (1-64)"},
		&cli.IntFlag{Name: "account-regions", Value: 64, Usage: "with --aws: account-regions read at once (each has its own API rate limits)"},
		&cli.IntFlag{Name: "metrics-days", Value: 14, Usage: "with --aws: days of CloudWatch CPU and memory utilisation to read per service (0 skips; at most 455)"},
		&cli.StringFlag{Name: "td-cache", Usage: "with --aws: keep every task definition revision read in `DIR` and read only revisions not there (revisions are immutable; see README)"},
		&cli.StringSliceFlag{Name: "td-cache-from", Usage: "with --aws: take task definition revisions from this earlier snapshot `FILE` instead of reading them again (repeatable)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress on stderr (live discovery, and reading a thousand input files or more)"},
	}
}

// taskDefinitionCache builds the cache of --td-cache and --td-cache-from,
// or nil without either. A snapshot that cannot be read is an error: the
// user asked for it.
func taskDefinitionCache(c *cli.Context) (discover.TaskDefinitionCache, error) {
	var dir discover.TaskDefinitionCache
	if d := c.String("td-cache"); d != "" {
		dir = discover.DirCache{Dir: d}
	}
	snapshots := c.StringSlice("td-cache-from")
	if len(snapshots) == 0 {
		return dir, nil
	}
	f, diags := fleet.Load(c.Context, snapshots, nil)
	if fleet.HasErrors(diags) {
		return nil, usagef("--td-cache-from: %s", diags[0])
	}
	return discover.NewMemoryCache(f, dir), nil
}

// loadSource reads the fleet from the paths or, with --aws, from AWS.
func loadSource(c *cli.Context, s streams) (*fleet.Fleet, []fleet.Diagnostic, error) {
	f, diags, err := loadOrDiscover(c, s)
	if err == nil {
		heapgoal.AfterLoad()
	}
	return f, diags, err
}

func loadOrDiscover(c *cli.Context, s streams) (*fleet.Fleet, []fleet.Diagnostic, error) {
	if !c.Bool("aws") {
		return loadFleet(c.Context, c.Args().Slice(), s, fleet.Identity{Region: defaultRegion(c)}, c.Bool("quiet"))
	}
	if c.NArg() > 0 {
		return nil, nil, usagef("give either paths or --aws, not both")
	}
	// --concurrency and --metrics-days were checked before any work (checkFlagValues).
	return discoverLive(c.Context, c, s, c.Int("concurrency"))
}

// liveSetup resolves what a live read needs before its first ECS call:
// credentials, the accounts (and those that cannot be reached, as gaps),
// the regions, and the options from the flags.
func liveSetup(ctx context.Context, c *cli.Context, s streams, conc int) ([]discover.Target, []fleet.Gap, discover.Options, error) {
	var opts discover.Options
	cfg, err := awsConfig(ctx, c.String("profile"))
	if err != nil {
		return nil, nil, opts, interruptedOr(ctx, err)
	}
	if err := checkCredentials(ctx, cfg, c.String("profile")); err != nil {
		return nil, nil, opts, interruptedOr(ctx, err)
	}
	targets, gaps, err := discover.Targets(ctx, cfg, discover.Scope{RoleARN: c.String("role-arn"), OrgRoleName: c.String("org-role-name")})
	if err != nil {
		return nil, nil, opts, interruptedOr(ctx, err)
	}
	regions, err := regionsFor(ctx, c, cfg)
	if err != nil {
		return nil, nil, opts, interruptedOr(ctx, err)
	}
	cache, err := taskDefinitionCache(c)
	if err != nil {
		return nil, nil, opts, err
	}
	opts = discover.Options{Regions: regions, Clusters: c.StringSlice("cluster"), Concurrency: conc, MetricsDays: c.Int("metrics-days"), TaskDefinitions: cache,
		AccountRegions: c.Int("account-regions"), Parts: partDir(c)}
	if !c.Bool("quiet") {
		opts.Progress = progressPrinter(s.err)
	}
	return targets, gaps, opts, nil
}

func discoverLive(ctx context.Context, c *cli.Context, s streams, conc int) (*fleet.Fleet, []fleet.Diagnostic, error) {
	targets, gaps, opts, err := liveSetup(ctx, c, s, conc)
	if err != nil {
		return nil, nil, err
	}
	regions := opts.Regions
	f, diags, err := discover.Discover(ctx, targets, opts)
	if err != nil || ctx.Err() != nil {
		// Interrupted: report nothing rather than a fleet cut short at random
		// (the account-regions finished in --out-dir stay, for --resume).
		return nil, nil, interruptedOr(ctx, err)
	}
	if opts.Parts != nil {
		if _, err := opts.Parts.WriteAccountGaps(gaps); err != nil {
			return nil, nil, err
		}
	}
	f.Gaps = append(gaps, f.Gaps...)
	printDiagnostics(s.err, diags)
	for _, g := range f.Gaps {
		fmt.Fprintf(s.err, "not read: %s: %s\n", g.Scope, g.Reason)
	}
	if !f.HoldsECS() && len(f.Gaps) == 0 {
		// Read cleanly and found nothing: the wrong region, account or
		// --cluster name, which must not pass a CI gate as a clean estate.
		// (With gaps the run is partial already: exit 3.)
		return nil, nil, nothingFound(regions, c.StringSlice("cluster"))
	}
	return f, diags, nil
}

// nothingFound is the error of a live read that found no ECS input at all.
func nothingFound(regions, clusters []string) error {
	return codeError{code: exitError, msg: fmt.Sprintf("no ECS inputs found in the AWS estate read (regions %s%s): no cluster, service, task definition or container instance",
		strings.Join(regions, ", "), clusterFilter(clusters))}
}

func clusterFilter(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return "; --cluster " + strings.Join(names, ", ")
}

// interruptedOr is the error of a discovery step: "interrupted" whenever
// the run was cancelled (Ctrl-C, a deadline), whichever call noticed
// first, else err itself.
func interruptedOr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		if dir, ok := ctx.Value(outDirKey{}).(string); ok {
			return fmt.Errorf("discovery interrupted (%v); the account-regions finished are in %s: run again with --resume to read only the rest", ctx.Err(), dir)
		}
		return fmt.Errorf("discovery interrupted (%v); nothing was written", ctx.Err())
	}
	return err
}

// awsConfig loads the SDK's default configuration chain (environment,
// shared config and profiles, SSO), which also honours AWS_ENDPOINT_URL
// and AWS_ENDPOINT_URL_<SERVICE>.
func awsConfig(ctx context.Context, profile string) (aws.Config, error) {
	opts := append(sdkLogging(),
		// One HTTP client for every account-region (the SDK shares it
		// between copies of the configuration), keeping as many idle
		// connections per endpoint as a sweep has requests in flight:
		// accounts read in one region share its endpoints, and with the
		// default of 10 most requests would open a new connection.
		config.WithHTTPClient(awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) { t.MaxIdleConnsPerHost = 1024 })),
		config.WithRetryer(func() aws.Retryer {
			// More attempts than the default 3: a long discovery should ride
			// out bursts of throttling rather than leave gaps.
			return retry.AddWithMaxAttempts(retry.NewStandard(), 8)
		}))
	if profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(profile))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration: %w", err)
	}
	return cfg, nil
}

func regionsFor(ctx context.Context, c *cli.Context, cfg aws.Config) ([]string, error) {
	if c.Bool("all-regions") {
		return discover.EnabledRegions(ctx, cfg)
	}
	var regions []string
	for _, r := range c.StringSlice("regions") {
		for _, part := range strings.Split(r, ",") {
			if part = strings.TrimSpace(part); part != "" {
				regions = append(regions, part)
			}
		}
	}
	if len(regions) == 0 && cfg.Region != "" {
		regions = []string{cfg.Region}
	}
	if len(regions) == 0 {
		return nil, usagef("no region: pass --regions, --all-regions, or set a region in the AWS config")
	}
	return regions, nil
}

// progressPrinter redraws one status line when stderr is a terminal and
// prints a plain line per finished account and region otherwise.
func progressPrinter(w io.Writer) func(discover.Progress) {
	tty := terminal.IsTerminal(w)
	lastDone := -1
	var lastDraw time.Time
	return func(p discover.Progress) {
		line := fmt.Sprintf("discovering: %d/%d account-regions, %d clusters, %d services, %d calls, %d retries, %s",
			p.TargetsDone, p.Targets, p.Clusters, p.Services, p.Calls, p.Retries, p.Elapsed.Round(time.Second))
		if p.Cached > 0 {
			line += fmt.Sprintf(", %d task definitions from the cache", p.Cached)
		}
		if p.Resumed > 0 {
			line += fmt.Sprintf(", %d account-regions resumed", p.Resumed)
		}
		switch {
		case tty && (time.Since(lastDraw) > 100*time.Millisecond || p.TargetsDone == p.Targets):
			lastDraw = time.Now()
			fmt.Fprintf(w, "\r\033[K%s", line)
			if p.TargetsDone == p.Targets {
				fmt.Fprintln(w)
			}
		case !tty && p.TargetsDone != lastDone:
			lastDone = p.TargetsDone
			fmt.Fprintln(w, line)
		}
	}
}

// defaultRegion is the region of inputs that carry no ARN (a task
// definition in the register-task-definition shape): --region where the
// command has it (cost), else the AWS configuration's; "" when neither says.
func defaultRegion(c *cli.Context) string {
	if r := c.String("region"); r != "" {
		return r
	}
	return configRegion(c.Context)
}
