package migrate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// step is one entry being carried out or undone.
type step struct {
	c       *Clients
	clients func(region string) *Clients
	u       *Unit
	e       *Entry
	create  bool
	poll    time.Duration
	// state is a copy of the unit's State the step may change; the
	// runner stores it back under the journal's lock.
	state *State
}

const executionRolePolicy = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"

// executionRoleTrust is the trust policy of a task execution role.
const executionRoleTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

// carriedOut are the step kinds migrate carries out; the others (the
// side-by-side moves) are left to runbook.sh.
var carriedOut = map[runbook.Kind]bool{
	runbook.KindCapacityProviders: true, runbook.KindExecutionRole: true, runbook.KindServiceLinkedRole: true, runbook.KindLogGroup: true,
	runbook.KindCheckService: true, runbook.KindRegisterTaskDef: true, runbook.KindWorkingCopy: true, runbook.KindCreateTargetGroup: true,
	runbook.KindForwardBeside: true, runbook.KindUpdateService: true, runbook.KindShiftTraffic: true, runbook.KindWaitStable: true,
	runbook.KindForwardOnly: true,
}

// CarriesOut reports whether migrate carries out steps of this kind.
func CarriesOut(k runbook.Kind) bool { return carriedOut[k] }

func (s *step) do(ctx context.Context) (before, after any, err error) {
	a := s.e.Action
	if !carriedOut[a.Kind] {
		return nil, nil, fmt.Errorf("migrate does not carry out %q steps: follow RUNBOOK.md", a.Kind)
	}
	switch a.Kind {
	case runbook.KindCapacityProviders:
		return s.capacityProviders(ctx)
	case runbook.KindExecutionRole:
		return s.executionRole(ctx)
	case runbook.KindServiceLinkedRole:
		return s.serviceLinkedRole(ctx)
	case runbook.KindLogGroup:
		return s.logGroup(ctx)
	case runbook.KindCheckService:
		return s.checkService(ctx)
	case runbook.KindRegisterTaskDef:
		return s.registerTaskDefinition(ctx)
	case runbook.KindWorkingCopy:
		// runbook.sh copies the request file to fill in the target groups'
		// ARNs; migrate fills them in memory when it sends the request.
		return nil, nil, nil
	case runbook.KindCreateTargetGroup:
		return s.createTargetGroup(ctx)
	case runbook.KindForwardBeside:
		return s.forward(ctx, 1, 0)
	case runbook.KindUpdateService:
		return s.updateService(ctx)
	case runbook.KindShiftTraffic:
		if err := s.waitHealthy(ctx); err != nil {
			return nil, nil, err
		}
		return s.forward(ctx, 0, 1)
	case runbook.KindWaitStable:
		return nil, nil, s.waitStable(ctx)
	case runbook.KindForwardOnly:
		return s.forward(ctx, -1, 1)
	}
	return nil, nil, fmt.Errorf("migrate does not carry out %q steps: follow RUNBOOK.md", a.Kind)
}

