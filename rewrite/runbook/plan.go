// Package runbook turns a rewrite into the ordered steps that carry it out
// on AWS: the values still to fill in, the preconditions, and per service
// the commands, the check after each and the command that undoes it. The
// same plan is written as RUNBOOK.md for people and runbook.sh for a shell
// (see Markdown and Shell), so the two can never disagree.
package runbook

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
