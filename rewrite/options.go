package rewrite

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/rightsize"
)

// Options steer the task-definition rewrite. The zero value is usable:
// every field has a documented default.
type Options struct {
	// ExecutionRoleARN is the role added where awslogs, private ECR or
	// secrets need one; default arn:<partition>:iam::<account>:role/ecsTaskExecutionRole
	// in the task definition's account.
	ExecutionRoleARN string
	// LogGroupTemplate names the awslogs group of converted or added log
	// configurations; {family} and {container} are replaced. Default /ecs/{family}.
	LogGroupTemplate string
	// LogRegion is the awslogs-region; default the Region in the task
	// definition's ARN, else of a service that runs it, else of its ECR images.
	LogRegion string
	// LogStreamPrefix is the awslogs-stream-prefix; {family} and
	// {container} are replaced. Default "ecs", as the ECS console uses
	// (streams are then ecs/<container>/<task-id>; the group already names the family).
	LogStreamPrefix string
	// MemoryHeadroomPct is added to the memory need before the Fargate
	// size is chosen; it applies only when the rewrite chooses a size.
	MemoryHeadroomPct int
	// SizeFrom is where the task size comes from: SizeFromReservation
	// (default: what the task reserved on EC2) or SizeFromUsage (what its
	// services used, from CloudWatch, with Rightsize's headrooms).
	SizeFrom  string
	Rightsize rightsize.Options
	// Force rewrites definitions that keep a blocker.
	Force bool
	// RegistryCredentials maps a registry host to the Secrets Manager
	// secret ARN set as repositoryCredentials for its images
	// (agent-registry-auth); registries not listed stay as they are.
	RegistryCredentials map[string]string
}

// Defaults for Options.
const (
	DefaultLogGroupTemplate = "/ecs/{family}"
	DefaultLogStreamPrefix  = "ecs"
	DefaultExecutionRole    = "ecsTaskExecutionRole"
)

func (o Options) withDefaults() Options {
	if o.LogGroupTemplate == "" {
		o.LogGroupTemplate = DefaultLogGroupTemplate
	}
	if o.LogStreamPrefix == "" {
		o.LogStreamPrefix = DefaultLogStreamPrefix
	}
	if o.SizeFrom == "" {
		o.SizeFrom = SizeFromReservation
	}
	return o
}

// Validate checks the options that have a range.
func (o Options) Validate() error {
	if o.SizeFrom != "" && o.SizeFrom != SizeFromReservation && o.SizeFrom != SizeFromUsage {
		return fmt.Errorf("size source %q is neither %s nor %s", o.SizeFrom, SizeFromReservation, SizeFromUsage)
	}
	if err := o.Rightsize.Validate(); err != nil {
		return err
	}
	if o.MemoryHeadroomPct < 0 || o.MemoryHeadroomPct > 100 {
		return fmt.Errorf("memory headroom %d%% is outside [0, 100]", o.MemoryHeadroomPct)
	}
	if o.ExecutionRoleARN != "" && !roleARN.MatchString(o.ExecutionRoleARN) {
		return fmt.Errorf("execution role %q is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)", o.ExecutionRoleARN)
	}
	return nil
}

// roleARN is the form CloudFormation and IAM accept for a role ARN.
var roleARN = regexp.MustCompile(`^arn:aws[a-zA-Z-]*:iam::\d{12}:role/.+$`)

// expand fills {family} and {container} into a template.
func expand(tmpl, family, container string) string {
	return strings.NewReplacer("{family}", family, "{container}", container).Replace(tmpl)
}
