package rewrite

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// awslogsConfig is the log configuration the rewrite writes for a
// container: CloudWatch Logs, group and prefix from the templates.
func (r *round) awslogsConfig(container string) map[string]any {
	return map[string]any{
		"logDriver": "awslogs",
		"options":   r.awslogsOptions(container),
	}
}

func (r *round) awslogsOptions(container string) map[string]string {
	return map[string]string{
		"awslogs-group":         expand(r.opts.LogGroupTemplate, r.family, container),
		"awslogs-region":        r.logRegion(),
		"awslogs-stream-prefix": expand(r.opts.LogStreamPrefix, r.family, container),
	}
}

// logRegion is --log-region, else the task definition's Region; "" when
// neither is known, which TaskDefinition reports as an error before any
// step runs.
func (r *round) logRegion() string {
	if r.opts.LogRegion != "" {
		return r.opts.LogRegion
	}
	return r.origin.region
}

// convertLogDriver replaces an unsupported driver's configuration by
// awslogs. The old options are named but their values are not repeated
// (they may hold tokens or addresses).
func convertLogDriver(r *round, f analyzer.Finding) {
	i, ok := containerIndex(f.Path)
	if !ok {
		return
	}
	c := r.td.Def.ContainerDefinitions[i]
	dropped := ""
	if lc := c.LogConfiguration; lc != nil && len(lc.Options)+len(lc.SecretOptions) > 0 {
		var names []string
		for k := range lc.Options {
			names = append(names, k)
		}
		for _, s := range lc.SecretOptions {
			names = append(names, ptr.Value(s.Name))
		}
		sort.Strings(names)
		dropped = "; its options (" + strings.Join(names, ", ") + ") no longer apply"
	}
	cfg := r.awslogsConfig(ptr.Value(c.Name))
	r.p.set(f.RuleID, strings.TrimSuffix(f.Path, ".logDriver"), cfg, true, fmt.Sprintf(
		"log driver %s replaced by awslogs to group %s (lossy: logs go to CloudWatch Logs, not where %s sent them%s); the log group must exist, or add awslogs-create-group=true with logs:CreateLogGroup on the execution role",
		orText(f.Value, "(empty)"), cfg["options"].(map[string]string)["awslogs-group"], orText(f.Value, "it"), dropped))
	r.p.hideLast()
}

func addLogConfig(r *round, f analyzer.Finding) {
	i, ok := containerIndex(f.Path)
	if !ok {
		return
	}
	cfg := r.awslogsConfig(ptr.Value(r.td.Def.ContainerDefinitions[i].Name))
	r.p.set(f.RuleID, f.Path, cfg, false, fmt.Sprintf(
		"awslogs logging to group %s added (on EC2 the output went to the Docker daemon's default driver on the host); the log group must exist, or add awslogs-create-group=true with logs:CreateLogGroup on the execution role",
		cfg["options"].(map[string]string)["awslogs-group"]))
}

// addLogOption fills a missing awslogs option; the option name is the
// last step of the finding's path.
func addLogOption(r *round, f analyzer.Finding) {
	i, ok := containerIndex(f.Path)
	if !ok {
		return
	}
	opts := r.awslogsOptions(ptr.Value(r.td.Def.ContainerDefinitions[i].Name))
	for name, v := range opts {
		if strings.HasSuffix(f.Path, `["`+name+`"]`) {
			r.p.set(f.RuleID, f.Path, v, false, fmt.Sprintf("awslogs option %s set to %s", name, v))
		}
	}
}

func orText(v, alt string) string {
	if v == "" {
		return alt
	}
	return v
}
