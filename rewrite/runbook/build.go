package runbook

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// Build plans the move of every service the rewrite wrote a request for.
// It reads the output file names the CLI recorded in r (Result.Output,
// ServiceResult.Outputs), so call it after they are set; f gives each
// service's state before the move, which the steps check is unchanged and
// the rollbacks restore.
func Build(f *fleet.Fleet, r *rewrite.Report, spot bool) *Plan {
	b := newBuilder(f, spot, true)
	for i := range r.TaskDefinitions {
		b.taskDefinition(&r.TaskDefinitions[i])
	}
	for i := range r.Services {
		sp := b.service(&r.Services[i])
		g := b.groups[[2]string{r.Services[i].Account, r.Services[i].Region}]
		g.Services = append(g.Services, sp)
	}
	return b.plan()
}

type builder struct {
	f       *fleet.Fleet
	spot    bool
	groups  map[[2]string]*Group
	order   [][2]string
	files   []string
	iamDone map[string]bool // accounts whose IAM preconditions are planned
	// tds are the rewritten task definitions by account, region and key
	// (the first of each); keepDocs keeps their documents for the steps'
	// Actions (migrate), which a streamed runbook does not need.
	tds      map[[3]string]*taskDef
	keepDocs bool
	// per group: what the preconditions must cover
	clusters map[[2]string][]string
	roles    map[[2]string][]string
	logs     map[[2]string][]logGroup
	holders  map[[2]string]map[string][]string // placeholder → files
	filled   map[[2]string]map[string]bool     // placeholders a step fills
	// noted holds what the lists above already hold, so that each is
	// added once without searching them (a group can have thousands of
	// services, log groups and files).
	noted map[notedKey]bool
}

// notedKey is one entry of the builder's lists: its group, which list
// (what), and the entry.
type notedKey struct {
	group      [2]string
	what, a, b string
}

// once reports whether the entry is new, and records it.
func (b *builder) once(k notedKey) bool {
	if b.noted[k] {
		return false
	}
	b.noted[k] = true
	return true
}

func newBuilder(f *fleet.Fleet, spot, keepDocs bool) *builder {
	return &builder{f: f, spot: spot, groups: map[[2]string]*Group{}, iamDone: map[string]bool{}, tds: map[[3]string]*taskDef{}, keepDocs: keepDocs, noted: map[notedKey]bool{}}
}

// taskDef is what the plan needs of a rewritten task definition: its file
// and what its document asks of the account (read once, when it is
// rewritten, so that the document itself can be dropped).
type taskDef struct {
	Output   string
	Document json.RawMessage // only with keepDocs
	parsed   bool            // the document is JSON: role and logs are known
	role     string
	logs     []logGroup // region: the awslogs-region option, "" for the service's
	// userHeld and targetGroups are the placeholders the document holds.
	userHeld, targetGroups []string
}

// taskDefinition records t for the services that run it.
func (b *builder) taskDefinition(t *rewrite.Result) {
	k := [3]string{t.Account, t.Region, t.Key}
	if _, ok := b.tds[k]; ok {
		return
	}
	td := &taskDef{Output: t.Output, userHeld: userPlaceholdersIn(t.Document), targetGroups: targetGroupPlaceholders(t.Document)}
	if b.keepDocs {
		td.Document = t.Document
	}
	var doc struct {
		ExecutionRoleArn     string `json:"executionRoleArn"`
		ContainerDefinitions []struct {
			LogConfiguration *struct {
				LogDriver string            `json:"logDriver"`
				Options   map[string]string `json:"options"`
			} `json:"logConfiguration"`
		} `json:"containerDefinitions"`
	}
	if json.Unmarshal(t.Document, &doc) == nil {
		td.parsed, td.role = true, doc.ExecutionRoleArn
		for _, c := range doc.ContainerDefinitions {
			lc := c.LogConfiguration
			if lc == nil || lc.LogDriver != "awslogs" || lc.Options["awslogs-group"] == "" || lc.Options["awslogs-create-group"] == "true" {
				continue
			}
			td.logs = append(td.logs, logGroup{lc.Options["awslogs-group"], lc.Options["awslogs-region"]})
		}
	}
	b.tds[k] = td
}

type logGroup struct{ name, region string }

