package migrate

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// serviceState is what UpdateService changes, as it was before.
type serviceState struct {
	TaskDefinition           string                                  `json:"taskDefinition"`
	LaunchType               ecstypes.LaunchType                     `json:"launchType,omitempty"`
	CapacityProviderStrategy []ecstypes.CapacityProviderStrategyItem `json:"capacityProviderStrategy,omitempty"`
	NetworkConfiguration     *ecstypes.NetworkConfiguration          `json:"networkConfiguration,omitempty"`
	LoadBalancers            []ecstypes.LoadBalancer                 `json:"loadBalancers,omitempty"`
	DesiredCount             int32                                   `json:"desiredCount"`
	Deployments              int                                     `json:"deployments"`
}

func (s *step) describeService(ctx context.Context, cluster, service string) (*ecstypes.Service, error) {
	out, err := s.c.ecs.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: &cluster, Services: []string{service}})
	if err != nil {
		return nil, err
	}
	if len(out.Services) != 1 {
		return nil, fmt.Errorf("service %s/%s not found", cluster, service)
	}
	return &out.Services[0], nil
}

func stateOf(svc *ecstypes.Service) serviceState {
	return serviceState{TaskDefinition: ptr.Value(svc.TaskDefinition), LaunchType: svc.LaunchType, CapacityProviderStrategy: svc.CapacityProviderStrategy,
		NetworkConfiguration: svc.NetworkConfiguration, LoadBalancers: svc.LoadBalancers, DesiredCount: svc.DesiredCount, Deployments: len(svc.Deployments)}
}

// onFargate is the live form of the audit's already-on-Fargate fact: the
// launch type, or a strategy naming a Fargate capacity provider.
func onFargate(svc *ecstypes.Service) bool {
	if svc.LaunchType == ecstypes.LaunchTypeFargate {
		return true
	}
	for _, c := range svc.CapacityProviderStrategy {
		if p := ptr.Value(c.CapacityProvider); p == "FARGATE" || p == "FARGATE_SPOT" {
			return true
		}
	}
	return false
}

// checkService re-reads the service and stops if it is not as planned: on
// Fargate already, another task definition or desired count, or a
// deployment in progress.
func (s *step) checkService(ctx context.Context) (any, any, error) {
	a := s.e.Action
	svc, err := s.describeService(ctx, a.Cluster, a.Service)
	if err != nil {
		return nil, nil, err
	}
	st := stateOf(svc)
	var changed []string
	if onFargate(svc) {
		changed = append(changed, "it is on Fargate already")
	}
	if st.TaskDefinition != a.OldTaskDefinition {
		changed = append(changed, fmt.Sprintf("task definition %s, planned from %s", st.TaskDefinition, a.OldTaskDefinition))
	}
	if a.OldDesiredCount != 0 && st.DesiredCount != a.OldDesiredCount {
		changed = append(changed, fmt.Sprintf("desired count %d, planned with %d", st.DesiredCount, a.OldDesiredCount))
	}
	if st.Deployments != 1 {
		changed = append(changed, fmt.Sprintf("%d deployments (one in progress)", st.Deployments))
	}
	if len(changed) > 0 {
		return st, nil, fmt.Errorf("service %s/%s changed since the plan: %s; not touched: rewrite it again", a.Cluster, a.Service, strings.Join(changed, "; "))
	}
	return st, st, nil
}

func (s *step) registerTaskDefinition(ctx context.Context) (any, any, error) {
	var in ecs.RegisterTaskDefinitionInput
	if err := json.Unmarshal(s.e.Action.Document, &in); err != nil {
		return nil, nil, fmt.Errorf("the rewritten task definition cannot be read: %v", err)
	}
	if err := placeholdersLeft(s.e.Action.Document, false); err != nil {
		return nil, nil, err
	}
	out, err := s.c.ecs.RegisterTaskDefinition(ctx, &in)
	if err != nil {
		return nil, nil, err
	}
	arn := ptr.Value(out.TaskDefinition.TaskDefinitionArn)
	s.state.TaskDefinitionARN = arn
	return nil, map[string]string{"taskDefinitionArn": arn}, nil
}

