package awsfake

import (
	"fmt"

	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awslimits"
)

// DefaultAccount is the account any credentials map to unless they were
// handed out by the fake's AssumeRole.
const DefaultAccount = "123456789012"

// Server is the fake endpoint. Configure it before the first request.
type Server struct {
	*httptest.Server

	// Latency is added to every request.
	Latency time.Duration
	// Throttle, when set, limits each (account, service) pair with a token
	// bucket; requests beyond it get the service's throttling error.
	Throttle *Rate
	// Limits, when set, throttles every API of every account and region
	// with the token bucket AWS documents for it (awslimits.Bucket), its
	// capacity and refill scaled by Limits.Scale; an empty bucket answers
	// the service's throttling error (ThrottlingException for ECS,
	// RequestLimitExceeded for EC2, Throttling for the query services).
	Limits *Limits
	// OnCall, when set, is called with "service:Operation" as each request
	// arrives, before it is answered, from the request's own goroutine:
	// tests use it to act after a number of calls rather than after a time.
	OnCall func(op string)

	mu      sync.Mutex
	estates map[string]*Estate // by account + "/" + region
	roles   map[string]string  // role ARN → account it assumes into
	keys    map[string]string  // access key id → account
	faults  []*Fault
	calls   map[string]int // "ecs:DescribeServices" → count
	// retries counts the calls among them that the SDK sent again
	// (its amz-sdk-request header says attempt 2 or later).
	retries map[string]int
	// scoped counts calls by account/region, then "service:Operation";
	// throttledCalls the ones of them answered with a throttling error.
	scoped         map[string]map[string]int
	throttledCalls map[string]map[string]int
	throttle       map[string]*bucket
	// overwhelmed holds the account/region pairs whose every call is
	// throttled, however often it is retried.
	overwhelmed map[string]bool
	org         map[string]orgtypes.AccountState
	// IAM is global: roles by account, then name; attached policies by
	// account/role/policy ARN.
	iamRoles    map[string]map[string]iamtypes.Role
	iamPolicies map[string]bool
}

// Rate is a token bucket: Burst requests at once, refilled at PerSecond.
type Rate = awslimits.Rate

// Limits scales AWS's documented buckets (see awslimits): Scale 1 is the
// real size; a simulation shrinks capacity and refill by the same factor.
type Limits struct {
	Scale float64
	// Services, when not empty, are the only services (signing names:
	// "ecs", "ec2", …) throttled; a simulation of the estate's reads
	// leaves out STS and Organizations, whose quotas are per caller.
	Services []string
}

// Bucket is the bucket the fake charges a call to, and its size.
func (l Limits) Bucket(service, op string) (string, Rate) {
	name, r := awslimits.Bucket(service, op)
	return name, r.Scaled(l.Scale)
}

// Fault makes matching requests fail. Empty fields match anything.
type Fault struct {
	Account, Region, Service, Op string
	// Match, when set, must also return true for the request body.
	Match  func(body string) bool
	Code   string // e.g. AccessDeniedException, ThrottlingException
	Status int    // HTTP status; 400 when zero
	// Times limits how often the fault fires (0 = always).
	Times int
	fired int
}

// New starts a fake with no estates; add them with Put.
func New() *Server {
	s := &Server{
		estates:        map[string]*Estate{},
		roles:          map[string]string{},
		keys:           map[string]string{},
		calls:          map[string]int{},
		retries:        map[string]int{},
		scoped:         map[string]map[string]int{},
		throttledCalls: map[string]map[string]int{},
		throttle:       map[string]*bucket{},
		overwhelmed:    map[string]bool{},
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Put sets the estate of an account in a region.
func (s *Server) Put(account, region string, e *Estate) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.estates[account+"/"+region] = e
}

// AllowRole lets AssumeRole of roleArn succeed, into the role's account.
func (s *Server) AllowRole(roleArn string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.roles[roleArn] = accountOfARN(roleArn)
}

// Overwhelm throttles every call to the account in the region, for ever:
// a region throttled beyond any retries.
func (s *Server) Overwhelm(account, region string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.overwhelmed[account+"/"+region] = true
}

// CallsIn returns how often each "service:Operation" was called in one
// account and region.
func (s *Server) CallsIn(account, region string) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.scoped[account+"/"+region] {
		out[k] = v
	}
	return out
}

// AnsweredIn returns how many calls of each "service:Operation" in one
// account and region were answered rather than throttled: the calls the
// work needed, without retries of throttled ones.
func (s *Server) AnsweredIn(account, region string) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.scoped[account+"/"+region] {
		if n := v - s.throttledCalls[account+"/"+region][k]; n > 0 {
			out[k] = n
		}
	}
	return out
}

// ThrottledCalls returns how many calls of each "service:Operation" were
// answered with a throttling error, in all accounts and regions.
func (s *Server) ThrottledCalls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for _, m := range s.throttledCalls {
		for k, v := range m {
			out[k] += v
		}
	}
	return out
}

// Inject adds a fault.
func (s *Server) Inject(f *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// Calls returns how often each "service:Operation" was called.
func (s *Server) Calls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.calls)
}

