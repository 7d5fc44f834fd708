package main

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/pricing"
)

// blockedStayOnEC2 names the services the audit blocks, with their blocking
// rules, so that the report's like-for-like comparison keeps them on EC2
// (on both sides) instead of pricing them as if they moved.
func blockedStayOnEC2(res *analyzer.Result) map[string]string {
	out := map[string]string{}
	for _, v := range res.Verdicts {
		if v.Service != "" && v.Verdict == analyzer.Blocked {
			out[pricing.StayKey(v.Account, v.Region, v.Cluster, v.Service)] = "blocked by the audit: " + strings.Join(v.Blockers, ", ")
		}
	}
	return out
}
