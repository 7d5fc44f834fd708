package discover

import (
	"context"

	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
)

// targetGroups describes the target groups behind services' load balancers.
func (r *reader) targetGroups(ctx context.Context, refs *references) {
	batches := chunks(refs.sorted(refs.targetGroups), describeTargetGroupsBatch)
	parallel(len(batches), func(i int) {
		var out *elb.DescribeTargetGroupsOutput
		err := r.call(ctx, "elasticloadbalancing:DescribeTargetGroups", func(ctx context.Context) (err error) {
			out, err = r.elb.DescribeTargetGroups(ctx, &elb.DescribeTargetGroupsInput{TargetGroupArns: batches[i]})
			return err
		})
		if err != nil {
			r.fail("", "elasticloadbalancing:DescribeTargetGroups", err)
			return
		}
		for _, tg := range out.TargetGroups {
			r.col.addTargetGroup(tg)
		}
	})
}