// Retries returns how many of Calls were the SDK's second or later
// attempt at a request: a test counting the requests the work needs
// takes them off, since the SDK's standard retryer sends a request again
// after an error it deems transient, which a loaded test machine can
// cause (a connection reset, a slow answer) without the work asking for
// more.
func (s *Server) Retries() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.retries)
}

// isRetry tells a retried request by the amz-sdk-request header the
// aws-sdk-go-v2 retry middleware sets on every attempt ("attempt=2;
// max=3").
func isRetry(r *http.Request) bool {
	h := r.Header.Get("Amz-Sdk-Request")
	attempt, ok := strings.CutPrefix(h, "attempt=")
	if !ok {
		return false
	}
	attempt, _, _ = strings.Cut(attempt, ";")
	return attempt != "" && attempt != "1"
}

// TotalCalls sums Calls.
func (s *Server) TotalCalls() int {
	n := 0
	for _, v := range s.Calls() {
		n += v
	}
	return n
}

// CallSummary lists calls as sorted "service:Op=N" lines, for test messages.
func (s *Server) CallSummary() string {
	calls := s.Calls()
	keys := make([]string, 0, len(calls))
	for k := range calls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := ""
	for _, k := range keys {
		out += fmt.Sprintf("%s=%d\n", k, calls[k])
	}
	return out
}

// request is one parsed call.
type request struct {
	service, op, region, account string
	body                         string
}

var scopeRe = regexp.MustCompile(`Credential=([^/]+)/\d+/([^/]+)/([^/]+)/aws4_request`)

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req, ok := s.parse(r, string(body))
	if !ok {
		http.Error(w, "awsfake: cannot tell which service and operation this is", http.StatusBadRequest)
		return
	}
	if s.OnCall != nil {
		s.OnCall(req.service + ":" + req.op)
	}
	if s.Latency > 0 {
		time.Sleep(s.Latency)
	}
	s.mu.Lock()
	s.calls[req.service+":"+req.op]++
	if isRetry(r) {
		s.retries[req.service+":"+req.op]++
	}
	scope := req.account + "/" + req.region
	if s.scoped[scope] == nil {
		s.scoped[scope] = map[string]int{}
	}
	s.scoped[scope][req.service+":"+req.op]++
	fault := s.fault(req)
	throttled := fault == nil && (s.overwhelmed[scope] || s.throttled(req))
	if throttled {
		if s.throttledCalls[scope] == nil {
			s.throttledCalls[scope] = map[string]int{}
		}
		s.throttledCalls[scope][req.service+":"+req.op]++
	}
	estate := s.estates[req.account+"/"+req.region]
	s.mu.Unlock()
	p := protocolOf(req.service)
	switch {
	case fault != nil:
		status := fault.Status
		if status == 0 {
			status = http.StatusBadRequest
		}
		p.writeError(w, status, fault.Code, "injected fault")
	case throttled:
		p.throttle(w)
	default:
		s.dispatch(w, req, estate)
	}
}

// parse reads the service from the SigV4 credential scope and the
// operation from X-Amz-Target (JSON protocols) or the Action form field.
func (s *Server) parse(r *http.Request, body string) (request, bool) {
	m := scopeRe.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return request{}, false
	}
	req := request{region: m[2], service: m[3], body: body}
	s.mu.Lock()
	req.account = s.keys[m[1]]
	s.mu.Unlock()
	if req.account == "" {
		req.account = DefaultAccount
	}
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		_, req.op, _ = cutLast(target, ".")
		return req, req.op != ""
	}
	form, err := parseForm(body)
	if err != nil {
		return request{}, false
	}
	req.op = form.Get("Action")
	return req, req.op != ""
}

func (s *Server) fault(req request) *Fault {
	for _, f := range s.faults {
		if (f.Account == "" || f.Account == req.account) && (f.Region == "" || f.Region == req.region) &&
			(f.Service == "" || f.Service == req.service) && (f.Op == "" || f.Op == req.op) &&
			(f.Match == nil || f.Match(req.body)) && (f.Times == 0 || f.fired < f.Times) {
			f.fired++
			return f
		}
	}
	return nil
}

func (s *Server) throttled(req request) bool {
	var key string
	var r Rate
	switch {
	case s.Limits != nil:
		if len(s.Limits.Services) > 0 && !slices.Contains(s.Limits.Services, req.service) {
			return false
		}
		key, r = s.Limits.Bucket(req.service, req.op)
	case s.Throttle != nil:
		key, r = req.service, *s.Throttle
	default:
		return false
	}
	key = req.account + "/" + req.region + "/" + key
	b, ok := s.throttle[key]
	if !ok {
		b = &bucket{tokens: float64(r.Burst), last: time.Now()}
		s.throttle[key] = b
	}
	return !b.take(r)
}

// bucket is a token bucket for one (account, region, service).
type bucket struct {
	tokens float64
	last   time.Time
}

func (b *bucket) take(r Rate) bool {
	now := time.Now()
	b.tokens = min(float64(r.Burst), b.tokens+now.Sub(b.last).Seconds()*r.PerSecond)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
