package awsfake

// The write operations ecs2fargate migrate calls, with just enough of
// AWS's behaviour to hold it to the real contract: UpdateService refuses a
// capacity provider the cluster lacks and a target group no listener uses
// (as ECS does), a deployment registers its tasks in the new target group
// and completes (or fails its circuit breaker) over the following
// DescribeServices calls, and DeleteTargetGroup refuses a group a listener
// still forwards to.

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// deploymentSteps is how many DescribeServices calls a deployment takes
// to complete after UpdateService.
const deploymentSteps = 2

// Deployment is a rollout the fake is carrying out.
type deployment struct {
	cluster, service string
	oldTD            string
	oldTargetGroups  []string
	newTargetGroups  []string
	seen             int
	fail             bool
}

// Inspect runs f with the fake's state locked, for tests that look at an
// estate between calls.
func (s *Server) Inspect(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

func (s *Server) ecsPutClusterCapacityProviders(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in ecs.PutClusterCapacityProvidersInput
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, c := range e.Clusters {
		if ptr.Value(c.ClusterName) == ptr.Value(in.Cluster) || ptr.Value(c.ClusterArn) == ptr.Value(in.Cluster) {
			for _, p := range in.CapacityProviders {
				if p != "FARGATE" && p != "FARGATE_SPOT" && !slices.Contains(c.CapacityProviders, p) {
					return invalidParam("The specified capacity provider " + p + " does not exist.")
				}
			}
			for _, svcs := range e.Services {
				for _, svc := range svcs {
					for _, st := range svc.CapacityProviderStrategy {
						if ptr.Value(svc.ClusterArn) == ptr.Value(c.ClusterArn) && !slices.Contains(in.CapacityProviders, ptr.Value(st.CapacityProvider)) {
							return &apiError{code: "ResourceInUseException", msg: "The specified capacity provider is in use and cannot be removed."}
						}
					}
				}
			}
			e.Clusters[i].CapacityProviders = in.CapacityProviders
			e.Clusters[i].DefaultCapacityProviderStrategy = in.DefaultCapacityProviderStrategy
			writeJSON(w, struct{ Cluster ecstypes.Cluster }{e.Clusters[i]})
			return nil
		}
	}
	return clusterNotFound()
}

func (s *Server) ecsRegisterTaskDefinition(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in ecs.RegisterTaskDefinitionInput
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	if ptr.Value(in.Family) == "" || len(in.ContainerDefinitions) == 0 {
		return &apiError{code: "ClientException", msg: "family and containerDefinitions are required"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rev := int32(0)
	for _, td := range e.TaskDefinitions {
		if ptr.Value(td.Def.Family) == *in.Family {
			rev = max(rev, td.Def.Revision)
		}
	}
	rev++
	arn := fmt.Sprintf("arn:aws:ecs:%s:%s:task-definition/%s:%d", req.region, req.account, *in.Family, rev)
	td := ecstypes.TaskDefinition{TaskDefinitionArn: &arn, Family: in.Family, Revision: rev, Status: ecstypes.TaskDefinitionStatusActive,
		ContainerDefinitions: in.ContainerDefinitions, NetworkMode: in.NetworkMode, Cpu: in.Cpu, Memory: in.Memory,
		ExecutionRoleArn: in.ExecutionRoleArn, TaskRoleArn: in.TaskRoleArn, RequiresCompatibilities: in.RequiresCompatibilities,
		RuntimePlatform: in.RuntimePlatform, Volumes: in.Volumes}
	e.TaskDefinitions[arn] = TaskDefinition{Def: td}
	writeJSON(w, struct{ TaskDefinition ecstypes.TaskDefinition }{td})
	return nil
}

func (s *Server) ecsDeregisterTaskDefinition(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct{ TaskDefinition string }
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	td, ok := e.TaskDefinitions[in.TaskDefinition]
	if !ok {
		return &apiError{code: "ClientException", msg: "The specified task definition does not exist."}
	}
	td.Def.Status = ecstypes.TaskDefinitionStatusInactive
	e.TaskDefinitions[in.TaskDefinition] = td
	writeJSON(w, struct{ TaskDefinition ecstypes.TaskDefinition }{td.Def})
	return nil
}

func (s *Server) ecsUpdateService(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in ecs.UpdateServiceInput
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := e.cluster(cmp.Or(ptr.Value(in.Cluster), "default"))
	if !ok {
		return clusterNotFound()
	}
	name := ptr.Value(c.ClusterName)
	for i := range e.Services[name] {
		svc := &e.Services[name][i]
		if ptr.Value(svc.ServiceName) != ptr.Value(in.Service) && ptr.Value(svc.ServiceArn) != ptr.Value(in.Service) {
			continue
		}
		for _, st := range in.CapacityProviderStrategy {
			if !slices.Contains(c.CapacityProviders, ptr.Value(st.CapacityProvider)) {
				return invalidParam("The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.")
			}
		}
		for _, lb := range in.LoadBalancers {
			if len(e.loadBalancersOf(ptr.Value(lb.TargetGroupArn))) == 0 {
				return invalidParam("The target group " + ptr.Value(lb.TargetGroupArn) + " does not have an associated load balancer.")
			}
		}
		d := &deployment{cluster: name, service: ptr.Value(svc.ServiceName), oldTD: ptr.Value(svc.TaskDefinition)}
		for _, lb := range svc.LoadBalancers {
			d.oldTargetGroups = append(d.oldTargetGroups, ptr.Value(lb.TargetGroupArn))
		}
		if in.TaskDefinition != nil {
			td := *in.TaskDefinition
			if _, ok := e.TaskDefinitions[td]; !ok {
				return &apiError{code: "ClientException", msg: "TaskDefinition not found."}
			}
			svc.TaskDefinition = &td
		}
		if in.CapacityProviderStrategy != nil {
			if len(in.CapacityProviderStrategy) == 0 {
				// "Pass an empty list in the capacityProviderStrategy
				// parameter" to go back to the launch type.
				svc.CapacityProviderStrategy, svc.LaunchType = nil, ecstypes.LaunchTypeEc2
			} else {
				svc.CapacityProviderStrategy, svc.LaunchType = in.CapacityProviderStrategy, ""
			}
		}
		if in.NetworkConfiguration != nil {
			svc.NetworkConfiguration = in.NetworkConfiguration
		}
		if in.LoadBalancers != nil {
			svc.LoadBalancers = in.LoadBalancers
		}
		if in.DesiredCount != nil {
			svc.DesiredCount = *in.DesiredCount
		}
		if in.DeploymentConfiguration != nil {
			svc.DeploymentConfiguration = in.DeploymentConfiguration
		}
		for _, lb := range svc.LoadBalancers {
			d.newTargetGroups = append(d.newTargetGroups, ptr.Value(lb.TargetGroupArn))
		}
		d.fail = e.FailDeployments
		id := fmt.Sprintf("ecs-svc/%d", len(e.deployments)+1)
		svc.Deployments = []ecstypes.Deployment{
			{Id: &id, Status: aws.String("PRIMARY"), TaskDefinition: svc.TaskDefinition, RolloutState: ecstypes.DeploymentRolloutStateInProgress, DesiredCount: svc.DesiredCount},
			{Id: aws.String(id + "-old"), Status: aws.String("ACTIVE"), TaskDefinition: &d.oldTD, RolloutState: ecstypes.DeploymentRolloutStateCompleted, RunningCount: svc.RunningCount},
		}
		if e.deployments == nil {
			e.deployments = map[string]*deployment{}
		}
		e.deployments[name+"/"+d.service] = d
		if !d.fail {
			// The new tasks pass the health check in the new groups at
			// once; the old ones stay registered until the rollout ends.
			for _, tg := range d.newTargetGroups {
				if !slices.Contains(d.oldTargetGroups, tg) {
					e.setTargets(tg, svc.DesiredCount, "10.0.9.")
				}
			}
		}
		writeJSON(w, struct{ Service ecstypes.Service }{*svc})
		return nil
	}
	return &apiError{code: "ServiceNotFoundException", msg: "Service not found."}
}

// advance moves the service's deployment on by one DescribeServices call.
// Called with s.mu held.
func (e *Estate) advance(cluster string, svc *ecstypes.Service) {
	d := e.deployments[cluster+"/"+ptr.Value(svc.ServiceName)]
	if d == nil || e.StallDeployments {
		return
	}
	d.seen++
	if d.seen < deploymentSteps {
		// The new tasks are up and pass their health checks before the old
		// ones stop, as in a rolling deployment with minimumHealthyPercent
		// 100: their targets register now, the old ones stay until the end.
		if !d.fail {
			for _, tg := range d.newTargetGroups {
				if !slices.Contains(d.oldTargetGroups, tg) {
					e.setTargets(tg, svc.DesiredCount, "10.0.9.")
				}
			}
		}
		return
	}
	delete(e.deployments, cluster+"/"+ptr.Value(svc.ServiceName))
	if d.fail {
		// The circuit breaker rolls back to the last completed deployment.
		reason := "ECS deployment circuit breaker: tasks failed to start."
		svc.Deployments = []ecstypes.Deployment{{Id: svc.Deployments[0].Id, Status: aws.String("PRIMARY"), TaskDefinition: &d.oldTD,
			RolloutState: ecstypes.DeploymentRolloutStateFailed, RolloutStateReason: &reason, DesiredCount: svc.DesiredCount, RunningCount: svc.DesiredCount}}
		svc.TaskDefinition = &d.oldTD
		return
	}
	svc.Deployments = []ecstypes.Deployment{{Id: svc.Deployments[0].Id, Status: aws.String("PRIMARY"), TaskDefinition: svc.TaskDefinition,
		RolloutState: ecstypes.DeploymentRolloutStateCompleted, DesiredCount: svc.DesiredCount, RunningCount: svc.DesiredCount}}
	svc.RunningCount = svc.DesiredCount
	for _, tg := range d.oldTargetGroups {
		if !slices.Contains(d.newTargetGroups, tg) {
			delete(e.Targets, tg) // the old tasks drained and stopped
		}
	}
	for _, tg := range d.newTargetGroups {
		if !slices.Contains(d.oldTargetGroups, tg) {
			e.setTargets(tg, svc.DesiredCount, "10.0.9.")
		}
	}
}

// setTargets registers n healthy targets in a target group.
func (e *Estate) setTargets(tg string, n int32, prefix string) {
	if e.Targets == nil {
		e.Targets = map[string][]elbtypes.TargetHealthDescription{}
	}
	var ts []elbtypes.TargetHealthDescription
	for i := int32(0); i < n; i++ {
		ts = append(ts, elbtypes.TargetHealthDescription{Target: &elbtypes.TargetDescription{Id: aws.String(fmt.Sprintf("%s%d", prefix, i+1)), Port: aws.Int32(8080)},
			TargetHealth: &elbtypes.TargetHealth{State: elbtypes.TargetHealthStateEnumHealthy}})
	}
	e.Targets[tg] = ts
}

// loadBalancersOf lists the load balancers whose listeners forward to tg.
func (e *Estate) loadBalancersOf(tg string) []string {
	var out []string
	for _, l := range e.Listeners {
		for _, r := range e.Rules[ptr.Value(l.ListenerArn)] {
			if actionsForwardTo(r.Actions, tg) && !slices.Contains(out, ptr.Value(l.LoadBalancerArn)) {
				out = append(out, ptr.Value(l.LoadBalancerArn))
			}
		}
	}
	return out
}

func actionsForwardTo(actions []elbtypes.Action, tg string) bool {
	for _, a := range actions {
		if ptr.Value(a.TargetGroupArn) == tg {
			return true
		}
		if a.ForwardConfig != nil {
			for _, g := range a.ForwardConfig.TargetGroups {
				if ptr.Value(g.TargetGroupArn) == tg {
					return true
				}
			}
		}
	}
	return false
}

// ServingTargetGroups lists, for every listener rule, the target groups it
// sends requests to (weight above 0) that have healthy targets: a test of
// a move without downtime wants none of these lists empty.
func (e *Estate) ServingTargetGroups() map[string][]string {
	out := map[string][]string{}
	for _, l := range e.Listeners {
		for _, r := range e.Rules[ptr.Value(l.ListenerArn)] {
			key := ptr.Value(r.RuleArn)
			out[key] = []string{}
			for _, a := range r.Actions {
				var groups []string
				if a.TargetGroupArn != nil {
					groups = append(groups, *a.TargetGroupArn)
				}
				if a.ForwardConfig != nil {
					for _, g := range a.ForwardConfig.TargetGroups {
						if g.Weight == nil || *g.Weight > 0 {
							groups = append(groups, ptr.Value(g.TargetGroupArn))
						}
					}
				}
				for _, g := range groups {
					for _, t := range e.Targets[g] {
						if t.TargetHealth != nil && t.TargetHealth.State == elbtypes.TargetHealthStateEnumHealthy {
							out[key] = append(out[key], g)
							break
						}
					}
				}
			}
		}
	}
	return out
}
