package terraform

import (
	"cmp"
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// serviceSpec maps aws_ecs_service onto a service of describe-services
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service,
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html).
// The deployment settings and network configuration, which the resource
// writes flat, are nested as the API nests them (service).
var serviceSpec = []field{
	{hcl: "name", json: "serviceName", kind: kString},
	{hcl: "cluster", json: "clusterArn", kind: kString},
	{hcl: "task_definition", json: "taskDefinition", kind: kString},
	{hcl: "launch_type", json: "launchType", kind: kString},
	{hcl: "platform_version", json: "platformVersion", kind: kString},
	{hcl: "scheduling_strategy", json: "schedulingStrategy", kind: kString},
	{hcl: "desired_count", json: "desiredCount", kind: kNumber},
	{hcl: "health_check_grace_period_seconds", json: "healthCheckGracePeriodSeconds", kind: kNumber},
	{hcl: "enable_execute_command", json: "enableExecuteCommand", kind: kBool},
	{hcl: "enable_ecs_managed_tags", json: "enableECSManagedTags", kind: kBool},
	{hcl: "propagate_tags", json: "propagateTags", kind: kString},
	{hcl: "iam_role", json: "roleArn", kind: kString},
	{hcl: "tags", json: "tags", kind: kTags},
	{hcl: "deployment_maximum_percent", json: "maximumPercent", kind: kNumber},
	{hcl: "deployment_minimum_healthy_percent", json: "minimumHealthyPercent", kind: kNumber},
	{hcl: "deployment_circuit_breaker", json: "deploymentCircuitBreaker", block: []field{
		{hcl: "enable", json: "enable", kind: kBool},
		{hcl: "rollback", json: "rollback", kind: kBool},
	}},
	{hcl: "deployment_controller", json: "deploymentController", block: []field{
		{hcl: "type", json: "type", kind: kString},
	}},
	{hcl: "capacity_provider_strategy", json: "capacityProviderStrategy", list: true, block: []field{
		{hcl: "capacity_provider", json: "capacityProvider", kind: kString},
		{hcl: "weight", json: "weight", kind: kNumber},
		{hcl: "base", json: "base", kind: kNumber},
	}},
	{hcl: "network_configuration", json: "awsvpcConfiguration", block: []field{
		{hcl: "subnets", json: "subnets", kind: kStrings},
		{hcl: "security_groups", json: "securityGroups", kind: kStrings},
		{hcl: "assign_public_ip", json: "assignPublicIp", kind: kBool},
	}},
	{hcl: "load_balancer", json: "loadBalancers", list: true, block: []field{
		{hcl: "target_group_arn", json: "targetGroupArn", kind: kString},
		{hcl: "elb_name", json: "loadBalancerName", kind: kString},
		{hcl: "container_name", json: "containerName", kind: kString},
		{hcl: "container_port", json: "containerPort", kind: kNumber},
	}},
	{hcl: "ordered_placement_strategy", json: "placementStrategy", list: true, block: []field{
		{hcl: "type", json: "type", kind: kString},
		{hcl: "field", json: "field", kind: kString},
	}},
	{hcl: "placement_constraints", json: "placementConstraints", list: true, block: []field{
		{hcl: "type", json: "type", kind: kString},
		{hcl: "expression", json: "expression", kind: kString},
	}},
	{hcl: "service_registries", json: "serviceRegistries", list: true, block: []field{
		{hcl: "registry_arn", json: "registryArn", kind: kString},
		{hcl: "port", json: "port", kind: kNumber},
		{hcl: "container_name", json: "containerName", kind: kString},
		{hcl: "container_port", json: "containerPort", kind: kNumber},
	}},
}

// service translates an aws_ecs_service into describe-services output
// holding it.
func (s *scope) service(r *resource, clusters []*clusterInfo) *fleet.Translated {
	d := s.newDoc(r)
	svc := map[string]any{"status": "ACTIVE"}
	d.fill(s.ctx, r.block.Body, serviceSpec, "", svc)
	if _, ok := svc["serviceName"]; !ok {
		svc["serviceName"] = s.address(r)
	}
	d.nest(svc, "deploymentConfiguration", "maximumPercent", "minimumHealthyPercent", "deploymentCircuitBreaker")
	if net, ok := svc["awsvpcConfiguration"].(map[string]any); ok {
		if pub, ok := net["assignPublicIp"].(bool); ok {
			net["assignPublicIp"] = map[bool]string{true: "ENABLED", false: "DISABLED"}[pub]
		}
	}
	d.nest(svc, "networkConfiguration", "awsvpcConfiguration")
	d.launch(svc, clusters)
	return d.finish(map[string]any{"services": []any{svc}}, "services[0]")
}

// nest moves members of obj under a new member, as the API nests them
// (deployment_maximum_percent → deploymentConfiguration.maximumPercent),
// with where they were set and what is unknown of them.
func (d *doc) nest(obj map[string]any, under string, members ...string) {
	inner := map[string]any{}
	for _, m := range members {
		if v, ok := obj[m]; ok {
			inner[m] = v
			delete(obj, m)
		}
		d.rename(m, under+"."+m)
	}
	if len(inner) > 0 {
		obj[under] = inner
	}
}

// rename moves every record about the path from (and below it) to to.
func (d *doc) rename(from, to string) {
	for _, m := range []map[string]string{d.texts, d.unknown} {
		for p, v := range m {
			if rest, ok := cut(p, from); ok {
				delete(m, p)
				m[to+rest] = v
			}
		}
	}
	for p, v := range d.at {
		if rest, ok := cut(p, from); ok {
			delete(d.at, p)
			d.at[to+rest] = v
		}
	}
}

// launch settles how a service that sets neither launch_type nor
// capacity_provider_strategy launches: with its cluster's default capacity
// provider strategy, or the EC2 launch type when the cluster has none, as
// CreateService does
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
// When the cluster is not in the module, that is not known.
func (d *doc) launch(svc map[string]any, clusters []*clusterInfo) {
	_, lt := svc["launchType"]
	_, cps := svc["capacityProviderStrategy"]
	_, ltUnknown := d.unknown["launchType"]
	_, cpsUnknown := d.unknown["capacityProviderStrategy"]
	if lt || cps || ltUnknown || cpsUnknown {
		return
	}
	name, _ := svc["clusterArn"].(string)
	for _, c := range clusters {
		if c.name != name {
			continue
		}
		if len(c.strategy) > 0 {
			svc["capacityProviderStrategy"] = c.strategy
		} else if c.strategyKnown {
			svc["launchType"] = "EC2"
		} else {
			break
		}
		return
	}
	d.unknown["launchType"] = fmt.Sprintf("the service sets neither launch_type nor capacity_provider_strategy, so it launches with the default capacity provider strategy of its cluster (%s), which is not known statically", cmp.Or(name, "not known"))
}
