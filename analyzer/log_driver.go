package analyzer

import (
	"cmp"
	"fmt"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// RuleLogDriver is the ID of the rule below, for code that refers to it.
const RuleLogDriver = "log-driver"

var logDriverRule = Rule{
	ID:       RuleLogDriver,
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Log driver not available on Fargate",
	Rationale: "Fargate tasks can only use the awslogs, splunk and awsfirelens log drivers; json-file, journald, syslog, gelf " +
		"and fluentd wrote to the host or to a host-side daemon, which Fargate does not have. Switching drivers is lossy: logs land somewhere else.",
	Remediation: "Switch the container to awslogs (CloudWatch Logs), or to awsfirelens with a Fluent Bit sidecar whose output " +
		"reproduces the old destination (gelf, fluentd or syslog endpoint). Update whatever read the old logs.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html",
	},
	Check:    checkLogDriver,
	Fix:      fixLogDriver,
	FixNeeds: NeedsLogRegion | NeedsExecutionRole,
}

// fargateLogDrivers are the log drivers Fargate accepts.
var fargateLogDrivers = map[string]bool{
	string(ecstypes.LogDriverAwslogs):     true,
	string(ecstypes.LogDriverSplunk):      true,
	string(ecstypes.LogDriverAwsfirelens): true,
}

func checkLogDriver(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		d := logDriver(c)
		if c.LogConfiguration == nil || fargateLogDrivers[d] {
			return nil
		}
		return s.one(Flag(at(path, "logConfiguration", "logDriver"), d,
			"log driver %s is not available on Fargate; switch to awslogs or awsfirelens (lossy: logs no longer go where %s sent them)", cmp.Or(d, "(empty)"), cmp.Or(d, "it")))
	})
}

// fixLogDriver replaces an unsupported driver's configuration by awslogs.
// The old options are named but their values are not repeated (they may
// hold tokens or addresses).
func fixLogDriver(x Fixer, s *Subject, f Finding) {
	i, ok := f.Field.Element("containerDefinitions")
	if !ok {
		return
	}
	c := s.Def().ContainerDefinitions[i]
	dropped := ""
	if lc := c.LogConfiguration; lc != nil && len(lc.Options)+len(lc.SecretOptions) > 0 {
		var names []string
		for k := range lc.Options {
			names = append(names, k)
		}
		for _, so := range lc.SecretOptions {
			names = append(names, ptr.Value(so.Name))
		}
		sort.Strings(names)
		dropped = "; its options (" + strings.Join(names, ", ") + ") no longer apply"
	}
	opts := x.AwslogsOptions(ptr.Value(c.Name))
	x.Set(f.Field.Parent(), awslogsConfig(opts), true, fmt.Sprintf(
		"log driver %s replaced by awslogs to group %s (lossy: logs go to CloudWatch Logs, not where %s sent them%s); the log group must exist, or add awslogs-create-group=true with logs:CreateLogGroup on the execution role",
		cmp.Or(f.Value, "(empty)"), opts["awslogs-group"], cmp.Or(f.Value, "it"), dropped))
	x.HideBefore()
	needsRoleForAwslogs(x, s)
}
