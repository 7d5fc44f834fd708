package analyzer

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// RulePlatformVersion is the ID of the rule below, for code that refers to it.
const RulePlatformVersion = "platform-version"

var platformVersion = Rule{
	ID:       RulePlatformVersion,
	Scope:    ScopeService,
	Severity: Fixable,
	Title:    "The service pins a retired Fargate platform version",
	Rationale: "Linux platform versions before 1.4.0 are retired: 1.3.0 launched no new tasks from 2026-06-15 and its remaining tasks were stopped on 2026-06-30; earlier versions were deprecated before that. " +
		"A service pinned to one cannot start tasks. LATEST is 1.4.0 on Linux and 1.0.0 on Windows.",
	Remediation: "Set `platformVersion` to LATEST (or 1.4.0). AWS Config's ecs-fargate-latest-platform-version and Control Tower CT.ECS.PR.1 check the same.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html",
		"https://docs.aws.amazon.com/config/latest/developerguide/ecs-fargate-latest-platform-version.html",
	},
	Check:      checkPlatformVersion,
	FixService: func(x ServiceFixer, _ *Subject, _ Finding) { x.LatestPlatformVersion() },
}

// retiredLinuxPlatformVersions are the Linux Fargate platform versions that
// can no longer launch tasks.
var retiredLinuxPlatformVersions = map[string]bool{"1.0.0": true, "1.1.0": true, "1.2.0": true, "1.3.0": true}

func checkPlatformVersion(s *Subject) []Finding {
	pv := strings.TrimSpace(ptr.Value(s.Svc().PlatformVersion))
	if pv == "" || s.Windows() || !retiredLinuxPlatformVersions[pv] {
		return nil
	}
	return s.one(Flag(at("platformVersion"), pv, "Linux platform version %s is retired and cannot launch tasks; set LATEST (1.4.0)", pv))
}