func (s *step) undo(ctx context.Context) error {
	a := s.e.Action
	switch a.Kind {
	case runbook.KindCapacityProviders:
		var b, af clusterProviders
		json.Unmarshal(s.e.Before, &b)
		json.Unmarshal(s.e.After, &af)
		if slices.Equal(b.Providers, af.Providers) {
			return nil
		}
		_, err := s.c.ecs.PutClusterCapacityProviders(ctx, &ecs.PutClusterCapacityProvidersInput{Cluster: &a.Cluster,
			CapacityProviders: nonNil(b.Providers), DefaultCapacityProviderStrategy: nonNil(b.Strategy)})
		return err
	case runbook.KindExecutionRole:
		var af struct{ Created bool }
		json.Unmarshal(s.e.After, &af)
		if !af.Created {
			return nil
		}
		if _, err := s.c.iam.DetachRolePolicy(ctx, &iam.DetachRolePolicyInput{RoleName: &a.Name, PolicyArn: aws.String(executionRolePolicy)}); err != nil {
			return err
		}
		_, err := s.c.iam.DeleteRole(ctx, &iam.DeleteRoleInput{RoleName: &a.Name})
		return err
	case runbook.KindLogGroup:
		var af struct{ Created bool }
		json.Unmarshal(s.e.After, &af)
		if !af.Created {
			return nil
		}
		_, err := s.logsClient().logs.DeleteLogGroup(ctx, &cloudwatchlogs.DeleteLogGroupInput{LogGroupName: &a.Name})
		return err
	case runbook.KindRegisterTaskDef:
		if s.state.TaskDefinitionARN == "" {
			return nil
		}
		_, err := s.c.ecs.DeregisterTaskDefinition(ctx, &ecs.DeregisterTaskDefinitionInput{TaskDefinition: &s.state.TaskDefinitionARN})
		return err
	case runbook.KindCreateTargetGroup:
		arn := s.state.targetGroup(a.TargetGroup)
		if arn == "" {
			return nil
		}
		_, err := s.c.elb.DeleteTargetGroup(ctx, &elb.DeleteTargetGroupInput{TargetGroupArn: &arn})
		return err
	case runbook.KindForwardBeside:
		return s.restoreForward(ctx)
	case runbook.KindUpdateService:
		if err := s.restoreService(ctx); err != nil {
			return err
		}
		// The traffic goes back to each old group once the old tasks are
		// healthy in it again, never before.
		for _, e := range s.u.Steps {
			if e.Action.Kind != runbook.KindForwardBeside || (e.Status != "done" && e.Status != "undo-failed") {
				continue
			}
			back := &step{c: s.c, clients: s.clients, u: s.u, e: e, poll: s.poll, state: s.state}
			if err := back.waitHealthyIn(ctx, e.Action.OldTargetGroup, false); err != nil {
				return err
			}
			if _, _, err := back.forward(ctx, 1, 0); err != nil {
				return err
			}
		}
		return nil
	case runbook.KindForwardOnly:
		// The old group goes back beside the new one at weight 0: ECS
		// registers the old tasks only in a group a listener uses, and the
		// new group keeps the traffic until they are healthy.
		_, _, err := s.forward(ctx, 0, 1)
		return err
	case runbook.KindShiftTraffic:
		// Nothing yet: the traffic goes back in the undo of the service
		// update, once the old tasks are healthy (an old group without
		// healthy targets must not get the traffic).
		return nil
	}
	return nil // the step only checked or waited
}

func (s *step) logsClient() *Clients {
	if r := s.e.Action.Region; r != "" && r != s.u.Region {
		return s.clients(r)
	}
	return s.c
}

func nonNil[T any](x []T) []T {
	if x == nil {
		return []T{}
	}
	return x
}

type clusterProviders struct {
	Providers []string                                `json:"providers"`
	Strategy  []ecstypes.CapacityProviderStrategyItem `json:"strategy"`
}

// capacityProviders adds FARGATE (and FARGATE_SPOT) to the cluster,
// keeping its providers and default strategy: PutClusterCapacityProviders
// replaces both
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html).
func (s *step) capacityProviders(ctx context.Context) (any, any, error) {
	a := s.e.Action
	out, err := s.c.ecs.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: []string{a.Cluster}})
	if err != nil {
		return nil, nil, err
	}
	if len(out.Clusters) != 1 {
		return nil, nil, fmt.Errorf("cluster %s not found", a.Cluster)
	}
	before := clusterProviders{Providers: out.Clusters[0].CapacityProviders, Strategy: out.Clusters[0].DefaultCapacityProviderStrategy}
	want := slices.Clone(before.Providers)
	var missing []string
	for _, p := range fargateProviders(a.Spot) {
		if !slices.Contains(want, p) {
			want = append(want, p)
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return before, before, nil
	}
	if !s.create {
		return before, nil, fmt.Errorf("cluster %s lacks the %s capacity provider(s): run with --create-prerequisites, or add them as RUNBOOK.md says", a.Cluster, strings.Join(missing, ", "))
	}
	if _, err := s.c.ecs.PutClusterCapacityProviders(ctx, &ecs.PutClusterCapacityProvidersInput{Cluster: &a.Cluster,
		CapacityProviders: want, DefaultCapacityProviderStrategy: nonNil(before.Strategy)}); err != nil {
		return before, nil, err
	}
	return before, clusterProviders{Providers: want, Strategy: before.Strategy}, nil
}

