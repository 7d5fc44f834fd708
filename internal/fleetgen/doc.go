// Package fleetgen generates a realistic ECS-on-EC2 fleet of any size, as
// the JSON files a dump made with the aws CLI would hold: describe-clusters,
// describe-services and describe-container-instances per cluster,
// describe-instances and describe-target-groups per cluster, one
// describe-task-definition output per task definition revision, one
// describe-images output per ECR repository, and describe-subnets.
//
// The fleet is deterministic: the same Options give the same bytes on every
// run and machine, so benchmarks and tests can rely on it. It mixes the
// workloads real fleets have (bridge web services with dynamic host ports
// behind ALBs, links-based legacy apps, host-network services, monitoring
// daemons mounting the Docker socket, privileged CI runners, GPU workers,
// Windows IIS apps, oversized tasks, and a share already Fargate-ready), so
// an audit finds ready, fixable and blocked services.
package fleetgen
