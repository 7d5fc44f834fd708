package fleet

// ServiceMetrics is a service's utilisation over a recent window, from
// CloudWatch. Live discovery fills it; snapshots carry it; an export of
// `aws cloudwatch get-metric-data` fills it offline; rightsizing uses it.
// A nil figure means CloudWatch had no data.
//
// The AWS/ECS figures are percentages of what each task reserves
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html):
// Maximum is the busiest single task, Average the mean over the service's
// tasks; ServiceUsage turns them into CPU units and MiB per task. The
// Container Insights figures are absolute already.
type ServiceMetrics struct {
	ServiceArn string `json:"serviceArn"`
	Days       int    `json:"days"`
	// DaysWithData is how many days of the window CloudWatch had any
	// CPUUtilization datapoint for (nil when the source did not say, as
	// in snapshots written before it was read): fewer than Days is a gap.
	DaysWithData  *int     `json:"daysWithData,omitempty"`
	CPUMax        *float64 `json:"cpuMax,omitempty"`
	CPUP99        *float64 `json:"cpuP99,omitempty"`
	CPUAverage    *float64 `json:"cpuAverage,omitempty"`
	MemoryMax     *float64 `json:"memoryMax,omitempty"`
	MemoryP99     *float64 `json:"memoryP99,omitempty"`
	MemoryAverage *float64 `json:"memoryAverage,omitempty"`
	// TasksAverage is the average number of running tasks over the window
	// (ECS/ContainerInsights RunningTaskCount; nil without Container
	// Insights): the cost model prices Fargate task-hours by it rather than
	// by the desiredCount snapshot.
	TasksAverage *float64 `json:"tasksAverage,omitempty"`
	// Insights holds Container Insights' absolute figures, read where the
	// cluster has Container Insights on (nil otherwise).
	Insights *InsightsMetrics `json:"insights,omitempty"`

	// cluster and service name the service where an export of
	// get-metric-data gives no ARN; linking fills ServiceArn from them.
	cluster, service string
	file, path       string // where the export named it, for messages
}

// ClusterMetrics is a cluster's host count over the window: the average of
// ECS/ContainerInsights ContainerInstanceCount (dimension ClusterName: the
// EC2 instances running the ECS agent registered with the cluster,
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html),
// read where the cluster has Container Insights on. The cost model sets it
// against the describe-container-instances snapshot.
type ClusterMetrics struct {
	ClusterArn       string   `json:"clusterArn"`
	Days             int      `json:"days"`
	InstancesAverage *float64 `json:"instancesAverage,omitempty"`

	// cluster names the cluster where a get-metric-data export gives no
	// ARN; linking fills ClusterArn from it.
	cluster, file, path string
}

// InsightsMetrics are ECS/ContainerInsights CpuUtilized (CPU units) and
// MemoryUtilized (MiB) for a service: totals over its running tasks
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html).
type InsightsMetrics struct {
	CPUMax        *float64 `json:"cpuMax,omitempty"`
	CPUP99        *float64 `json:"cpuP99,omitempty"`
	CPUAverage    *float64 `json:"cpuAverage,omitempty"`
	MemoryMax     *float64 `json:"memoryMax,omitempty"`
	MemoryP99     *float64 `json:"memoryP99,omitempty"`
	MemoryAverage *float64 `json:"memoryAverage,omitempty"`
}
