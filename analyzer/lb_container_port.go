package analyzer

import (
	"strconv"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// RuleLBContainerPort is the ID of the rule below, for code that refers to it.
const RuleLBContainerPort = "lb-container-port"

var lbContainerPort = Rule{
	ID:       RuleLBContainerPort,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "Load-balanced traffic moves from the host port to the container port",
	Rationale: "On EC2 the load balancer reached the container through a host port (often a dynamic one); an awsvpc task is registered by its own IP and the container port. " +
		"The target group's port and health-check port must follow, and so must security group rules written for the host port range.",
	Remediation: "Keep `containerName`/`containerPort` in `loadBalancers`; create the ip target group with port = container port and health-check port `traffic-port` (or the container port), " +
		"and open the container port from the load balancer's security group.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
	},
	NeedsTaskDefinition: true,
	Check:               checkLBContainerPort,
	FixService:          fixLBContainerPort,
}

// fixLBContainerPort asks for an ip target group behind the entry (the
// finding is at loadBalancers[i].containerPort): the rewrite creates it
// with port = containerPort, and ECS registers each task's IP with the
// entry's containerPort in any ip group.
func fixLBContainerPort(x ServiceFixer, _ *Subject, f Finding) {
	x.IPTargetGroup(f.Field.Parent().Child(fieldpath.Key("targetGroupArn")))
}

func checkLBContainerPort(s *Subject) []Finding {
	out := s.findings()
	def := s.Def()
	for i, lb := range s.Svc().LoadBalancers {
		name, port := ptr.Value(lb.ContainerName), ptr.Value(lb.ContainerPort)
		pm := portMappingFor(def, name, port)
		if pm == nil {
			continue
		}
		host, differs := hostPortDiffers(def, pm)
		if !differs {
			continue
		}
		hc := ""
		if tg := s.Fleet.TargetGroup(ptr.Value(lb.TargetGroupArn)); tg != nil {
			hc = healthCheckNote(tg.TG, port)
		}
		out = append(out, Flag(at(idx("loadBalancers", i), "containerPort"), port,
			"container %s port %d is published on %s; on Fargate the target group and its health check must use port %d%s", name, port, host, port, hc).In(name))
	}
	return out
}

// healthCheckNote warns when a target group health-checks a fixed port
// other than the container port.
func healthCheckNote(tg elbtypes.TargetGroup, port int32) string {
	hp := ptr.Value(tg.HealthCheckPort)
	if hp == "" || hp == "traffic-port" || hp == strconv.Itoa(int(port)) {
		return ""
	}
	return " (target group " + ptr.Value(tg.TargetGroupName) + " health-checks port " + hp + ")"
}
