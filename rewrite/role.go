package rewrite

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

var roleNeeds = map[string]string{
	"exec-role-awslogs": "send awslogs logs to CloudWatch Logs",
	"exec-role-ecr":     "pull images from private ECR",
	"exec-role-secrets": "read secrets and registry credentials",
}

// setExecutionRole adds the execution role once per round, naming every
// reason the findings gave.
func setExecutionRole(r *round, f analyzer.Finding) {
	var why []string
	for _, id := range []string{"exec-role-awslogs", "exec-role-ecr", "exec-role-secrets"} {
		if r.fired[id] {
			why = append(why, roleNeeds[id])
		}
	}
	arn, conventional := r.executionRole()
	msg := fmt.Sprintf("executionRoleArn set to %s so that ECS can %s on the task's behalf (on EC2 the instance role did this)", arn, strings.Join(why, ", "))
	if conventional && !r.p.seen["executionRoleArn"] {
		msg += "; this is the conventional role name, and the role must exist with the AmazonECSTaskExecutionRolePolicy managed policy (pass --execution-role-arn to use another)"
		// Under imds-and-instance-role (a warning): on EC2 the instance
		// role did the execution role's work; creating the role is left to
		// do, but no rule of the audit fires on the rewritten definition.
		r.notes = append(r.notes, Remaining{RuleID: "imds-and-instance-role", Severity: ruleSeverity("imds-and-instance-role"), Path: "executionRoleArn",
			Message: "the rewrite set executionRoleArn to " + arn + "; create that role (trusted by ecs-tasks.amazonaws.com, with AmazonECSTaskExecutionRolePolicy" +
				secretsHint(r.fired["exec-role-secrets"]) + ") before registering, or rerun with --execution-role-arn"})
	}
	r.p.set(f.RuleID, "executionRoleArn", arn, false, msg)
}

func secretsHint(secrets bool) string {
	if secrets {
		return " and read access to the task's secrets"
	}
	return ""
}

// executionRole is the role to set: --execution-role-arn, else the
// conventional ecsTaskExecutionRole in the task definition's account.
func (r *round) executionRole() (arn string, conventional bool) {
	if r.opts.ExecutionRoleARN != "" {
		return r.opts.ExecutionRoleARN, false
	}
	return fmt.Sprintf("arn:%s:iam::%s:role/%s", r.origin.partition, r.origin.account, DefaultExecutionRole), true
}