func (b *builder) group(account, region string) *Group {
	k := [2]string{account, region}
	if g, ok := b.groups[k]; ok {
		return g
	}
	g := &Group{Account: account, Region: region, Profile: profileVar(account)}
	b.groups[k] = g
	b.order = append(b.order, k)
	if b.clusters == nil {
		b.clusters, b.roles, b.logs = map[[2]string][]string{}, map[[2]string][]string{}, map[[2]string][]logGroup{}
		b.holders, b.filled = map[[2]string]map[string][]string{}, map[[2]string]map[string]bool{}
	}
	b.holders[k], b.filled[k] = map[string][]string{}, map[string]bool{}
	return g
}

// profileVar names the shell variable that holds an account's profile:
// each account usually has its own.
func profileVar(account string) string {
	if account == "" {
		return "PROFILE"
	}
	return "PROFILE_" + account
}

// service plans one service, or records why it does not move. The plan
// is returned, not kept: the caller adds it to its group (Build) or
// writes it out (Stream).
func (b *builder) service(s *rewrite.ServiceResult) ServicePlan {
	g := b.group(s.Account, s.Region)
	k := [2]string{s.Account, s.Region}
	sp := ServicePlan{Cluster: s.Cluster, Service: s.Service}
	old := b.oldService(s)
	td := b.taskDefinitionOf(old, s)
	switch {
	case s.AlreadyOnFargate:
		sp.Skip = "already on Fargate: nothing to move"
		if s.UpdateService != nil {
			sp.Skip += " (its update-service request only moves a retired platform version to LATEST; apply it when convenient)"
		}
	case s.UpdateService != nil && !s.Forced:
		sp.How = "in place"
	case s.CreateService != nil:
		sp.How = "side by side"
	case s.Forced:
		sp.How = "in place"
	default:
		sp.Skip = "no request was written: " + cmp.Or(s.NotInPlace, "the audit leaves it on EC2 (see changes.md)")
	}
	if sp.How != "" && (td == nil || td.Output == "") {
		sp.How, sp.Skip = "", "its task definition was not rewritten (blocked, or not among the inputs): see changes.md"
	}
	if sp.How == "" {
		return sp
	}
	b.note(k, td, s)
	c := cmd{region: s.Region, profile: g.Profile}
	sp.Steps = b.serviceSteps(c, s, old, td, sp.How == "side by side")
	return sp
}

// oldService is the service as the inputs describe it.
func (b *builder) oldService(s *rewrite.ServiceResult) *fleet.Service {
	if b.f == nil {
		return nil
	}
	c := b.f.Cluster(fleet.Identity{Account: s.Account, Region: s.Region}, s.Cluster)
	if c == nil {
		return nil
	}
	for _, svc := range c.Services {
		if svc.Name() == s.Service {
			return svc
		}
	}
	return nil
}

// taskDefinitionOf finds the rewritten task definition the service runs.
func (b *builder) taskDefinitionOf(old *fleet.Service, s *rewrite.ServiceResult) *taskDef {
	if old == nil {
		return nil
	}
	return b.tds[[3]string{s.Account, s.Region, old.TaskDefinitionKey()}]
}

// note records what the preconditions and placeholders must cover for one
// moving service: its cluster, its task definition's roles and log groups,
// and the placeholders left in its files.
func (b *builder) note(k [2]string, td *taskDef, s *rewrite.ServiceResult) {
	if b.once(notedKey{k, "cluster", s.Cluster, ""}) {
		b.clusters[k] = append(b.clusters[k], s.Cluster)
	}
	if td.parsed {
		if td.role != "" && b.once(notedKey{k, "role", td.role, ""}) {
			b.roles[k] = append(b.roles[k], td.role)
		}
		for _, lg := range td.logs {
			lg.region = cmp.Or(lg.region, s.Region)
			if b.once(notedKey{k, "log", lg.name, lg.region}) {
				b.logs[k] = append(b.logs[k], lg)
			}
		}
	}
	b.scan(k, td.Output, td.userHeld, td.targetGroups)
	for i, out := range s.Outputs {
		doc := serviceDoc(s, i)
		b.scan(k, out, userPlaceholdersIn(doc), targetGroupPlaceholders(doc))
	}
}

