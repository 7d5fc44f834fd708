package rewrite

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// serviceAlreadyOnFargate is the one question the service rewrite asks
// before anything else: does the service run on Fargate already? Launch
// type FARGATE or a strategy of FARGATE and FARGATE_SPOT only
// (svcOnFargate), or, for a service whose tasks come from task sets, every
// task set so. It wraps svcOnFargate until the fleet model decides that
// fact for every package; point it there then.
func serviceAlreadyOnFargate(svc *ecstypes.Service) bool {
	if svcOnFargate(svc) {
		return true
	}
	for _, ts := range svc.TaskSets {
		if !svcOnFargate(&ecstypes.Service{LaunchType: ts.LaunchType, CapacityProviderStrategy: ts.CapacityProviderStrategy}) {
			return false
		}
	}
	return len(svc.TaskSets) > 0
}

// alreadyOnFargate is the rewrite of a service that runs on Fargate
// already: no request. An update-service would redeploy it, move a pinned
// platform version to LATEST, and replace its network configuration with
// --subnets and --security-groups; a create-service would duplicate it.
// The one exception is a retired platform version (the audit's fixable
// platform-version finding), which cannot start tasks: an update-service
// that sets platformVersion LATEST and nothing else.
func alreadyOnFargate(f *fleet.Fleet, s *fleet.Service, opts ServiceOptions) (*ServiceResult, error) {
	res := &ServiceResult{Cluster: s.Cluster, Service: s.Name(), AlreadyOnFargate: true, Changes: []Change{}, Remaining: []Remaining{}}
	if !retiredPlatformVersion(f, s) {
		return res, nil
	}
	before := aws.ToString(s.Svc.PlatformVersion)
	res.Changes = append(res.Changes, Change{RuleID: "platform-version", Path: "platformVersion", Before: svcJSON(before), After: svcJSON(platformLatest),
		Message: "platform version " + before + " is retired and cannot start tasks: LATEST (Linux 1.4.0); nothing else about the service changes"})
	if opts.Preview {
		return res, nil
	}
	in := &ecs.UpdateServiceInput{Service: aws.String(s.Name()), PlatformVersion: aws.String(platformLatest)}
	if s.Cluster != "" {
		in.Cluster = aws.String(s.Cluster)
	}
	doc, err := svcIndentJSON(in, awsjson.ECSCLI, updateServiceOrder)
	if err != nil {
		return nil, err
	}
	res.UpdateService = doc
	return res, nil
}

// retiredPlatformVersion asks the audit's platform-version rule, which
// decides what is retired, whether the service's version is.
func retiredPlatformVersion(f *fleet.Fleet, s *fleet.Service) bool {
	for _, rule := range catalogue {
		if rule.ID != "platform-version" {
			continue
		}
		for _, fd := range analyzer.Check([]analyzer.Rule{rule}, analyzer.ScopeService, &analyzer.Subject{Fleet: f, TaskDef: s.TaskDef, Service: s}) {
			if fd.Severity == analyzer.Fixable {
				return true
			}
		}
	}
	return false
}
