package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
)

// instances describes the EC2 instances behind the container instances.
func (r *reader) instances(ctx context.Context, refs *references) {
	batches := chunks(refs.sorted(refs.instances), describeInstancesBatch)
	parallel(len(batches), func(i int) {
		var out *ec2.DescribeInstancesOutput
		err := r.call(ctx, "ec2", func(ctx context.Context) (err error) {
			out, err = r.ec2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIds: batches[i]})
			return err
		})
		if err != nil {
			r.fail("", "ec2:DescribeInstances", err)
			return
		}
		for _, res := range out.Reservations {
			for _, in := range res.Instances {
				r.col.addInstance(in, aws.ToString(res.OwnerId))
				refs.add(&refs.subnets, aws.ToString(in.SubnetId))
			}
		}
	})
}

// subnets describes the subnets services and instances use (free IPs).
func (r *reader) subnets(ctx context.Context, refs *references) {
	batches := chunks(refs.sorted(refs.subnets), describeSubnetsBatch)
	parallel(len(batches), func(i int) {
		var out *ec2.DescribeSubnetsOutput
		err := r.call(ctx, "ec2", func(ctx context.Context) (err error) {
			out, err = r.ec2.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{SubnetIds: batches[i]})
			return err
		})
		if err != nil {
			r.fail("", "ec2:DescribeSubnets", err)
			return
		}
		for _, sn := range out.Subnets {
			r.col.addSubnet(sn)
		}
	})
}
