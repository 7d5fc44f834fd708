package fleet

// ServiceMetrics is a service's utilisation over a recent window, from
// CloudWatch (AWS/ECS CPUUtilization and MemoryUtilization, in percent of
// what the service's tasks reserve). Live discovery fills it; snapshots
// carry it; rightsizing uses it. A nil figure means CloudWatch had no data.
type ServiceMetrics struct {
	ServiceArn string   `json:"serviceArn"`
	Days       int      `json:"days"`
	CPUMax     *float64 `json:"cpuMax,omitempty"`
	CPUP99     *float64 `json:"cpuP99,omitempty"`
	MemoryMax  *float64 `json:"memoryMax,omitempty"`
	MemoryP99  *float64 `json:"memoryP99,omitempty"`
	// TasksAverage is the average number of running tasks over the window
	// (ECS/ContainerInsights RunningTaskCount; nil without Container
	// Insights): the cost model prices Fargate task-hours by it rather than
	// by the desiredCount snapshot.
	TasksAverage *float64 `json:"tasksAverage,omitempty"`
}
