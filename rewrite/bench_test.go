package rewrite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// benchFleet is a snapshot of clusters×perCluster services on the EC2
// launch type, each with its own bridge-mode task definition (two
// containers: dynamic host port, a link, json-file logs, a sidecar with no
// log configuration, no task size) and 20 container instances per cluster.
func benchFleet(b *testing.B, clusters, perCluster int) *fleet.Fleet {
	b.Helper()
	const acct, region = "123456789012", "eu-west-1"
	var tds, svcs, cis []string
	for c := 0; c < clusters; c++ {
		cluster := fmt.Sprintf("cluster-%03d", c)
		for i := 0; i < perCluster; i++ {
			fam := fmt.Sprintf("svc-%03d-%03d", c, i)
			tds = append(tds, fmt.Sprintf(`{"taskDefinition": {
  "taskDefinitionArn": "arn:aws:ecs:%[1]s:%[2]s:task-definition/%[3]s:4",
  "family": "%[3]s", "revision": 4, "networkMode": "bridge", "status": "ACTIVE",
  "requiresCompatibilities": ["EC2"], "compatibilities": ["EC2"],
  "containerDefinitions": [
    {"name": "app", "image": "%[2]s.dkr.ecr.%[1]s.amazonaws.com/%[3]s:v1", "cpu": 384, "memory": 700, "essential": true,
     "links": ["cache"], "portMappings": [{"containerPort": 8080, "hostPort": 0, "protocol": "tcp"}],
     "environment": [{"name": "CACHE", "value": "cache:6379"}],
     "logConfiguration": {"logDriver": "json-file", "options": {"max-size": "10m"}}},
    {"name": "cache", "image": "redis:7.2", "cpu": 128, "memoryReservation": 256, "essential": false}
  ]}}`, region, acct, fam))
			svcs = append(svcs, fmt.Sprintf(`{"serviceArn": "arn:aws:ecs:%[1]s:%[2]s:service/%[3]s/%[4]s", "serviceName": "%[4]s",
  "clusterArn": "arn:aws:ecs:%[1]s:%[2]s:cluster/%[3]s", "taskDefinition": "arn:aws:ecs:%[1]s:%[2]s:task-definition/%[4]s:4",
  "launchType": "EC2", "schedulingStrategy": "REPLICA", "desiredCount": 2, "runningCount": 2,
  "deploymentController": {"type": "ECS"}, "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}`,
				region, acct, cluster, fam))
		}
		for i := 0; i < 20; i++ {
			cis = append(cis, fmt.Sprintf(`{"cluster": "%s", "containerInstance": {"containerInstanceArn": "arn:aws:ecs:%s:%s:container-instance/%s/ci%02d",
  "ec2InstanceId": "i-%03d%02d", "attributes": [{"name": "ecs.cpu-architecture", "value": "x86_64"}, {"name": "ecs.os-type", "value": "linux"}]}}`,
				cluster, region, acct, cluster, i, c, i))
		}
	}
	snap := fmt.Sprintf(`{"schemaVersion": 1, "taskDefinitions": [%s], "services": [%s], "clusters": [], "containerInstances": [%s],
  "instances": [], "images": [], "targetGroups": [], "subnets": [], "gaps": []}`,
		strings.Join(tds, ",\n"), strings.Join(svcs, ",\n"), strings.Join(cis, ",\n"))
	f, diags := fleet.LoadBytes("bench", []byte(snap))
	for _, d := range diags {
		if d.Level == fleet.LevelError {
			b.Fatal(d)
		}
	}
	if len(f.Services) != clusters*perCluster || len(f.TaskDefinitions) != clusters*perCluster {
		b.Fatalf("fleet has %d services, %d task definitions", len(f.Services), len(f.TaskDefinitions))
	}
	return f
}

// benchClusters is 100 (10,000 services); lower it locally to profile.
var benchClusters = 100

// BenchmarkRewrite10kServices rewrites every task definition and service
// of a 10,000-service fleet, as `ecs2fargate rewrite` does after loading.
func BenchmarkRewrite10kServices(b *testing.B) {
	f := benchFleet(b, benchClusters, 100)
	b.ResetTimer()
	for b.Loop() {
		changes := 0
		results, errs := TaskDefinitions(f, Options{})
		for i, res := range results {
			if errs[i] != nil || res.Document == nil {
				b.Fatalf("%s: %v", f.TaskDefinitions[i].Key(), errs[i])
			}
			changes += len(res.Changes)
		}
		for _, s := range f.Services {
			if _, err := Service(f, s, ptr.Value(s.TaskDef.Def.Family), ServiceOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		if changes == 0 {
			b.Fatal("nothing rewritten")
		}
	}
}
