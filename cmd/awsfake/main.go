// Command awsfake serves the in-repo fake AWS (internal/awsfake) with a
// generated organisation, so that the ecs2fargate binary can sweep it as
// a process (docs/benchmarks.md, "Issue 17: org sweep"). It prints the
// endpoint URL, serves until its standard input closes or it is
// interrupted, then prints the calls it answered by operation.
//
//	go run ./cmd/awsfake -accounts 500 -regions ap-south-1,eu-west-1,sa-east-1,us-east-1 -services 50
//
// The accounts are 4000000000NN, each assumable through role/Audit; point
// the SDK at it with AWS_ENDPOINT_URL and any static credentials.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

func main() {
	accounts := flag.Int("accounts", 500, "accounts in the organisation")
	regions := flag.String("regions", "ap-south-1,eu-west-1,sa-east-1,us-east-1", "regions of every account (comma-separated)")
	services := flag.Int("services", 50, "services per account-region")
	taskDefs := flag.Int("task-definitions", 50, "task definitions per account-region (shared round-robin by the services)")
	repos := flag.Int("repositories", 5, "ECR repositories per account-region the task definitions' images share")
	latency := flag.Duration("latency", 20*time.Millisecond, "latency added to every call")
	scale := flag.Float64("scale", 1, "AWS's documented API buckets per account-region, scaled by this (0: no throttling)")
	flag.Parse()

	fake := awsfake.New()
	defer fake.Close()
	fake.Latency = *latency
	if *scale > 0 {
		fake.Limits = &awsfake.Limits{Scale: *scale, Services: []string{"ecs", "ecr", "ec2", "elasticloadbalancing", "monitoring"}}
	}
	org := map[string]orgtypes.AccountState{}
	shape := awsfake.Shape{Clusters: 1, Services: *services, TaskDefinitions: *taskDefs, Repositories: *repos}
	for a := 0; a < *accounts; a++ {
		acct := fmt.Sprintf("4000%08d", a)
		org[acct] = orgtypes.AccountStateActive
		for _, r := range strings.Split(*regions, ",") {
			fake.Put(acct, r, awsfake.Generate(acct, r, shape))
		}
		fake.AllowRole("arn:aws:iam::" + acct + ":role/Audit")
	}
	fake.Organization(org)
	fmt.Println(fake.URL)

	done := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(done) }()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	select {
	case <-done:
	case <-sig:
	}
	fmt.Fprint(os.Stderr, fake.CallSummary())
	fmt.Fprintf(os.Stderr, "total=%d throttled=%v\n", fake.TotalCalls(), fake.ThrottledCalls())
}
