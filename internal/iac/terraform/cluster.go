package terraform

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/zclconf/go-cty/cty"
)

// clusterInfo is an ECS cluster of the module: an aws_ecs_cluster, the
// aws_ecs_cluster_capacity_providers that names it, or both.
type clusterInfo struct {
	name          string
	res           *resource // aws_ecs_cluster, or nil
	cps           *resource // aws_ecs_cluster_capacity_providers, or nil
	providers     []any
	strategy      []any
	strategyKnown bool // the default strategy is known (possibly empty)
}

var strategySpec = []field{
	{hcl: "default_capacity_provider_strategy", json: "defaultCapacityProviderStrategy", list: true, block: []field{
		{hcl: "capacity_provider", json: "capacityProvider", kind: kString},
		{hcl: "weight", json: "weight", kind: kNumber},
		{hcl: "base", json: "base", kind: kNumber},
	}},
	{hcl: "capacity_providers", json: "capacityProviders", kind: kStrings},
}

// clusters lists the module's clusters, joining each
// aws_ecs_cluster_capacity_providers to the cluster it names
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster_capacity_providers).
func (s *scope) clusters() []*clusterInfo {
	var out []*clusterInfo
	byName := map[string]*clusterInfo{}
	for _, r := range s.m.resources {
		if r.typ == "aws_ecs_cluster" {
			c := &clusterInfo{name: s.clusterName(r), res: r, strategyKnown: true}
			out = append(out, c)
			byName[c.name] = c
		}
	}
	for _, r := range s.m.resources {
		if r.typ != "aws_ecs_cluster_capacity_providers" {
			continue
		}
		a, ok := r.block.Body.Attributes["cluster_name"]
		if !ok {
			continue
		}
		v := s.eval(s.ctx, a.Expr)
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			continue
		}
		c := byName[v.AsString()]
		if c == nil {
			c = &clusterInfo{name: v.AsString(), strategyKnown: true}
			out = append(out, c)
			byName[c.name] = c
		}
		c.cps = r
	}
	for _, c := range out {
		// The inline settings of provider versions before 5, or the
		// association resource.
		for _, r := range []*resource{c.res, c.cps} {
			if r == nil {
				continue
			}
			d := s.newDoc(r)
			obj := map[string]any{}
			d.fill(s.ctx, r.block.Body, strategySpec, "", obj)
			if st, ok := obj["defaultCapacityProviderStrategy"].([]any); ok {
				c.strategy = st
			}
			if p, ok := obj["capacityProviders"].([]any); ok {
				c.providers = p
			}
			if len(d.unknown) > 0 {
				c.strategyKnown = false
			}
		}
	}
	return out
}

// cluster translates a cluster into describe-clusters output holding it.
func (s *scope) cluster(c *clusterInfo) *fleet.Translated {
	r := c.res
	if r == nil {
		r = c.cps
	}
	d := s.newDoc(r)
	cl := map[string]any{"clusterName": c.name, "status": "ACTIVE"}
	if c.res != nil {
		if a, ok := c.res.block.Body.Attributes["name"]; ok {
			d.at["clusterName"] = pos(a.NameRange.Start)
		}
	}
	providers := c.providers
	if providers == nil {
		providers = []any{}
	}
	strategy := c.strategy
	if strategy == nil {
		strategy = []any{}
	}
	if c.strategyKnown {
		cl["capacityProviders"] = providers
		cl["defaultCapacityProviderStrategy"] = strategy
	} else {
		d.unknown["capacityProviders"] = "the cluster's capacity providers are not known statically"
	}
	if c.cps != nil {
		at := pos(c.cps.block.DefRange().Start)
		d.at["capacityProviders"], d.at["defaultCapacityProviderStrategy"] = at, at
	}
	return d.finish(map[string]any{"clusters": []any{cl}}, "clusters[0]")
}

// targetGroupSpec maps aws_lb_target_group onto describe-target-groups
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_target_group).
var targetGroupSpec = []field{
	{hcl: "name", json: "TargetGroupName", kind: kString},
	{hcl: "target_type", json: "TargetType", kind: kString},
	{hcl: "port", json: "Port", kind: kNumber},
	{hcl: "protocol", json: "Protocol", kind: kString},
	{hcl: "vpc_id", json: "VpcId", kind: kString},
}

// targetGroup translates a target group; its ARN is targetGroupID, which
// services name through references. target_type defaults to instance, in
// the provider as in the API
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html).
func (s *scope) targetGroup(r *resource) *fleet.Translated {
	d := s.newDoc(r)
	tg := map[string]any{"TargetGroupArn": s.targetGroupID(r)}
	d.fill(s.ctx, r.block.Body, targetGroupSpec, "", tg)
	_, set := tg["TargetType"]
	_, unknown := d.unknown["TargetType"]
	if !set && !unknown {
		tg["TargetType"] = "instance"
	}
	return d.finish(map[string]any{"TargetGroups": []any{tg}}, "TargetGroups[0]")
}
