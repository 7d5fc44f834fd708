package discover

import (
	"context"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
)

// EnabledRegions lists the regions enabled for the account (EC2
// DescribeRegions without AllRegions returns only those).
func EnabledRegions(ctx context.Context, cfg aws.Config) ([]string, error) {
	if cfg.Region == "" {
		cfg = cfg.Copy()
		cfg.Region = "us-east-1"
	}
	out, err := ec2.NewFromConfig(cfg).DescribeRegions(ctx, &ec2.DescribeRegionsInput{})
	if err != nil {
		return nil, fmt.Errorf("listing enabled regions (ec2:DescribeRegions): %s", describeError(err))
	}
	var regions []string
	for _, r := range out.Regions {
		regions = append(regions, aws.ToString(r.RegionName))
	}
	sort.Strings(regions)
	return regions, nil
}
