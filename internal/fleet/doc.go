// Package fleet is the model every ecs2fargate command works on: task
// definitions, services, container instances, EC2 instances, images, target
// groups and clusters, each in the AWS API's own shape and each beside the
// original bytes it was read from. Each object carries its Identity (the
// account and region its ARN names), and every lookup and link is keyed by
// it: a name is unique only within one account and region.
//
// The package reads files (AWS CLI JSON output and our own snapshot format)
// but never talks to AWS; live discovery fills the same model elsewhere.
package fleet
