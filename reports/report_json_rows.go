package reports

import (
	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// The report's rows in JSON, member by member: the bytes encoding/json
// writes for a ServiceReport or an UnusedTaskDefinition (the order of
// their fields, their tags' names and omitempty), without its reflection
// and re-indenting, which were the largest part of writing report.json's
// 10,000 rows (issue 17). TestRowJSONIsEncodingJSON holds the two
// together, over every field.

// writeServiceJSON writes row as the next element of s.
func writeServiceJSON(s *jsonstream.Writer, row *ServiceReport) {
	s.BeginObject()
	s.String("account", row.Account)
	s.String("region", row.Region)
	s.String("cluster", row.Cluster)
	s.String("service", row.Service)
	s.String("taskDefinition", row.TaskDefinition)
	s.String("verdict", row.Verdict)
	s.Bool("onFargate", row.OnFargate)
	s.Strings("blockers", row.Blockers)
	s.Strings("fixable", row.Fixable)
	s.Strings("warnings", row.Warnings)
	optionalString(s, "fallback", row.Fallback)
	s.Int("tasks", row.Tasks)
	writeTaskSizeJSON(s, "fargateSize", row.FargateSize)
	writeAmountJSON(s, "ec2Monthly", row.EC2Monthly)
	writeFargateAmountsJSON(s, "fargateMonthly", row.FargateMonthly)
	writeFargateAmountsJSON(s, "savingsMonthly", row.SavingsMonthly)
	writeChangesJSON(s, "changes", row.Changes)
	writeRemainingJSON(s, "remaining", row.Remaining)
	optionalString(s, "notInPlace", row.NotInPlace)
	optionalString(s, "rewriteError", row.RewriteError)
	s.String("changeSummary", row.ChangeSummary)
	s.Strings("nextSteps", row.NextSteps)
	s.String("plan", row.Plan)
	s.Strings("notChecked", row.NotChecked)
	s.Strings("unknown", row.Unknown)
	s.String("likeForLike", row.LikeForLike)
	s.Strings("likeForLikeOptions", row.LikeForLikeOptions)
	s.EndObject()
}

// writeUnusedJSON writes u as the next element of s.
func writeUnusedJSON(s *jsonstream.Writer, u *UnusedTaskDefinition) {
	s.BeginObject()
	s.String("account", u.Account)
	s.String("region", u.Region)
	s.String("taskDefinition", u.TaskDefinition)
	s.String("verdict", u.Verdict)
	s.Strings("blockers", u.Blockers)
	s.Strings("fixable", u.Fixable)
	s.Strings("warnings", u.Warnings)
	optionalString(s, "fallback", u.Fallback)
	writeTaskSizeJSON(s, "fargateSize", u.FargateSize)
	writeChangesJSON(s, "changes", u.Changes)
	s.String("changeSummary", u.ChangeSummary)
	optionalString(s, "rewriteError", u.RewriteError)
	s.String("cost", u.Cost)
	s.Strings("notChecked", u.NotChecked)
	s.EndObject()
}

// optionalString is a string member tagged omitempty.
func optionalString(s *jsonstream.Writer, name, v string) {
	if v != "" {
		s.String(name, v)
	}
}

func writeTaskSizeJSON(s *jsonstream.Writer, name string, size *TaskSize) {
	if size == nil {
		s.Null(name)
		return
	}
	s.Key(name)
	s.BeginObject()
	s.Int("cpu", size.CPU)
	s.Int("memory", size.Memory)
	s.EndObject()
}

// writeAmountJSON writes what Amount.MarshalJSON does: the amount with two
// places as a string (digits and a dot: String quotes them as they are),
// or null.
func writeAmountJSON(s *jsonstream.Writer, name string, a Amount) {
	if !a.Known {
		s.Null(name)
		return
	}
	s.String(name, a.Value.StringFixed(2))
}

func writeFargateAmountsJSON(s *jsonstream.Writer, name string, f FargateAmounts) {
	s.Key(name)
	s.BeginObject()
	writeAmountJSON(s, "onDemand", f.OnDemand)
	writeAmountJSON(s, "spot", f.Spot)
	writeAmountJSON(s, "arm", f.ARM)
	writeAmountJSON(s, "savingsPlan1y", f.SavingsPlan1y)
	writeAmountJSON(s, "savingsPlan3y", f.SavingsPlan3y)
	s.EndObject()
}

func writeChangesJSON(s *jsonstream.Writer, name string, cs []rewrite.Change) {
	jsonstream.SliceFunc(s, name, cs, func(c *rewrite.Change) {
		s.BeginObject()
		s.String("ruleId", c.RuleID)
		s.String("path", c.Path)
		if len(c.Before) > 0 { // omitempty
			s.Raw("before", c.Before)
		}
		if len(c.After) > 0 {
			s.Raw("after", c.After)
		}
		s.Bool("lossy", c.Lossy)
		s.String("message", c.Message)
		s.EndObject()
	})
}

func writeRemainingJSON(s *jsonstream.Writer, name string, rs []rewrite.Remaining) {
	jsonstream.SliceFunc(s, name, rs, func(r *rewrite.Remaining) {
		s.BeginObject()
		s.String("ruleId", r.RuleID)
		s.String("severity", r.Severity)
		optionalString(s, "path", r.Path)
		s.String("message", r.Message)
		s.EndObject()
	})
}
