package fleet

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// ContainerInsightsOn reports whether the cluster's settings turn
// Container Insights on ("enabled", or "enhanced" for enhanced
// observability), as describe-clusters --include SETTINGS returns them
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterSetting.html).
// Without the settings it is false: the figures then come from AWS/ECS.
func ContainerInsightsOn(c *ecstypes.Cluster) bool {
	if c == nil {
		return false
	}
	for _, s := range c.Settings {
		if s.Name == ecstypes.ClusterSettingNameContainerInsights {
			v := ptr.Value(s.Value)
			return v == "enabled" || v == "enhanced"
		}
	}
	return false
}
