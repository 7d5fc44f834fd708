package rewrite

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// ServiceOptions are the user's choices for a service rewrite.
type ServiceOptions struct {
	// Subnets and SecurityGroups for the tasks' awsvpc configuration; when
	// empty they come from the service or its cluster's instances
	// (subnets only), else a placeholder.
	Subnets, SecurityGroups []string
	// Network gives subnets and security groups per cluster (or per
	// account, region and cluster); a choice that names the service's
	// cluster comes before Subnets and SecurityGroups.
	Network NetworkChoices
	// AssignPublicIP gives each task a public IPv4 address.
	AssignPublicIP bool
	// SpotWeight, when above 0, adds FARGATE_SPOT with this weight beside
	// FARGATE (weight 1, base 1).
	SpotWeight int
	// Force writes the update-service document for a service whose in-place
	// move is only unverified (a legacy role), not known to fail.
	Force bool
	// Preview leaves the request documents out: UpdateService,
	// CreateService and every target group's Document stay nil. The rest of
	// the result (changes, remaining findings, target group names) is the
	// same; it is for callers that show only that, like the report.
	Preview bool
}

// maxStrategyWeight is the largest capacity provider weight ECS accepts.
const maxStrategyWeight = 1000

// Service rewrites one service for Fargate: nothing for a service already
// on Fargate (see alreadyOnFargate); an update-service request when it can
// move in place, else the reason and, where possible, a
// create-service request for a side-by-side Fargate service; plus a
// create-target-group request for each load balancer target group that is
// not of type ip. newTaskDefinition is what the requests name as the task
// definition (family or family:revision of the registered Fargate one).
func Service(f *fleet.Fleet, s *fleet.Service, newTaskDefinition string, opts ServiceOptions) (*ServiceResult, error) {
	return serviceWithFixes(f, s, newTaskDefinition, opts, serviceFixRules, nil)
}

// ServiceAudited is Service taking what the service's fixes act on from
// known (AuditedBy: the report's audit of f) where it has it, instead of
// auditing the service again; the result is the same.
func ServiceAudited(f *fleet.Fleet, s *fleet.Service, newTaskDefinition string, opts ServiceOptions, known *Audited) (*ServiceResult, error) {
	return serviceWithFixes(f, s, newTaskDefinition, opts, serviceFixRules, known)
}

// serviceWithFixes is Service applying the fixes of rules only (a test
// holds each rule's fix to its findings alone); known is nil unless rules
// are serviceFixRules.
func serviceWithFixes(f *fleet.Fleet, s *fleet.Service, newTaskDefinition string, opts ServiceOptions, rules []analyzer.Rule, known *Audited) (*ServiceResult, error) {
	if f == nil || s == nil {
		return nil, errors.New("rewrite.Service: no fleet or no service given")
	}
	if s.Name() == "" {
		return nil, fmt.Errorf("%s: service %s has no serviceName", svcSourceLabel(s), aws.ToString(s.Svc.ServiceArn))
	}
	if err := checkServiceOptions(newTaskDefinition, opts); err != nil {
		return nil, fmt.Errorf("service %s: %w", serviceLabel(s), err)
	}
	if s.OnFargate() {
		return alreadyOnFargate(f, s, opts, askFixes(f, s, rules, known))
	}
	p := newServicePlan(f, s, newTaskDefinition, opts)
	p.asks = askFixes(f, s, rules, known)
	return p.result()
}

// checkServiceOptions rejects options AWS would reject, naming the option.
func checkServiceOptions(newTaskDefinition string, opts ServiceOptions) error {
	if strings.TrimSpace(newTaskDefinition) == "" {
		return errors.New("no task definition given for the rewritten service")
	}
	if opts.SpotWeight < 0 || opts.SpotWeight > maxStrategyWeight {
		return fmt.Errorf("spot weight %d is outside 0-%d", opts.SpotWeight, maxStrategyWeight)
	}
	for i, id := range opts.Subnets {
		if !strings.HasPrefix(id, "subnet-") {
			return fmt.Errorf("subnets[%d] %q is not a subnet id (subnet-...)", i, id)
		}
	}
	for i, id := range opts.SecurityGroups {
		if !strings.HasPrefix(id, "sg-") {
			return fmt.Errorf("security groups[%d] %q is not a security group id (sg-...)", i, id)
		}
	}
	return nil
}

// serviceLabel names a service in messages as cluster/service.
func serviceLabel(s *fleet.Service) string {
	name := s.Name()
	if s.Cluster == "" {
		return name
	}
	return s.Cluster + "/" + name
}

// svcSourceLabel names where a service was read: file and JSON path.
func svcSourceLabel(s *fleet.Service) string {
	src := s.Doc.Source
	if src.Path == "" {
		return svcOrText(src.File, "input")
	}
	return svcOrText(src.File, "input") + " " + src.Path
}
