package rewrite

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// roleNeeds says, for each exec-role rule, what the execution role does.
var roleNeeds = map[string]string{
	analyzer.RuleExecRoleAWSLogs: "send awslogs logs to CloudWatch Logs",
	analyzer.RuleExecRoleECR:     "pull images from private ECR",
	analyzer.RuleExecRoleSecrets: "read secrets and registry credentials",
}

// roleAsk gathers the fixes' requests for the execution role in a round.
type roleAsk struct {
	needs map[string]bool // the exec-role rules whose reasons apply
	// edit is the index in the plan of the role's edit, queued where the
	// first exec-role finding's own fix asked (so the document's members
	// keep their order); -1 until then.
	edit int
	// after is the rule to record a role asked for only by another rule's
	// fix (a new awslogs configuration), queued after every other edit.
	after string
}

// askRole records a fix's request for the execution role: own is true
// when the finding is the exec-role rule's own.
func (r *round) askRole(rule string, own bool) {
	if r.role.needs == nil {
		r.role = roleAsk{needs: map[string]bool{}, edit: -1}
	}
	r.role.needs[rule] = true
	switch {
	case own && r.role.edit < 0:
		r.role.edit = len(r.p.edits)
		r.p.set(rule, member("executionRoleArn"), "", false, "")
		if len(r.p.edits) == r.role.edit {
			r.role.edit = -1 // the path was taken already
		}
	case !own && r.role.after == "":
		r.role.after = rule
	}
}

// planRole writes the execution role the round asked for, naming every
// reason: into the edit queued for it, else as a new edit at the end.
func (r *round) planRole() {
	if r.role.needs == nil {
		return
	}
	i := r.role.edit
	if i < 0 {
		if r.role.after == "" || r.p.seen["executionRoleArn"] {
			return
		}
		i = len(r.p.edits)
		r.p.set(r.role.after, member("executionRoleArn"), "", false, "")
		if len(r.p.edits) == i {
			return
		}
	}
	arn, msg := r.executionRoleChange()
	raw, err := marshal(arn)
	if err != nil {
		r.p.err = err
		return
	}
	e := &r.p.edits[i]
	e.value, e.change.After, e.change.Message = raw, raw, msg
}

// executionRoleChange is the role to set and the change's message; for
// the conventional role, a note says the role must exist.
func (r *round) executionRoleChange() (arn, msg string) {
	var why []string
	for _, id := range []string{analyzer.RuleExecRoleAWSLogs, analyzer.RuleExecRoleECR, analyzer.RuleExecRoleSecrets} {
		if r.role.needs[id] {
			why = append(why, roleNeeds[id])
		}
	}
	arn, conventional := r.executionRole()
	msg = fmt.Sprintf("executionRoleArn set to %s so that ECS can %s on the task's behalf (on EC2 the instance role did this)", arn, strings.Join(why, ", "))
	if conventional {
		msg += "; this is the conventional role name, and the role must exist with the AmazonECSTaskExecutionRolePolicy managed policy (pass --execution-role-arn to use another)"
		// Under imds-and-instance-role (a warning): on EC2 the instance
		// role did the execution role's work; creating the role is left to
		// do, but no rule of the audit fires on the rewritten definition.
		r.notes = append(r.notes, Remaining{RuleID: analyzer.RuleIMDSAndInstanceRole, Severity: ruleSeverity(analyzer.RuleIMDSAndInstanceRole), Path: "executionRoleArn",
			Message: "the rewrite set executionRoleArn to " + arn + "; create that role (trusted by ecs-tasks.amazonaws.com, with AmazonECSTaskExecutionRolePolicy" +
				secretsHint(r.role.needs[analyzer.RuleExecRoleSecrets]) + ") before registering, or rerun with --execution-role-arn"})
	}
	return arn, msg
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
