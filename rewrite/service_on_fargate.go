package rewrite

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// alreadyOnFargate is the rewrite of a service that runs on Fargate
// already: no request. An update-service would redeploy it, move a pinned
// platform version to LATEST, and replace its network configuration with
// --subnets and --security-groups; a create-service would duplicate it.
// The one exception is a retired platform version, which cannot start
// tasks: when the fix of the audit's platform-version finding asks for
// LATEST, an update-service that sets platformVersion LATEST and nothing
// else. (Other fixes' asks are not taken: the service runs on Fargate.)
func alreadyOnFargate(f *fleet.Fleet, s *fleet.Service, opts ServiceOptions, asks *serviceAsks) (*ServiceResult, error) {
	res := &ServiceResult{Account: s.Identity.Account, Region: s.Identity.Region, Cluster: s.Cluster, Service: s.Name(), AlreadyOnFargate: true, Changes: []Change{}, Remaining: []Remaining{}}
	if !asks.latestPlatform {
		return res, nil
	}
	before := aws.ToString(s.Svc.PlatformVersion)
	res.Changes = append(res.Changes, Change{RuleID: analyzer.RulePlatformVersion, Path: "platformVersion", Before: svcJSON(before), After: svcJSON(platformLatest),
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
