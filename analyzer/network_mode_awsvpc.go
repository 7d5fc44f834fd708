package analyzer

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// RuleNetworkModeAWSVPC is the ID of the rule below, for code that refers to it.
const RuleNetworkModeAWSVPC = "network-mode-awsvpc"

var networkModeAwsvpc = Rule{
	ID:       RuleNetworkModeAWSVPC,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Fargate tasks must use the awsvpc network mode",
	Rationale: "Every Fargate task gets its own elastic network interface; bridge, host and none do not exist there. " +
		"Switching cascades: host ports, links, hostnames, DNS settings, the service's network configuration and ip target groups follow.",
	Remediation: "Set `networkMode` to `awsvpc` (the rewrite does). Coming from `none`, the containers gain a network: restrict it with security groups.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
	},
	Check: checkNetworkModeAwsvpc,
	Fix:   fixNetworkModeAwsvpc,
}

func checkNetworkModeAwsvpc(s *Subject) []Finding {
	mode := s.Def().NetworkMode
	switch mode {
	case ecstypes.NetworkModeAwsvpc:
		return nil
	case "":
		return s.one(Flag(at("networkMode"), nil, "no network mode is set, so EC2 used the default (bridge on Linux, NAT on Windows); Fargate needs awsvpc"))
	case ecstypes.NetworkModeNone:
		return s.one(Flag(at("networkMode"), mode, "network mode none becomes awsvpc: the containers gain a network interface (lossy: restrict it with security groups)"))
	}
	return s.one(Flag(at("networkMode"), mode, "network mode %s must become awsvpc", mode))
}

// fixNetworkModeAwsvpc sets awsvpc; from none it is lossy, as the
// containers gain a network interface.
func fixNetworkModeAwsvpc(x Fixer, _ *Subject, f Finding) {
	x.Set(at("networkMode"), "awsvpc", f.Value == "none", f.Message)
}
