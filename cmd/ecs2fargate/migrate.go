package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/ecs2fargate/ecs2fargate/internal/migrate"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// migrateCommand carries out the runbook through the AWS SDK.
func migrateCommand(s streams) *cli.Command {
	rw := rewriteCommand(s)
	var flags []cli.Flag
	for _, f := range rw.Flags {
		switch f.Names()[0] {
		case "out", "diff", "check", "write", "concurrency":
			continue // rewrite's outputs; --concurrency is migrate's own
		}
		flags = append(flags, f)
	}
	flags = append(flags,
		&cli.BoolFlag{Name: "yes", Aliases: []string{"y"}, Usage: "carry the plan out (without it migrate prints the plan and changes nothing, or asks on a terminal)"},
		&cli.BoolFlag{Name: "create-prerequisites", Usage: "create what the preconditions find missing (FARGATE capacity providers, the execution role, the ECS service-linked role, log groups); without it they only check"},
		&cli.StringSliceFlag{Name: "service", Usage: "move only this service `NAME` (repeatable; CLUSTER/NAME for one cluster's)"},
		&cli.IntFlag{Name: "concurrency", Value: 1, Usage: "`N` services moved at once (1-16); with --aws also the discovery's requests in flight"},
		&cli.DurationFlag{Name: "timeout", Value: 30 * time.Minute, Usage: "`DURATION` each service may take before it is rolled back"},
		&cli.BoolFlag{Name: "no-rollback", Usage: "leave a service whose step failed as it is, for a person"},
		&cli.StringFlag{Name: "journal", Usage: "write the journal to `FILE` (default migrate-journal-<time>.json)"},
		&cli.StringFlag{Name: "resume", Usage: "go on with the run recorded in journal `FILE`; finished steps are not repeated"},
		&cli.StringFlag{Name: "rollback", Usage: "undo, newest first, the steps recorded in journal `FILE`"},
		&cli.DurationFlag{Name: "max-age", Value: time.Hour, Usage: "refuse input files older than `DURATION` (0: any age; each service is re-read before it moves either way)"},
		&cli.DurationFlag{Name: "poll", Value: 15 * time.Second, Hidden: true, Usage: "pause between reads while waiting"},
	)
	return &cli.Command{
		Name:  "migrate",
		Usage: "move services to Fargate through the AWS SDK, with the runbook's steps, a journal, resume and rollback",
		Description: "Reads the same inputs as rewrite, plans the same steps as RUNBOOK.md and prints them. With --yes it\n" +
			"carries them out service by service, journalling every step; --resume JOURNAL goes on after an\n" +
			"interruption and --rollback JOURNAL undoes. Exit 3 when a service failed, was rolled back or needs a person.",
		ArgsUsage: "PATH... | --aws | --resume JOURNAL | --rollback JOURNAL",
		Flags:     flags,
		Action: func(c *cli.Context) error {
			return runMigrate(c, s)
		},
	}
}

func runMigrate(c *cli.Context, s streams) error {
	conc := c.Int("concurrency")
	if conc < 1 || conc > 16 {
		return usagef("--concurrency %d: want 1 to 16", conc)
	}
	var j *migrate.Journal
	switch {
	case c.String("resume") != "" && c.String("rollback") != "":
		return usagef("--resume and --rollback: give one")
	case c.String("resume") != "" || c.String("rollback") != "":
		if c.NArg() > 0 || c.Bool("aws") {
			return usagef("--resume and --rollback read the plan from the journal: give no inputs")
		}
		var err error
		if j, err = migrate.LoadJournal(c.String("resume") + c.String("rollback")); err != nil {
			return err
		}
	default:
		var err error
		if j, err = planMigration(c, s); err != nil {
			return err
		}
	}
	printMigrationPlan(s.out, j)
	if len(serviceUnits(j)) == 0 {
		fmt.Fprintln(s.err, "migrate: no service to move")
		return nil
	}
	if !c.Bool("yes") {
		if !confirm(s, j, c.String("rollback") != "") {
			fmt.Fprintln(s.err, "migrate: dry run, nothing changed; --yes carries the plan out")
			return nil
		}
	}
	cfg, err := awsConfig(c.Context, c.String("profile"))
	if err != nil {
		return err
	}
	opts := migrate.Options{Clients: clientsByRegion(cfg), CreatePrerequisites: c.Bool("create-prerequisites"), NoRollback: c.Bool("no-rollback"),
		Concurrency: conc, Timeout: c.Duration("timeout"), Poll: c.Duration("poll"), Log: s.err, BetweenSteps: migrateBetweenSteps}
	if err := migrate.CheckAccounts(c.Context, j, opts); err != nil {
		return err
	}
	fmt.Fprintf(s.err, "migrate: journal %s\n", j.Path())
	if c.String("rollback") != "" {
		migrate.Rollback(c.Context, j, opts)
		return migrateOutcome(s, j, nil)
	}
	return migrateOutcome(s, j, migrate.Run(c.Context, j, opts))
}

