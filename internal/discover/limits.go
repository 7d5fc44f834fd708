package discover

// Batch sizes: the most items each describe call accepts, from the API
// references, so the number of calls is the least these limits allow.
const (
	describeClustersBatch           = 100 // ECS DescribeClusters clusters
	describeServicesBatch           = 10  // ECS DescribeServices services
	describeContainerInstancesBatch = 100 // ECS DescribeContainerInstances
	listPageSize                    = 100 // ECS List* maxResults
	describeImagesBatch             = 100 // ECR DescribeImages imageIds
	// EC2 DescribeInstances and DescribeSubnets document no maximum for
	// ids; 200 keeps each request and response small.
	describeInstancesBatch = 200
	describeSubnetsBatch   = 200
	// DescribeVolumes filter values per request: 200, as for the ids.
	describeVolumesBatch = 200
	// ELBv2 DescribeTargetGroups documents no maximum for TargetGroupArns
	// (PageSize ≤ 400); 20 is a conservative batch (unverified limit).
	describeTargetGroupsBatch = 20
)

// chunks splits items into batches of at most n.
func chunks[T any](items []T, n int) [][]T {
	var out [][]T
	for len(items) > n {
		out = append(out, items[:n])
		items = items[n:]
	}
	if len(items) > 0 {
		out = append(out, items)
	}
	return out
}
