package discover

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/smithy-go"
)

// reader reads one account in one region.
type reader struct {
	scope  string // "account 1234 region us-east-1", for gaps
	region string
	opts   Options
	col    *collector
	prog   *progress

	ecs *ecs.Client
	ec2 *ec2.Client
	ecr *ecr.Client
	elb *elb.Client
	cw  *cloudwatch.Client

	// insights holds the ARNs of the clusters (by name) that have
	// Container Insights on; clusters writes it before anything reads it.
	insights map[string]string

	// images describes the ECR images of the task definitions read;
	// tdWait waits for the task definitions under way (taskDefinition).
	images *imageFetcher
	tdWait sync.WaitGroup

	sem     chan struct{}
	pacerMu sync.Mutex
	pacers  map[string]*pacer // by bucket name
}

func newReader(t Target, region string, opts Options, col *collector, prog *progress) *reader {
	cfg := t.Config.Copy()
	cfg.Region = region
	cfg.APIOptions = append(cfg.APIOptions, paceAttempts(prog))
	account := t.Account
	if account == "" {
		account = "(default credentials)"
	}
	return &reader{
		scope:  fmt.Sprintf("account %s region %s", account, region),
		region: region,
		opts:   opts, col: col, prog: prog,
		ecs: ecs.NewFromConfig(cfg), ec2: ec2.NewFromConfig(cfg), ecr: ecr.NewFromConfig(cfg), elb: elb.NewFromConfig(cfg),
		cw: newCloudWatch(cfg), insights: map[string]string{},
		sem:    make(chan struct{}, opts.Concurrency),
		pacers: map[string]*pacer{},
	}
}

// pacer paces op's bucket in this account and region.
func (r *reader) pacer(op string) *pacer {
	name, size := r.opts.bucket(op)
	r.pacerMu.Lock()
	defer r.pacerMu.Unlock()
	p, ok := r.pacers[name]
	if !ok {
		p = newPacer(size)
		r.pacers[name] = p
	}
	return p
}

// call runs one API request (op, e.g. "ecs:DescribeServices") within the
// rate and concurrency limits. The first attempt's token is taken here,
// then a place among the requests in flight, before the SDK builds the
// request: a region's thousands of DescribeTaskDefinition calls wait as
// goroutines, not as requests built and held in memory, and a request
// waiting for its API's token holds no place another API could use.
// paceAttempts paces the retries.
func (r *reader) call(ctx context.Context, op string, fn func(context.Context) error) error {
	a := &attempts{pacer: r.pacer(op), first: true}
	if err := a.pacer.acquire(ctx); err != nil {
		return err
	}
	select {
	case r.sem <- struct{}{}:
	case <-ctx.Done():
		a.pacer.cancel()
		return ctx.Err()
	}
	defer func() { <-r.sem }()
	r.prog.add(0, 0, 1)
	err := fn(withAttempts(ctx, a))
	if a.n.Load() == 0 { // failed before it was sent: the token is unused
		a.pacer.cancel()
	}
	return err
}

// fail records a gap for part of the estate and lets discovery go on.
func (r *reader) fail(where, op string, err error) {
	scope := r.scope
	if where != "" {
		scope += " " + where
	}
	r.col.gap(scope, op+": "+describeError(err))
}

// describeError names the AWS error code, which says what to do (e.g.
// AccessDeniedException: add the permission), without the request ID noise.
func describeError(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode() + ": " + apiErr.ErrorMessage()
	}
	return err.Error()
}

// read walks the account and region: clusters, then per cluster services
// and container instances side by side, then what they reference. The
// hosts (EC2 instances and their volumes) need only the container
// instances, so they are read while DescribeServices, paced by its bucket
// and usually the longest wait of an account-region, is still going.
func (r *reader) read(ctx context.Context) {
	r.images = newImageFetcher(r)
	clusters := r.clusters(ctx)
	refs := &references{}
	var services, containers sync.WaitGroup
	for _, c := range clusters {
		services.Add(1)
		containers.Add(1)
		go func(cluster string) {
			defer services.Done()
			r.services(ctx, cluster, refs)
		}(c)
		go func(cluster string) {
			defer containers.Done()
			r.containerInstances(ctx, cluster, refs)
		}(c)
	}
	var hosts sync.WaitGroup
	instancesRead := make(chan struct{})
	hosts.Add(2)
	go func() {
		defer hosts.Done()
		containers.Wait()
		r.instances(ctx, refs)
		close(instancesRead)
	}()
	go func() {
		defer hosts.Done()
		containers.Wait()
		r.volumes(ctx, refs)
	}()
	services.Wait()
	images := r.images
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); r.metrics(ctx, refs.serviceRefs()) }()
	go func() { defer wg.Done(); r.tdWait.Wait() }()
	go func() { defer wg.Done(); r.targetGroups(ctx, refs) }()
	wg.Wait()
	// Subnets need the services and the instances; images still in flight
	// finish here.
	<-instancesRead
	wg.Add(2)
	go func() { defer wg.Done(); images.finish(ctx) }()
	go func() { defer wg.Done(); r.subnets(ctx, refs) }()
	wg.Wait()
	hosts.Wait()
}