// migrateBetweenSteps lets tests stop a run between two steps.
var migrateBetweenSteps func(u *migrate.Unit, e *migrate.Entry) bool

func migrateOutcome(s streams, j *migrate.Journal, runErr error) error {
	_, rolledBack, needsPerson := migrate.Summary(s.err, j)
	switch {
	case errors.Is(runErr, migrate.ErrInterrupted):
		return codeError{code: exitPartial, msg: "migrate interrupted: go on with --resume " + j.Path() + ", or undo with --rollback " + j.Path()}
	case runErr != nil:
		return runErr
	case rolledBack > 0 || needsPerson > 0:
		return codeError{code: exitPartial, msg: fmt.Sprintf("%d service(s) rolled back, %d need a person (see above and the journal)", rolledBack, needsPerson)}
	}
	return nil
}

// planMigration reads the inputs, rewrites them and plans the steps, as
// `rewrite --out` does for the runbook.
func planMigration(c *cli.Context, s streams) (*migrate.Journal, error) {
	if !c.Bool("aws") {
		if err := checkInputAge(c.Args().Slice(), c.Duration("max-age")); err != nil {
			return nil, err
		}
	}
	opts, err := readRewriteOptions(c)
	if err != nil {
		return nil, err
	}
	f, _, err := loadSource(c, s)
	if err != nil {
		return nil, err
	}
	if err := opts.svc.Network.Check(f); err != nil {
		return nil, err
	}
	run := rewriteFleet(f, opts)
	if _, err := outputFiles(run.report); err != nil {
		return nil, err
	}
	plan := runbook.Build(f, run.report, opts.svc.SpotWeight > 0)
	path := c.String("journal")
	if path == "" {
		path = "migrate-journal-" + time.Now().UTC().Format("20060102T150405Z") + ".json"
	}
	keep, fromCode := notFromCode(f, selector(c.StringSlice("service"), c.StringSlice("cluster")))
	j, skipped := migrate.NewJournal(path, plan, keep)
	for _, sk := range append(*fromCode, skipped...) {
		fmt.Fprintf(s.err, "not moved: %s\n", sk)
	}
	if len(*fromCode) > 0 && len(serviceUnits(j)) == 0 {
		return nil, errors.New("no service to move: the services read are defined in Terraform or CloudFormation, which migrate does not change through the API; rewrite the code (ecs2fargate rewrite --diff or --write) and apply it")
	}
	return j, nil
}

// notFromCode wraps keep so that it also refuses the services read from
// Terraform or CloudFormation, each with its reason in *refused: migrate
// changes a service through the AWS API, and a service the code declares
// would then differ from its code, so that the next apply or stack update
// puts it back on EC2 (or fails on the drift). The code is what is
// rewritten for such a service (README "Rewriting Terraform and
// CloudFormation in place").
func notFromCode(f *fleet.Fleet, keep func(account, region, cluster, service string) bool) (func(account, region, cluster, service string) bool, *[]string) {
	code := servicesFromCode(f)
	refused := &[]string{}
	return func(account, region, cluster, service string) bool {
		if !keep(account, region, cluster, service) {
			return false
		}
		if file, ok := code[[4]string{account, region, cluster, service}]; ok {
			*refused = append(*refused, fmt.Sprintf("%s/%s: defined in %s (%s); migrate changes services through the AWS API and would leave this one out of step with its code: rewrite the code instead (ecs2fargate rewrite --diff or --write) and apply it", cluster, service, f.IaCKind(file), file))
			return false
		}
		return true
	}, refused
}