// serviceDoc is the document written to s.Outputs[i] (update-service,
// create-service, then the target groups, in that order).
func serviceDoc(s *rewrite.ServiceResult, i int) []byte {
	var docs [][]byte
	for _, d := range [][]byte{s.UpdateService, s.CreateService} {
		if d != nil {
			docs = append(docs, d)
		}
	}
	for _, tg := range s.TargetGroups {
		if tg.Document != nil {
			docs = append(docs, tg.Document)
		}
	}
	if i < len(docs) {
		return docs[i]
	}
	return nil
}

// placeholders the rewrite writes where it cannot know a value.
var userPlaceholders = []string{"sg-REPLACE-ME", "subnet-REPLACE-ME", "vpc-REPLACE-ME"}

// userPlaceholdersIn lists the userPlaceholders doc holds.
func userPlaceholdersIn(doc []byte) []string {
	var out []string
	for _, p := range userPlaceholders {
		if bytes.Contains(doc, []byte(p)) {
			out = append(out, p)
		}
	}
	return out
}

// scan records file among the files the steps read, and as a holder of
// the placeholders it holds: user (to fill in) and targetGroups (a step
// fills them).
func (b *builder) scan(k [2]string, file string, user, targetGroups []string) {
	if file == "" {
		return
	}
	b.files = append(b.files, file)
	for _, p := range user {
		if b.once(notedKey{k, "holder", p, file}) {
			b.holders[k][p] = append(b.holders[k][p], file)
		}
	}
	for _, p := range targetGroups {
		if b.once(notedKey{k, "holder", p, file}) {
			b.holders[k][p] = append(b.holders[k][p], file)
		}
		b.filled[k][p] = true
	}
}

// targetGroupPlaceholders finds the ARNs of target groups not yet created
// (rewrite ends them in REPLACE-ME); the runbook creates each and puts its
// ARN in place.
func targetGroupPlaceholders(doc []byte) []string {
	var out []string
	if !bytes.Contains(doc, []byte(":targetgroup/")) {
		return nil
	}
	s := string(doc)
	for {
		i := strings.Index(s, ":targetgroup/")
		if i < 0 {
			return out
		}
		start := strings.LastIndex(s[:i], "\"arn:")
		end := strings.Index(s[i:], "\"")
		if start >= 0 && end > 0 && strings.HasSuffix(s[i:i+end], "/REPLACE-ME") {
			if p := s[start+1 : i+end]; !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
		s = s[i+len(":targetgroup/"):]
	}
}

// plan puts the groups in input order with their placeholders and
// preconditions.
func (b *builder) plan() *Plan {
	p := &Plan{}
	slices.SortStableFunc(b.order, func(x, y [2]string) int {
		return strings.Compare(x[0]+"/"+x[1], y[0]+"/"+y[1])
	})
	for _, k := range b.order {
		g := b.groups[k]
		g.Placeholders = b.placeholders(k)
		g.Preconditions = b.preconditions(k, g)
		p.Groups = append(p.Groups, *g)
	}
	p.Files = b.files
	return p
}

func (b *builder) placeholders(k [2]string) []Placeholder {
	var out []Placeholder
	for _, v := range slices.Sorted(maps.Keys(b.holders[k])) {
		ph := Placeholder{Value: v, UsedIn: b.holders[k][v], FilledByStep: b.filled[k][v]}
		switch {
		case ph.FilledByStep:
			ph.HowToFind = "runbook.sh creates the target group and puts its ARN in place (step \"create target group\")"
		case v == "sg-REPLACE-ME":
			ph.HowToFind = fmt.Sprintf("a security group for the tasks that lets the load balancer (or the callers) reach the container port; list the VPC's groups with `aws ec2 describe-security-groups --region %s --filters Name=vpc-id,Values=VPC_ID --query 'SecurityGroups[].[GroupId,GroupName]' --output table`", k[1])
		case v == "subnet-REPLACE-ME":
			ph.HowToFind = fmt.Sprintf("private subnets of the service's VPC, one per Availability Zone: `aws ec2 describe-subnets --region %s --filters Name=vpc-id,Values=VPC_ID --query 'Subnets[].[SubnetId,AvailabilityZone,AvailableIpAddressCount]' --output table`", k[1])
		case v == "vpc-REPLACE-ME":
			ph.HowToFind = fmt.Sprintf("the VPC of the load balancer: `aws elbv2 describe-load-balancers --region %s --query 'LoadBalancers[].[LoadBalancerName,VpcId]' --output table`", k[1])
		}
		out = append(out, ph)
	}
	return out
}