// placeholdersLeft refuses a document that still holds a value the user
// must fill in (RUNBOOK.md, "Values to fill in"); target group ARNs are
// filled by migrate itself unless tg is set.
func placeholdersLeft(doc []byte, tg bool) error {
	for _, p := range []string{"sg-REPLACE-ME", "subnet-REPLACE-ME", "vpc-REPLACE-ME"} {
		if strings.Contains(string(doc), p) {
			return fmt.Errorf("the request still holds %s: pass --subnets and --security-groups (or fill it in as RUNBOOK.md says)", p)
		}
	}
	if tg && strings.Contains(string(doc), "/REPLACE-ME") {
		return fmt.Errorf("the request still names a target group not created")
	}
	return nil
}

func (s *step) createTargetGroup(ctx context.Context) (any, any, error) {
	var in elb.CreateTargetGroupInput
	if err := json.Unmarshal(s.e.Action.Document, &in); err != nil {
		return nil, nil, fmt.Errorf("the target group request cannot be read: %v", err)
	}
	if err := placeholdersLeft(s.e.Action.Document, false); err != nil {
		return nil, nil, err
	}
	out, err := s.c.elb.CreateTargetGroup(ctx, &in)
	if err != nil {
		return nil, nil, err
	}
	if len(out.TargetGroups) != 1 {
		return nil, nil, fmt.Errorf("CreateTargetGroup returned %d groups", len(out.TargetGroups))
	}
	arn := ptr.Value(out.TargetGroups[0].TargetGroupArn)
	s.state.setTargetGroup(s.e.Action.TargetGroup, arn)
	return nil, map[string]string{"targetGroupArn": arn}, nil
}

// updateService sends the rewritten update-service request with the new
// task definition and target groups, the deployment circuit breaker and
// rollback on
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).
func (s *step) updateService(ctx context.Context) (any, any, error) {
	a := s.e.Action
	svc, err := s.describeService(ctx, a.Cluster, a.Service)
	if err != nil {
		return nil, nil, err
	}
	before := stateOf(svc)
	doc := string(a.Document)
	for _, e := range s.u.Steps {
		if e.Action.Kind == "create-target-group" && e.Action.Placeholder != "" {
			doc = strings.ReplaceAll(doc, e.Action.Placeholder, s.state.targetGroup(e.Action.TargetGroup))
		}
	}
	if err := placeholdersLeft([]byte(doc), true); err != nil {
		return before, nil, err
	}
	var in ecs.UpdateServiceInput
	if err := json.Unmarshal([]byte(doc), &in); err != nil {
		return before, nil, fmt.Errorf("the update-service request cannot be read: %v", err)
	}
	if s.state.TaskDefinitionARN == "" {
		return before, nil, fmt.Errorf("no registered task definition to move to (the register step did not run)")
	}
	in.TaskDefinition = aws.String(s.state.TaskDefinitionARN)
	if in.DeploymentConfiguration == nil {
		in.DeploymentConfiguration = &ecstypes.DeploymentConfiguration{}
	}
	in.DeploymentConfiguration.DeploymentCircuitBreaker = &ecstypes.DeploymentCircuitBreaker{Enable: true, Rollback: true}
	out, err := s.c.ecs.UpdateService(ctx, &in)
	if err != nil {
		return before, nil, err
	}
	return before, stateOf(out.Service), nil
}