func fargateProviders(spot bool) []string {
	if spot {
		return []string{"FARGATE", "FARGATE_SPOT"}
	}
	return []string{"FARGATE"}
}

func (s *step) executionRole(ctx context.Context) (any, any, error) {
	a := s.e.Action
	_, err := s.c.iam.GetRole(ctx, &iam.GetRoleInput{RoleName: &a.Name})
	var missing *iamtypes.NoSuchEntityException
	switch {
	case err == nil:
		return map[string]bool{"exists": true}, map[string]bool{"created": false}, nil
	case !errors.As(err, &missing):
		return nil, nil, err
	case !a.CreateRole:
		return nil, nil, fmt.Errorf("role %s is named in the task definitions but does not exist: create it (trust ecs-tasks.amazonaws.com)", a.Name)
	case !s.create:
		return nil, nil, fmt.Errorf("role %s does not exist: run with --create-prerequisites, or create it as RUNBOOK.md says", a.Name)
	}
	if _, err := s.c.iam.CreateRole(ctx, &iam.CreateRoleInput{RoleName: &a.Name, AssumeRolePolicyDocument: aws.String(executionRoleTrust)}); err != nil {
		return nil, nil, err
	}
	if _, err := s.c.iam.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: &a.Name, PolicyArn: aws.String(executionRolePolicy)}); err != nil {
		return nil, map[string]bool{"created": true}, err
	}
	return map[string]bool{"exists": false}, map[string]bool{"created": true}, nil
}

// serviceLinkedRole finds AWSServiceRoleForECS by its path.
func (s *step) serviceLinkedRole(ctx context.Context) (any, any, error) {
	out, err := s.c.iam.ListRoles(ctx, &iam.ListRolesInput{PathPrefix: aws.String("/aws-service-role/ecs.amazonaws.com/")})
	if err != nil {
		return nil, nil, err
	}
	if len(out.Roles) > 0 {
		return map[string]bool{"exists": true}, nil, nil
	}
	if !s.create {
		return nil, nil, errors.New("the ECS service-linked role (AWSServiceRoleForECS) does not exist: run with --create-prerequisites, or create it as RUNBOOK.md says")
	}
	_, err = s.c.iam.CreateServiceLinkedRole(ctx, &iam.CreateServiceLinkedRoleInput{AWSServiceName: aws.String("ecs.amazonaws.com")})
	return map[string]bool{"exists": false}, map[string]bool{"created": true}, err
}

func (s *step) logGroup(ctx context.Context) (any, any, error) {
	a := s.e.Action
	c := s.logsClient()
	out, err := c.logs.DescribeLogGroups(ctx, &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: &a.Name})
	if err != nil {
		return nil, nil, err
	}
	for _, g := range out.LogGroups {
		if ptr.Value(g.LogGroupName) == a.Name {
			return map[string]bool{"exists": true}, map[string]bool{"created": false}, nil
		}
	}
	if !s.create {
		return nil, nil, fmt.Errorf("log group %s does not exist: run with --create-prerequisites, or create it as RUNBOOK.md says", a.Name)
	}
	if _, err := c.logs.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: &a.Name}); err != nil {
		return nil, nil, err
	}
	return map[string]bool{"exists": false}, map[string]bool{"created": true}, nil
}
