// Package runbook turns a rewrite into the ordered steps that carry it out
// on AWS: the values still to fill in, the preconditions, and per service
// the commands, the check after each and the command that undoes it. The
// same plan is written as RUNBOOK.md for people and runbook.sh for a shell
// (see Markdown and Shell), so the two can never disagree.
package runbook

import "encoding/json"

// Plan is the whole move, grouped by account and region.
type Plan struct {
	Groups []Group
	// Files are the rewrite's output files the steps read (relative to the
	// --out directory), checked for unfilled placeholders before anything runs.
	Files []string
}

// Group is one account and region: IAM is per account, everything else
// per region, and every command names both.
type Group struct {
	Account, Region string
	// Profile is the shell variable holding this account's AWS CLI profile.
	Profile       string
	Placeholders  []Placeholder
	Preconditions []Step
	Services      []ServicePlan
}

// Placeholder is a value the rewrite could not know.
type Placeholder struct {
	Value  string   // as written in the files, e.g. sg-REPLACE-ME
	UsedIn []string // the files that hold it
	// HowToFind says where the value comes from, with the command to list
	// candidates; FilledByStep is set instead when a step of runbook.sh
	// creates the resource and fills the value in itself.
	HowToFind    string
	FilledByStep bool
}

// Step is one change with its check and its undo. Run, Check and Rollback
// are shell lines (bash; the AWS CLI's JMESPath --query does the JSON work,
// so nothing beyond bash and the AWS CLI is needed).
type Step struct {
	Title    string
	Why      string // one sentence: what the step is for, with its AWS citation where it rests on one
	Run      []string
	Check    []string
	Rollback []string
	// Action is the same step in typed form, for migrate.
	Action Action
}

// ServicePlan is one service's steps, or why it has none.
type ServicePlan struct {
	Cluster, Service string
	// How is "in place", "side by side" or empty when the service does not
	// move; Skip then says why.
	How   string
	Skip  string
	Steps []Step
}

// Kind names what a step does, so that `ecs2fargate migrate` can carry out
// the same plan through the AWS SDK that runbook.sh carries out with the
// AWS CLI: both are derived from one Step, and a kind migrate cannot carry
// out stops it rather than being skipped.
type Kind string

// The step kinds, in the order a service's steps use them.
const (
	KindCapacityProviders Kind = "capacity-providers"
	KindExecutionRole     Kind = "execution-role"
	KindServiceLinkedRole Kind = "service-linked-role"
	KindLogGroup          Kind = "log-group"
	KindCheckService      Kind = "check-service"
	KindRegisterTaskDef   Kind = "register-task-definition"
	KindWorkingCopy       Kind = "working-copy"
	KindCreateTargetGroup Kind = "create-target-group"
	KindForwardBeside     Kind = "forward-beside"
	KindUpdateService     Kind = "update-service"
	KindCreateService     Kind = "create-service"
	KindShiftTraffic      Kind = "shift-traffic"
	KindWaitStable        Kind = "wait-stable"
	KindForwardOnly       Kind = "forward-only"
	KindDeleteOldService  Kind = "delete-old-service"
)

// Action is a step's typed form: its kind and the values its commands use.
type Action struct {
	Kind             Kind   `json:"kind"`
	Region           string `json:"region,omitempty"` // where it differs from the group's (a log group's awslogs-region)
	Cluster          string `json:"cluster,omitempty"`
	Service          string `json:"service,omitempty"`
	Name             string `json:"name,omitempty"` // role, log group or new service name
	ExecutionRoleARN string `json:"executionRoleArn,omitempty"`
	// CreateRole is set when the step may create the role (the default
	// ecsTaskExecutionRole); any other role is only checked.
	CreateRole bool `json:"createRole,omitempty"`
	Spot       bool `json:"spot,omitempty"` // capacity providers: FARGATE_SPOT too
	// Document is the request the step sends: the task definition, the
	// target group, or the update-service / create-service request with its
	// placeholders.
	Document json.RawMessage `json:"document,omitempty"`
	// TargetGroup is the index of the service's new target group the step
	// works on; Placeholder is that group's ARN placeholder in the service
	// request and OldTargetGroup the group it replaces.
	TargetGroup    int    `json:"targetGroup,omitempty"`
	Placeholder    string `json:"placeholder,omitempty"`
	OldTargetGroup string `json:"oldTargetGroup,omitempty"`
	// OldTaskDefinition and OldDeployments are what the service must still
	// show for the plan to hold (check-service).
	OldTaskDefinition string `json:"oldTaskDefinition,omitempty"`
	OldDesiredCount   int32  `json:"oldDesiredCount,omitempty"`
}