// restoreService puts the service back on what it ran before: an empty
// capacity provider strategy returns it to its launch type, which is the
// way back UpdateService documents ("Update the Auto Scaling group or
// Fargate capacity provider back to the launch type. Pass an empty list in
// the capacityProviderStrategy parameter",
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html); with the
// previous task definition and load balancers. UpdateService cannot clear
// the awsvpc network configuration it added: it stays, and ECS ignores it
// for a bridge or host mode task definition only if it accepts the call —
// if it refuses, the service needs a person (recreate it from the inputs).
func (s *step) restoreService(ctx context.Context) error {
	var before serviceState
	if err := json.Unmarshal(s.e.Before, &before); err != nil || before.TaskDefinition == "" {
		return fmt.Errorf("the journal does not hold the service's state before the update")
	}
	a := s.e.Action
	in := &ecs.UpdateServiceInput{Cluster: &a.Cluster, Service: &a.Service, TaskDefinition: &before.TaskDefinition,
		LoadBalancers: nonNil(before.LoadBalancers), ForceNewDeployment: true}
	if before.LaunchType != "" {
		in.CapacityProviderStrategy = []ecstypes.CapacityProviderStrategyItem{}
	} else {
		in.CapacityProviderStrategy = before.CapacityProviderStrategy
	}
	_, err := s.c.ecs.UpdateService(ctx, in)
	return err
}

// waitHealthy waits until the new target group has healthy targets and
// no target still initial, and stops early when the deployment fails its
// circuit breaker.
func (s *step) waitHealthy(ctx context.Context) error {
	return s.waitHealthyIn(ctx, s.state.targetGroup(s.e.Action.TargetGroup), true)
}

// waitHealthyIn waits for healthy targets in arn; deployment says whether
// a failed deployment of the service ends the wait.
func (s *step) waitHealthyIn(ctx context.Context, arn string, deployment bool) error {
	for {
		out, err := s.c.elb.DescribeTargetHealth(ctx, &elb.DescribeTargetHealthInput{TargetGroupArn: &arn})
		if err != nil {
			return err
		}
		healthy := 0
		for _, d := range out.TargetHealthDescriptions {
			if d.TargetHealth != nil && d.TargetHealth.State == elbtypes.TargetHealthStateEnumHealthy {
				healthy++
			}
		}
		if healthy > 0 {
			return nil
		}
		if deployment {
			if err := s.deploymentFailed(ctx); err != nil {
				return err
			}
		}
		if err := sleep(ctx, s.poll); err != nil {
			return fmt.Errorf("waiting for healthy targets in %s: %w", arn, err)
		}
	}
}

func (s *step) deploymentFailed(ctx context.Context) error {
	svc, err := s.describeService(ctx, s.u.Cluster, s.u.Service)
	if err != nil {
		return err
	}
	for _, d := range svc.Deployments {
		if ptr.Value(d.Status) == "PRIMARY" && d.RolloutState == ecstypes.DeploymentRolloutStateFailed {
			return fmt.Errorf("the deployment failed (%s); the circuit breaker rolls it back", ptr.Value(d.RolloutStateReason))
		}
	}
	return nil
}

// waitStable waits until the service runs one deployment, completed, at
// its desired count (what `aws ecs wait services-stable` checks, plus the
// rollout state of the circuit breaker).
func (s *step) waitStable(ctx context.Context) error {
	a := s.e.Action
	for {
		svc, err := s.describeService(ctx, a.Cluster, a.Service)
		if err != nil {
			return err
		}
		if len(svc.Deployments) == 1 {
			d := svc.Deployments[0]
			if d.RolloutState == ecstypes.DeploymentRolloutStateFailed {
				return fmt.Errorf("the deployment failed (%s)", ptr.Value(d.RolloutStateReason))
			}
			if ptr.Value(d.TaskDefinition) != s.state.TaskDefinitionARN {
				return fmt.Errorf("the service runs %s, not the new task definition: the circuit breaker rolled the deployment back", ptr.Value(d.TaskDefinition))
			}
			if d.RolloutState != ecstypes.DeploymentRolloutStateInProgress && svc.RunningCount == svc.DesiredCount {
				return nil
			}
		}
		for _, d := range svc.Deployments {
			if ptr.Value(d.Status) == "PRIMARY" && d.RolloutState == ecstypes.DeploymentRolloutStateFailed {
				return fmt.Errorf("the deployment failed (%s)", ptr.Value(d.RolloutStateReason))
			}
		}
		if err := sleep(ctx, s.poll); err != nil {
			return fmt.Errorf("waiting for the deployment: %w", err)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
