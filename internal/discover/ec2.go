package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

// instances describes the EC2 instances behind the container instances.
func (r *reader) instances(ctx context.Context, refs *references) {
	batches := chunks(refs.sorted(refs.instances), describeInstancesBatch)
	parallel(len(batches), func(i int) {
		var out *ec2.DescribeInstancesOutput
		err := r.call(ctx, "ec2:DescribeInstances", func(ctx context.Context) (err error) {
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
		err := r.call(ctx, "ec2:DescribeSubnets", func(ctx context.Context) (err error) {
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

// volumes describes the EBS volumes attached to the container instances,
// which the cost model prices with the hosts.
func (r *reader) volumes(ctx context.Context, refs *references) {
	batches := chunks(refs.sorted(refs.instances), describeVolumesBatch)
	parallel(len(batches), func(i int) {
		in := &ec2.DescribeVolumesInput{Filters: []ec2types.Filter{{Name: aws.String("attachment.instance-id"), Values: batches[i]}}}
		for {
			var out *ec2.DescribeVolumesOutput
			err := r.call(ctx, "ec2:DescribeVolumes", func(ctx context.Context) (err error) {
				out, err = r.ec2.DescribeVolumes(ctx, in)
				return err
			})
			if err != nil {
				r.fail("", "ec2:DescribeVolumes", err)
				return
			}
			for _, v := range out.Volumes {
				r.col.addVolume(v)
			}
			if aws.ToString(out.NextToken) == "" {
				return
			}
			in.NextToken = out.NextToken
		}
	})
}
