package rewrite

import (
	"maps"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// serviceFixRules are the catalogue's service rules with a fix
// (analyzer.Rule.FixService), in catalogue order.
var serviceFixRules = func() []analyzer.Rule {
	var out []analyzer.Rule
	for _, r := range catalogue {
		if r.Scope == analyzer.ScopeService && r.FixService != nil {
			out = append(out, r)
		}
	}
	return out
}()

// serviceFixByRule is each service rule's fix by rule ID.
var serviceFixByRule = func() map[string]analyzer.ServiceFix {
	m := map[string]analyzer.ServiceFix{}
	for _, r := range serviceFixRules {
		m[r.ID] = r.FixService
	}
	return m
}()

// serviceAsks are the request settings the fixes of a service's fixable
// findings asked for; the plan writes those (see servicePlan.result).
type serviceAsks struct {
	capacity         bool                // FargateCapacity
	network          bool                // AwsvpcNetwork
	clusterProviders bool                // ClusterProviders
	latestPlatform   bool                // LatestPlatformVersion
	ipGroups         map[string]bool     // IPTargetGroup: targetGroupArn paths, as text
	clears           map[string]clearAsk // Clear: by the list's path, as text
	role             *clearAsk           // OmitRole
	volumes          []volumeAsk         // VolumeType
	// assumed are the fixes asked on an assumption (a value the code
	// leaves unknown taken as absent), by rule ID, with why.
	assumed map[string]string
}

// volumeAsk is a managed EBS volume type a fix asked for, in volume
// configuration volume of deployment deployment.
type volumeAsk struct {
	deployment, volume    int
	volumeType, rule, msg string
}

// clearAsk is a list (or the role) a fix asked to leave out, with the
// change the rewrite records for it.
type clearAsk struct {
	rule  string
	lossy bool
	msg   string
}

// askFixes audits the service with rules (serviceFixRules but in a test)
// and lets the fix of each fixable finding ask for the settings it needs.
// known, when it has the service's findings, stands for the audit (it is
// nil unless rules are serviceFixRules: see ServiceAudited).
func askFixes(f *fleet.Fleet, s *fleet.Service, rules []analyzer.Rule, known *Audited) *serviceAsks {
	asks := &serviceAsks{}
	subj := &analyzer.Subject{Fleet: f, TaskDef: s.TaskDef, Service: s}
	if places, ok := known.serviceFixable(s); ok {
		// What CheckAsIfKnown would find, kept to the fixable findings,
		// with nothing assumed (auditedServices says why).
		for _, p := range places {
			fd := known.all.At(int(p))
			serviceFixByRule[fd.RuleID](serviceFixer{asks, fd.RuleID}, subj, fd)
		}
		return asks
	}
	// A service read from code may leave its launch type to a cluster the
	// code does not show: the rewrite still moves it (its task definition
	// becomes awsvpc, which needs the network configuration whatever the
	// launch type), and says what it assumed.
	found, assumed := analyzer.CheckAsIfKnown(rules, analyzer.ScopeService, subj)
	for _, fd := range found {
		if fd.Severity == analyzer.Fixable {
			serviceFixByRule[fd.RuleID](serviceFixer{asks, fd.RuleID}, subj, fd)
			if why, ok := assumed[fd.RuleID]; ok && asks.assumed[fd.RuleID] == "" {
				if asks.assumed == nil {
					asks.assumed = map[string]string{}
				}
				asks.assumed[fd.RuleID] = why
			}
		}
	}
	return asks
}

// serviceFixer is the analyzer.ServiceFixer a fix of one finding gets.
type serviceFixer struct {
	a    *serviceAsks
	rule string // the finding's rule
}

var _ analyzer.ServiceFixer = serviceFixer{}

func (x serviceFixer) FargateCapacity()       { x.a.capacity = true }
func (x serviceFixer) AwsvpcNetwork()         { x.a.network = true }
func (x serviceFixer) ClusterProviders()      { x.a.clusterProviders = true }
func (x serviceFixer) LatestPlatformVersion() { x.a.latestPlatform = true }

func (x serviceFixer) IPTargetGroup(p analyzer.Path) {
	if x.a.ipGroups == nil {
		x.a.ipGroups = map[string]bool{}
	}
	x.a.ipGroups[p.String()] = true
}

// KeepContainerPort changes nothing in the request: the entry is sent (or
// left) as the service has it.
func (x serviceFixer) KeepContainerPort(analyzer.Path) {}

// Clear asks for the list at p to be emptied; the first ask for a list
// wins, as the task rewrite's first edit of a path does.
func (x serviceFixer) Clear(p analyzer.Path, lossy bool, msg string) {
	if x.a.clears == nil {
		x.a.clears = map[string]clearAsk{}
	}
	if _, ok := x.a.clears[p.String()]; !ok {
		x.a.clears[p.String()] = clearAsk{rule: x.rule, lossy: lossy, msg: msg}
	}
}

// VolumeType takes a path in the audit's notation for a deployment's
// volume configuration; any other path is not one it can edit.
func (x serviceFixer) VolumeType(p analyzer.Path, volumeType, msg string) {
	d, ok := p.Element("deployments")
	if !ok || len(p) < 4 {
		return
	}
	v, ok := p[2:].Element("volumeConfigurations")
	if !ok {
		return
	}
	x.a.volumes = append(x.a.volumes, volumeAsk{deployment: d, volume: v, volumeType: volumeType, rule: x.rule, msg: msg})
}

func (x serviceFixer) OmitRole(msg string) {
	if x.a.role == nil {
		x.a.role = &clearAsk{rule: x.rule, msg: msg}
	}
}

// noteAssumptions says, as one remaining warning per unknown value, which
// fixes were asked on the assumption that the value the code leaves unknown
// is absent (filed under the first such rule).
func (p *servicePlan) noteAssumptions() {
	if p.asks == nil {
		return
	}
	byWhy := map[string][]string{}
	for rule, why := range p.asks.assumed {
		byWhy[why] = append(byWhy[why], rule)
	}
	for _, why := range slices.Sorted(maps.Keys(byWhy)) {
		rules := slices.Sorted(slices.Values(byWhy[why]))
		p.remaining = append(p.remaining, Remaining{RuleID: rules[0], Severity: analyzer.Warning.String(), Path: "launchType",
			Message: "assumed: " + why + "; the fixes of " + strings.Join(rules, ", ") + " move the service as if it did not launch on Fargate today: check the cluster's default capacity provider strategy"})
	}
}
