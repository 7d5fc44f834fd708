package fleet

import (
	"slices"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// DeclaresFargate reports what the task definition itself declares: that it
// is already written for Fargate. That is FARGATE in requiresCompatibilities
// (ECS then validates the revision against Fargate at registration) or in
// compatibilities (the launch types describe-task-definition says it was
// validated against), together with the awsvpc network mode every Fargate
// task needs. Such a definition already runs on Fargate or could; the audit
// treats what it lacks as advice, not as a rewrite to make.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html
func DeclaresFargate(def *ecstypes.TaskDefinition) bool {
	return def != nil && def.NetworkMode == ecstypes.NetworkModeAwsvpc && listsFargate(def)
}

// ListsFargate reports whether FARGATE is in requiresCompatibilities or
// compatibilities, whatever the network mode.
func (td *TaskDefinition) ListsFargate() bool { return listsFargate(&td.Def) }

func listsFargate(def *ecstypes.TaskDefinition) bool {
	return slices.Contains(def.RequiresCompatibilities, ecstypes.CompatibilityFargate) ||
		slices.Contains(def.Compatibilities, ecstypes.CompatibilityFargate)
}
