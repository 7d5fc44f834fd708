package rewrite

import (
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// servicePlan gathers what a service rewrite decides before any document
// is written: the settings the Fargate service gets and the changes and
// remaining findings that explain them.
type servicePlan struct {
	f     *fleet.Fleet
	s     *fleet.Service
	svc   *ecstypes.Service
	newTD string
	opts  ServiceOptions

	asks      *serviceAsks // what the fixes of the service's findings asked for
	blockers  []serviceBlocker
	mode      string // modeUpdate, modeCreate or modeNone
	network   *ecstypes.NetworkConfiguration
	vpc       *string // the tasks' VPC, once known (see tasksVPC)
	strategy  []ecstypes.CapacityProviderStrategyItem
	lbs       []ecstypes.LoadBalancer
	lbChanged bool
	tgDocs    []TargetGroupDoc
	volumes   []ecstypes.ServiceVolumeConfiguration // carried into update-service (see planVolumes)

	changes   []Change
	remaining []Remaining
}

func newServicePlan(f *fleet.Fleet, s *fleet.Service, newTD string, opts ServiceOptions) *servicePlan {
	return &servicePlan{f: f, s: s, svc: &s.Svc, newTD: newTD, opts: opts}
}

// result decides the settings, then writes the documents they allow.
func (p *servicePlan) result() (*ServiceResult, error) {
	p.blockers = serviceBlockers(p.svc)
	p.mode = p.chooseMode()
	p.planTaskDefinition()
	p.planPlatform()
	p.planNetwork()
	p.planStrategy()
	p.clusterProviders()
	p.planLoadBalancers()
	p.planPlacement()
	p.planVolumes()
	p.noteAssumptions()
	res := &ServiceResult{
		Account:      p.s.Identity.Account,
		Region:       p.s.Identity.Region,
		Cluster:      p.s.Cluster,
		Service:      p.s.Name(),
		TargetGroups: p.tgDocs,
		NotInPlace:   blockerReasons(p.blockers),
		Forced:       p.mode == modeUpdate && len(p.blockers) > 0,
	}
	var err error
	switch p.mode {
	case modeUpdate:
		if res.Forced {
			p.changes = append([]Change{forcedChange(res.NotInPlace)}, p.changes...)
		}
		res.UpdateService, err = p.updateServiceDoc()
	case modeCreate:
		res.CreateService, err = p.createServiceDoc()
	default: // no service document: only the target group requests remain to explain
		p.changes = nil
		p.remaining = slices.DeleteFunc(p.remaining, func(r Remaining) bool { return !strings.HasPrefix(r.Path, "loadBalancers") })
	}
	if err != nil {
		return nil, err
	}
	res.Changes = svcNonNilChanges(p.changes)
	res.Remaining = append(blockerRemaining(p.blockers), p.remaining...)
	if res.Remaining == nil {
		res.Remaining = []Remaining{}
	}
	return res, nil
}

// The service documents a rewrite can write.
const (
	modeNone   = ""
	modeUpdate = "update-service"
	modeCreate = "create-service"
)

// chooseMode picks the document: update-service when nothing blocks the
// in-place move (or --force overrides only soft blockers), else
// create-service when a side-by-side service can replace it, else none.
func (p *servicePlan) chooseMode() string {
	switch {
	case len(p.blockers) == 0, p.opts.Force && !anyHardBlocker(p.blockers):
		return modeUpdate
	case fleet.ServiceOnFargate(p.svc):
		return modeNone // already on Fargate: a second Fargate service gains nothing
	case sideBySidePossible(p.blockers):
		return modeCreate
	}
	return modeNone
}

func svcNonNilChanges(c []Change) []Change {
	if c == nil {
		return []Change{}
	}
	return c
}

// forcedChange heads the change list of a forced rewrite.
func forcedChange(reason string) Change {
	return Change{RuleID: analyzer.RuleInPlaceSwitch, Path: "", Message: "FORCED: update-service written although " + reason + "; test it on a copy of the service first"}
}

// planTaskDefinition points the service at the Fargate task definition and
// says what the rewrite could not check when the old one is unknown.
func (p *servicePlan) planTaskDefinition() {
	before := aws.ToString(p.svc.TaskDefinition)
	if fleet.TaskDefinitionKey(before) != fleet.TaskDefinitionKey(p.newTD) {
		p.change(analyzer.RuleInPlaceSwitch, "taskDefinition", before, p.newTD, false,
			"run the Fargate task definition "+p.newTD+" (register it first)")
	}
	if p.s.TaskDef == nil {
		p.remain(analyzer.RuleInPlaceSwitch, "taskDefinition",
			"task definition "+svcOrText(p.s.TaskDefinitionKey(), "(unknown)")+" was not among the inputs: container names and ports of the load balancers, "+
				"the OS (Fargate Spot is Linux only) and the awsvpc network mode of "+p.newTD+" were not checked")
	}
}

// planPlacement records the placement lists the fixes asked to clear
// (the placement rules'); the update-service request sends both lists
// empty whatever the service had, as a Fargate service has none.
func (p *servicePlan) planPlacement() {
	lists := []struct {
		name          string
		before, after any
	}{
		{"placementConstraints", p.svc.PlacementConstraints, []ecstypes.PlacementConstraint{}},
		{"placementStrategy", p.svc.PlacementStrategy, []ecstypes.PlacementStrategy{}},
	}
	for _, l := range lists {
		if ask, ok := p.asks.clears[l.name]; ok {
			p.change(ask.rule, l.name, l.before, l.after, ask.lossy, ask.msg)
		}
	}
}
