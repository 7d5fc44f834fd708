package main

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// genFleet builds a snapshot of clusters × perCluster services in us-east-1,
// each with its own task definition, and 20 m5.xlarge container instances
// per cluster. One service in ten is privileged (blocked); the rest use
// bridge networking with dynamic host ports and an environment variable
// (fixable), so the rewrite has changes to make for most of them.
func genFleet(t testing.TB, clusters, perCluster int) *fleet.Fleet {
	t.Helper()
	snap := map[string]any{"schemaVersion": fleet.SnapshotSchemaVersion}
	var tds, svcs, cis, insts []any
	const arn = "arn:aws:ecs:us-east-1:123456789012:"
	for c := range clusters {
		cluster := fmt.Sprintf("cluster-%03d", c)
		for i := range perCluster {
			family := fmt.Sprintf("svc-%03d-%03d", c, i)
			tds = append(tds, map[string]any{"taskDefinition": genTaskDef(arn, family, i%10 == 0)})
			svcs = append(svcs, map[string]any{"serviceArn": arn + "service/" + cluster + "/" + family, "serviceName": family,
				"clusterArn": arn + "cluster/" + cluster, "taskDefinition": arn + "task-definition/" + family + ":1",
				"desiredCount": 2, "runningCount": 2, "launchType": "EC2", "schedulingStrategy": "REPLICA"})
		}
		for k := range 20 {
			ci, inst := genHost(arn, cluster, fmt.Sprintf("i-%08x%04x", c, k), c*100+k)
			cis, insts = append(cis, ci), append(insts, inst)
		}
	}
	snap["taskDefinitions"], snap["services"], snap["containerInstances"], snap["instances"] = tds, svcs, cis, insts
	data, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := fleet.LoadBytes("generated-fleet.json", data)
	if len(f.Services) != clusters*perCluster {
		t.Fatalf("generated fleet has %d services, want %d (diagnostics: %v)", len(f.Services), clusters*perCluster, diags)
	}
	return f
}

func genTaskDef(arn, family string, privileged bool) map[string]any {
	return map[string]any{"taskDefinitionArn": arn + "task-definition/" + family + ":1", "family": family, "revision": 1,
		"networkMode": "bridge", "requiresCompatibilities": []string{"EC2"}, "status": "ACTIVE",
		"containerDefinitions": []any{map[string]any{"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + family + ":1",
			"cpu": 256, "memory": 512, "essential": true, "privileged": privileged,
			"portMappings": []any{map[string]any{"containerPort": 8080, "hostPort": 0, "protocol": "tcp"}},
			"environment":  []any{map[string]any{"name": "MODE", "value": "generated-value-never-shown"}},
			"logConfiguration": map[string]any{"logDriver": "awslogs", "options": map[string]any{
				"awslogs-group": "/ecs/" + family, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}}}}}
}

// genHost is an m5.xlarge container instance of cluster (number n in its
// ARN) and the EC2 instance id behind it, as describe-container-instances
// and describe-instances give them.
func genHost(arn, cluster, id string, n int) (containerInstance, instance map[string]any) {
	containerInstance = map[string]any{"cluster": cluster, "containerInstance": map[string]any{
		"containerInstanceArn": fmt.Sprintf("%scontainer-instance/%s/%032x", arn, cluster, n), "ec2InstanceId": id, "status": "ACTIVE",
		"registeredResources": []any{map[string]any{"name": "CPU", "type": "INTEGER", "integerValue": 4096},
			map[string]any{"name": "MEMORY", "type": "INTEGER", "integerValue": 15700}},
		"attributes": []any{map[string]any{"name": "ecs.instance-type", "value": "m5.xlarge"}}}}
	instance = map[string]any{"InstanceId": id, "InstanceType": "m5.xlarge", "Placement": map[string]any{"AvailabilityZone": "us-east-1a"}}
	return containerInstance, instance
}