// selector keeps the services --service and --cluster name (all when
// neither is given).
func selector(services, clusters []string) func(account, region, cluster, service string) bool {
	return func(_, _, cluster, service string) bool {
		if len(clusters) > 0 && !slices.Contains(clusters, cluster) {
			return false
		}
		return len(services) == 0 || slices.Contains(services, service) || slices.Contains(services, cluster+"/"+service)
	}
}

// checkInputAge refuses input files older than maxAge: a plan made from
// an old picture of a live estate would undo what changed since.
func checkInputAge(paths []string, maxAge time.Duration) error {
	if maxAge <= 0 {
		return nil
	}
	for _, p := range paths {
		if p == "-" {
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			continue // loadSource names it
		}
		if age := time.Since(st.ModTime()); age > maxAge {
			return usagef("%s is %s old, more than --max-age %s: read the estate again (or --aws), or raise --max-age", p, age.Round(time.Minute), maxAge)
		}
	}
	return nil
}

func serviceUnits(j *migrate.Journal) []*migrate.Unit {
	var out []*migrate.Unit
	for _, u := range j.Units {
		if u.Service != "" {
			out = append(out, u)
		}
	}
	return out
}

// printMigrationPlan lists the steps, as RUNBOOK.md does, with where a
// resumed run stands.
func printMigrationPlan(w io.Writer, j *migrate.Journal) {
	for _, u := range j.Units {
		if u.Service == "" {
			fmt.Fprintf(w, "\naccount %s, region %s\n  preconditions\n", cmp.Or(u.Account, "(not known)"), u.Region)
		} else {
			fmt.Fprintf(w, "  service %s (in place)\n", u.Name())
		}
		for _, e := range u.Steps {
			mark := ""
			if e.Status != "pending" {
				mark = " [" + e.Status + "]"
			}
			fmt.Fprintf(w, "    %d. %s%s\n", e.N, e.Title, mark)
		}
	}
}

// confirm asks on a terminal before anything changes, naming the
// accounts and regions; anywhere else the answer is no.
func confirm(s streams, j *migrate.Journal, rollback bool) bool {
	f, ok := s.in.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	return ask(s.in, s.err, j, rollback)
}

// ask prints the question naming the services, accounts and regions, and
// reads the answer: y or yes (any case) goes on; anything else, or no
// answer, does not.
func ask(in io.Reader, out io.Writer, j *migrate.Journal, rollback bool) bool {
	var where []string
	for _, u := range j.Units {
		w := "account " + cmp.Or(u.Account, "(not known)") + " region " + u.Region
		if !slices.Contains(where, w) {
			where = append(where, w)
		}
	}
	what := "Move"
	if rollback {
		what = "Roll back"
	}
	fmt.Fprintf(out, "%s %d service(s) in %s? [y/N] ", what, len(serviceUnits(j)), strings.Join(where, ", "))
	line, _ := bufio.NewReader(in).ReadString('\n')
	return strings.EqualFold(strings.TrimSpace(line), "y") || strings.EqualFold(strings.TrimSpace(line), "yes")
}

// clientsByRegion makes each region's clients once.
func clientsByRegion(cfg aws.Config) func(string) *migrate.Clients {
	var mu sync.Mutex
	m := map[string]*migrate.Clients{}
	return func(region string) *migrate.Clients {
		mu.Lock()
		defer mu.Unlock()
		if c, ok := m[region]; ok {
			return c
		}
		c := migrate.NewClients(cfg, region)
		m[region] = c
		return c
	}
}
