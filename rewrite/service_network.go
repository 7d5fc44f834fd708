package rewrite

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"slices"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Placeholders stand in for values the inputs do not hold; AWS rejects
// them, so a document that still has one cannot be applied by mistake.
const (
	placeholderSubnet        = "subnet-REPLACE-ME"
	placeholderSecurityGroup = "sg-REPLACE-ME"
	placeholderVPC           = "vpc-REPLACE-ME"
)

// Limits of an awsvpc configuration (API:AwsVpcConfiguration).
const (
	maxAwsvpcSubnets        = 16
	maxAwsvpcSecurityGroups = 5
)

const awsvpcPath = "networkConfiguration.awsvpcConfiguration"

// planNetwork, when a fix asked for the awsvpc configuration, chooses the tasks' subnets, security groups and public IP
// setting: the options first, then what the service already has, then
// (subnets only) the subnets of the cluster's instances, else placeholders.
func (p *servicePlan) planNetwork() {
	if !p.asks.network {
		return
	}
	old := p.oldAwsvpc()
	subnets, subnetFrom := p.chooseSubnets(old)
	sgs, sgFrom := p.chooseSecurityGroups(old)
	assign := ecstypes.AssignPublicIpDisabled
	if p.opts.AssignPublicIP {
		assign = ecstypes.AssignPublicIpEnabled
	}
	cfg := &ecstypes.AwsVpcConfiguration{Subnets: subnets, SecurityGroups: sgs, AssignPublicIp: assign}
	p.network = &ecstypes.NetworkConfiguration{AwsvpcConfiguration: cfg}
	p.networkChanges(old, cfg, subnetFrom, sgFrom)
	p.instanceGroupReferences(old, sgs)
	p.networkLimits(cfg)
	if p.opts.AssignPublicIP {
		p.remain(analyzer.RuleAssignPublicIP, awsvpcPath+".assignPublicIp",
			"each task gets a public IPv4 address (billed per hour); needed only in public subnets without a NAT gateway or VPC endpoints")
	}
}

func (p *servicePlan) oldAwsvpc() *ecstypes.AwsVpcConfiguration {
	if p.svc.NetworkConfiguration == nil {
		return nil
	}
	return p.svc.NetworkConfiguration.AwsvpcConfiguration
}

func (p *servicePlan) chooseSubnets(old *ecstypes.AwsVpcConfiguration) ([]string, string) {
	if c := choose(p.opts.Network.Subnets, p.s); c != nil {
		return slices.Clone(c.IDs), c.Origin
	}
	switch {
	case len(p.opts.Subnets) > 0:
		return slices.Clone(p.opts.Subnets), "the --subnets option"
	case old != nil && len(old.Subnets) > 0:
		return slices.Clone(old.Subnets), "the service's awsvpc configuration"
	}
	if subnets := p.instanceSubnets(); len(subnets) > 0 {
		// A copy: the request's list is its own, the cluster's is shared.
		return slices.Clone(subnets), "the subnets of cluster " + p.s.Cluster + "'s container instances"
	}
	p.remain(analyzer.RuleNetworkConfiguration, awsvpcPath+".subnets",
		"replace "+placeholderSubnet+" with the subnets the tasks should use (--subnets): the inputs name no subnets for this service "+
			"(add describe-container-instances and describe-instances output to derive them from the hosts)")
	return []string{placeholderSubnet}, "a placeholder"
}

// chooseSecurityGroups never copies the instances' groups: their rules
// were written for host ports (often the whole dynamic port range) and
// other resources grant access to them, so on a task they would open too
// much or too little. They are named as a starting point instead.
func (p *servicePlan) chooseSecurityGroups(old *ecstypes.AwsVpcConfiguration) ([]string, string) {
	if c := choose(p.opts.Network.SecurityGroups, p.s); c != nil {
		return slices.Clone(c.IDs), c.Origin
	}
	switch {
	case len(p.opts.SecurityGroups) > 0:
		return slices.Clone(p.opts.SecurityGroups), "the --security-groups option"
	case old != nil && len(old.SecurityGroups) > 0:
		return slices.Clone(old.SecurityGroups), "the service's awsvpc configuration"
	}
	hint := ""
	if _, sgs := p.instanceNetwork(); len(sgs) > 0 {
		hint = " (the container instances use " + strings.Join(sgs, ", ") + "; they were not copied because their rules were written for host ports " +
			"and other resources trust them: create a task security group that lets the load balancer reach the container port)"
	}
	p.remain(analyzer.RuleNetworkConfiguration, awsvpcPath+".securityGroups",
		"replace "+placeholderSecurityGroup+" with the security group(s) for the tasks (--security-groups)"+hint)
	return []string{placeholderSecurityGroup}, "a placeholder"
}

// instanceSubnets are the subnets of the EC2 instances behind the
// service's cluster, sorted.
func (p *servicePlan) instanceSubnets() []string {
	subnets, _ := p.instanceNetwork()
	return subnets
}

// instanceNetwork lists the subnets and security groups of the EC2
// instances behind the cluster's container instances. The inputs do not
// say which instances ran this service, so the whole cluster counts. The
// fleet works them out once a cluster (fleet.Fleet.InstanceNetworkOf), so
// the slices are shared: not to be modified.
func (p *servicePlan) instanceNetwork() (subnets, sgs []string) {
	return p.f.InstanceNetworkOf(p.f.ClusterOf(p.s))
}

// svcSortedSet returns the distinct non-empty strings, sorted.
func svcSortedSet(items []string) []string {
	out := slices.DeleteFunc(slices.Clone(items), func(s string) bool { return s == "" })
	slices.Sort(out)
	return slices.Compact(out)
}

// instanceGroupReferences warns, when a service moves from host to task
// networking, that whatever trusted the instances' security groups must
// now trust the tasks' groups.
func (p *servicePlan) instanceGroupReferences(old *ecstypes.AwsVpcConfiguration, sgs []string) {
	_, hostSGs := p.instanceNetwork()
	if old != nil || len(hostSGs) == 0 || slices.Equal(sgs, []string{placeholderSecurityGroup}) {
		return
	}
	p.remain(analyzer.RuleSecurityGroupsPerTask, awsvpcPath+".securityGroups",
		"traffic now comes from the tasks' security groups ("+strings.Join(sgs, ", ")+"), not the container instances' ("+strings.Join(hostSGs, ", ")+
			"): rules that allow the instances' groups (databases, caches, other services) must allow the tasks' groups too, "+
			"and the load balancer's group must reach the container port")
}
