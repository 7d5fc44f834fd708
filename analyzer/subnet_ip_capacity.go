package analyzer

import (
	"strconv"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var subnetIPCapacity = Rule{
	ID:       "subnet-ip-capacity",
	Scope:    ScopeService,
	Severity: Warning,
	Title:    "The task subnets may run out of IP addresses",
	Rationale: "Every Fargate task takes one network interface and one private IP in its subnet, and a rolling deployment runs up to `maximumPercent` (default 200 %) of the desired count at once; " +
		"ENI trunking does not apply to Fargate. The interfaces also count against the Region's network-interfaces quota. " +
		"We compare the free addresses of a subnet set with the peak need of all services in the inputs that will share it.",
	Remediation: "Add subnets (or larger ones, e.g. a secondary CIDR) to the service's network configuration, lower `maximumPercent`, or move services in waves.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
	},
	Check: checkSubnetIPCapacity,
}

const defaultMaximumPercent = 200

// peakIPs is how many task IPs a service needs at the height of a
// deployment once on Fargate; a service already there holds its running
// tasks' addresses, so it only needs the surge.
func peakIPs(svc *fleet.Service) int {
	if svc.Svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		return 0 // cannot move to Fargate: scheduling-daemon
	}
	maxPct := defaultMaximumPercent
	if c := svc.Svc.DeploymentConfiguration; c != nil && c.MaximumPercent != nil {
		maxPct = int(*c.MaximumPercent)
	}
	if onFargate(&svc.Svc) {
		maxPct = max(maxPct-100, 0)
	}
	return (int(svc.Svc.DesiredCount)*maxPct + 99) / 100
}

func checkSubnetIPCapacity(s *Subject) []Finding {
	if s.Svc().SchedulingStrategy == ecstypes.SchedulingStrategyDaemon {
		return nil
	}
	subnets, fromService := s.memo.taskSubnets(s.Fleet, s.Service)
	if len(subnets) == 0 {
		return nil
	}
	free := 0
	var missing []string
	for _, id := range subnets {
		sn := s.Fleet.Subnet(s.Service.Identity, id)
		if sn == nil || sn.EC2.AvailableIpAddressCount == nil {
			missing = append(missing, id)
			continue
		}
		free += int(*sn.EC2.AvailableIpAddressCount)
	}
	if len(missing) > 0 {
		return s.one(Unchecked("free IP addresses of subnets " + strings.Join(missing, ", ") + ": add `aws ec2 describe-subnets` output"))
	}
	d := s.memo.subnetDemand(s.Fleet, subnetSetKey(s.Service, subnets))
	need, sharing := d.need, d.sharing
	if free >= need {
		return nil
	}
	who := "the service needs"
	if sharing > 1 {
		who = "the " + strconv.Itoa(sharing) + " services sharing them need"
	}
	source := "subnets"
	if !fromService {
		source = "the cluster instances' subnets"
	}
	var value any = subnets
	if !fromService {
		value = nil
	}
	path := at("networkConfiguration", "awsvpcConfiguration", "subnets") // only for a finding: most services have none
	return s.one(Flag(path, value, "%s %s have %d free IP addresses; %s up to %d during deployments on Fargate", source, strings.Join(subnets, ", "), free, who, need))
}
