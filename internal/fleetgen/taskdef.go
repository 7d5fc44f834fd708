package fleetgen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// addTaskDefinition generates revision rev of family f, once.
func (g *gen) addTaskDefinition(f *family, rev int32) {
	key := fmt.Sprintf("%s:%d", f.name, rev)
	if g.seenTD[key] {
		return
	}
	g.seenTD[key] = true
	td := ecstypes.TaskDefinition{
		TaskDefinitionArn:       aws.String(g.taskDefArn(f, rev)),
		Family:                  aws.String(f.name),
		Revision:                rev,
		Status:                  ecstypes.TaskDefinitionStatusActive,
		NetworkMode:             ecstypes.NetworkModeBridge,
		RequiresCompatibilities: []ecstypes.Compatibility{ecstypes.CompatibilityEc2},
		Compatibilities:         []ecstypes.Compatibility{ecstypes.CompatibilityExternal, ecstypes.CompatibilityEc2},
		ContainerDefinitions:    []ecstypes.ContainerDefinition{g.mainContainer(f, rev)},
		PlacementConstraints:    []ecstypes.TaskDefinitionPlacementConstraint{},
		Volumes:                 []ecstypes.Volume{},
		RegisteredAt:            g.at(300),
		RegisteredBy:            aws.String(fmt.Sprintf("arn:aws:sts::%s:assumed-role/deploy-pipeline/ci", g.o.Account)),
	}
	if f.taskRole {
		td.TaskRoleArn = aws.String(fmt.Sprintf("arn:aws:iam::%s:role/%s-task", g.o.Account, f.name))
	}
	if f.secrets || f.log == ecstypes.LogDriverAwslogs && f.ecr {
		td.ExecutionRoleArn = aws.String(fmt.Sprintf("arn:aws:iam::%s:role/ecsTaskExecutionRole", g.o.Account))
	}
	if f.taskSize {
		td.Cpu, td.Memory = aws.String(strconv.Itoa(int(f.cpu))), aws.String(strconv.Itoa(int(f.mem)))
	}
	shapeTask[f.kind](g, f, &td)
	td.RequiresAttributes = requiresAttributes(&td)
	g.taskDefs = append(g.taskDefs, taskDefOut{def: td, tags: []ecstypes.Tag{
		{Key: aws.String("team"), Value: aws.String(team(f.name))},
		{Key: aws.String("managed-by"), Value: aws.String("terraform")},
	}})
}

// team is the area a family belongs to, the part of its name before the
// first dash: it names the ECR namespace and the team tag.
func team(family string) string {
	t, _, _ := strings.Cut(family, "-")
	return t
}

// requiresAttributes lists the agent capabilities ECS derives from a task
// definition, as describe-task-definition prints them.
func requiresAttributes(td *ecstypes.TaskDefinition) []ecstypes.Attribute {
	names := []string{"com.amazonaws.ecs.capability.docker-remote-api.1.19"}
	for _, c := range td.ContainerDefinitions {
		if c.LogConfiguration != nil {
			names = append(names, "com.amazonaws.ecs.capability.logging-driver."+string(c.LogConfiguration.LogDriver))
		}
	}
	if td.TaskRoleArn != nil {
		names = append(names, "com.amazonaws.ecs.capability.task-iam-role")
	}
	if td.NetworkMode == ecstypes.NetworkModeAwsvpc {
		names = append(names, "ecs.capability.task-eni")
	}
	var out []ecstypes.Attribute
	seen := map[string]bool{}
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, ecstypes.Attribute{Name: aws.String(n)})
		}
	}
	return out
}
