package rewrite

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// planLoadBalancers keeps ip target groups, replaces every other target
// group (type instance, or not in the inputs) by a new ip one, also the
// alternate group of an ECS blue/green entry, and leaves Classic Load
// Balancers out (a blocker says so).
func (p *servicePlan) planLoadBalancers() {
	created := map[string]string{} // old ARN -> placeholder ARN
	for i, lb := range p.svc.LoadBalancers {
		if name := aws.ToString(lb.LoadBalancerName); name != "" {
			p.lbChanged = true
			p.change(analyzer.RuleLBClassic, svcIndexPath("loadBalancers", i, ""), lb, nil, true, "Classic Load Balancer "+name+" left out: it cannot route to awsvpc tasks")
			continue
		}
		next := lb
		next.TargetGroupArn = p.ipGroupFor(created, svcIndexPath("loadBalancers", i, "targetGroupArn"), lb.TargetGroupArn, lb.ContainerPort)
		if adv := lb.AdvancedConfiguration; adv != nil && adv.AlternateTargetGroupArn != nil {
			copied := *adv
			copied.AlternateTargetGroupArn = p.ipGroupFor(created, svcIndexPath("loadBalancers", i, "advancedConfiguration.alternateTargetGroupArn"),
				adv.AlternateTargetGroupArn, lb.ContainerPort)
			next.AdvancedConfiguration = &copied
		}
		p.lbs = append(p.lbs, next)
	}
}

// ipGroupFor returns the ARN the Fargate service should use in place of
// arn: arn itself for an ip target group of the inputs or one no fix asked
// to replace, else the placeholder of a new ip group (created once per old
// group). A group not among the inputs, whose type the audit cannot tell,
// is replaced too: the new group is ip for certain.
func (p *servicePlan) ipGroupFor(created map[string]string, path string, arnp *string, port *int32) *string {
	arn := aws.ToString(arnp)
	tg := p.f.TargetGroup(arn)
	if tg != nil && (tg.TG.TargetType == elbtypes.TargetTypeEnumIp || !p.asks.ipGroups[path]) {
		return arnp
	}
	p.lbChanged = true
	if placeholder, ok := created[arn]; ok {
		return aws.String(placeholder)
	}
	created[arn] = p.newTargetGroup(path, arn, port, tg)
	return aws.String(created[arn])
}

// newTargetGroup writes the create-target-group request replacing the
// target group arn and returns the placeholder ARN the service points to.
func (p *servicePlan) newTargetGroup(path, arn string, port *int32, tg *fleet.TargetGroup) string {
	oldName := targetGroupNameFromARN(arn)
	if tg != nil && tg.TG.TargetGroupName != nil {
		oldName = *tg.TG.TargetGroupName
	}
	name := ipTargetGroupName(oldName, arn)
	placeholder := placeholderTargetGroupARN(arn, name)
	in := ipTargetGroupInput(name, tg, port, svcOrText(p.tasksVPC(), placeholderVPC))
	doc, err := p.requestJSON(in, awsjson.EC2CLI, createTargetGroupOrder)
	if err != nil { // SDK values always encode; keep the rewrite going
		p.remain(analyzer.RuleLBTargetTypeIP, path, "could not write the target group request: "+err.Error())
		return arn
	}
	p.tgDocs = append(p.tgDocs, TargetGroupDoc{Replaces: arn, Name: name, Document: doc})
	p.targetGroupChange(path, arn, placeholder, name, tg)
	p.targetGroupRemaining(path, in.Protocol, name, oldName, tg)
	return placeholder
}

func (p *servicePlan) targetGroupChange(path, arn, placeholder, name string, tg *fleet.TargetGroup) {
	kind := "has target type instance"
	if tg == nil {
		kind = "was not among the inputs (type not checked)"
	} else if tg.TG.TargetType != "" {
		kind = "has target type " + string(tg.TG.TargetType)
	}
	p.change(analyzer.RuleLBTargetTypeIP, path, arn, placeholder, false,
		fmt.Sprintf("target group %s %s; Fargate tasks register by IP, so the service points to the new ip target group %s "+
			"(create it, then put its ARN in place of %s)", targetGroupNameFromARN(arn), kind, name, placeholderID))
}

// targetGroupRemaining lists what the user must still do for a new
// target group.
func (p *servicePlan) targetGroupRemaining(path string, proto elbtypes.ProtocolEnum, name, oldName string, tg *fleet.TargetGroup) {
	p.remain(analyzer.RuleLBTargetTypeIP, path, "before "+svcOrText(p.mode, "moving the service")+", add target group "+name+" to the listener rules that forward to "+oldName+
		" (a weighted forward; ECS needs the target group attached to a load balancer), and shift the weight to it as the Fargate tasks become healthy")
	if tg == nil {
		p.remain(analyzer.RuleLBTargetTypeIP, path, "target group "+oldName+" was not among the inputs, so its type was not checked and "+name+
			" assumes protocol HTTP, the tasks' VPC and the default health check: add describe-target-groups output, or check the request by hand")
	}
	if port, ok := fixedHealthCheckPort(tg); ok {
		p.remain(analyzer.RuleLBContainerPort, path, fmt.Sprintf("the health check of %s uses the fixed port %d: on Fargate it reaches the task's IP, "+
			"so that port must be one the task listens on (traffic-port uses the container port)", name, port))
	}
	if isNLBProtocol(proto) {
		p.remain(analyzer.RuleNLBClientIP, path, "ip target group "+name+" does not preserve client IP addresses by default (the instance one did): "+
			"set the target group attribute preserve_client_ip.enabled=true or use proxy protocol v2 if the application needs them")
	}
	if tg != nil && tg.TG.VpcId != nil {
		if vpc := p.tasksVPC(); vpc != "" && vpc != *tg.TG.VpcId {
			p.remain(analyzer.RuleLBTargetTypeIP, path, "target group "+oldName+" is in "+*tg.TG.VpcId+" but the tasks' subnets are in "+vpc+
				": "+name+" is created in "+*tg.TG.VpcId+", and tasks outside that VPC are reachable only through peering or a transit gateway; check the subnets")
		}
	}
}

// svcOrText is v, or alt when v is empty.
func svcOrText(v, alt string) string {
	if v == "" {
		return alt
	}
	return v
}
