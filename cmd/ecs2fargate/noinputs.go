package main

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// maxNamedSkips bounds how many skipped files the error names; the
// warnings above it name every one.
const maxNamedSkips = 5

// noECSInputs is the exit-1 error of a run whose inputs hold no task
// definition, service, cluster or container instance: an empty folder, or
// one of unrelated JSON, must not pass a CI gate as a clean estate. It
// names the paths and what was read there and skipped. nil when the fleet
// holds ECS resources.
func noECSInputs(paths []string, f *fleet.Fleet) error {
	if f.HoldsECS() {
		return nil
	}
	return codeError{code: exitError, msg: fmt.Sprintf("no ECS inputs found under %s: %s",
		strings.Join(displayPaths(paths), ", "), skippedSummary(f))}
}

func displayPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if p == fleet.Stdin {
			p = "standard input"
		}
		out[i] = p
	}
	return out
}

// skippedSummary says what the inputs held instead of ECS resources.
func skippedSummary(f *fleet.Fleet) string {
	want := "expected AWS CLI output (JSON or YAML) of a task definition (describe-task-definition, or register-task-definition input), describe-services, describe-clusters or describe-container-instances, an ecs2fargate snapshot, a CloudFormation template, or Terraform declaring aws_ecs_task_definition, aws_ecs_service or aws_ecs_cluster"
	if len(f.Inputs) == 0 {
		return "no JSON, YAML or Terraform file was read (directories are searched for *.json, *.yaml, *.yml and *.tf); " + want
	}
	names := f.Inputs
	more := ""
	if len(names) > maxNamedSkips {
		more = fmt.Sprintf(" and %d more", len(names)-maxNamedSkips)
		names = names[:maxNamedSkips]
	}
	held := ""
	if other := otherResources(f); other != "" {
		held = " (they held only " + other + ")"
	}
	return fmt.Sprintf("skipped %d input file(s) holding no task definition, service, cluster or container instance: %s%s%s; %s",
		len(f.Inputs), strings.Join(names, ", "), more, held, want)
}

// otherResources lists the non-ECS resources read, e.g. "2 EC2 instances".
func otherResources(f *fleet.Fleet) string {
	var out []string
	add := func(n int, what string) {
		if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(len(f.Instances), "EC2 instance(s)")
	add(len(f.Images), "ECR image(s)")
	add(len(f.TargetGroups), "target group(s)")
	add(len(f.Subnets), "subnet(s)")
	return strings.Join(out, ", ")
}
