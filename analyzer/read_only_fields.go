package analyzer

import (
	"strings"
	"time"
)

var readOnlyFields = Rule{
	ID:       "read-only-fields",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Describe output carries read-only fields that RegisterTaskDefinition rejects",
	Rationale: "`aws ecs describe-task-definition` returns fields that exist only on the output shape (ARN, revision, status, " +
		"compatibilities, registration data, requiresAttributes); registering the document as it is fails. requiresAttributes does not apply on Fargate anyway.",
	Remediation: "Strip these fields before registering the Fargate revision (the rewrite does), and move the tags returned by " +
		"`describe-task-definition --include TAGS` into the request's `tags`.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
	},
	Check: checkReadOnlyFields,
}

func checkReadOnlyFields(s *Subject) []Finding {
	if s.TaskDef.Registerable {
		return nil
	}
	d := s.Def()
	var out []Finding
	add := func(field string, present bool, value any) {
		if present {
			out = append(out, Flag(field, value, "%s is output-only and is removed before RegisterTaskDefinition", field))
		}
	}
	add("taskDefinitionArn", d.TaskDefinitionArn != nil, d.TaskDefinitionArn)
	add("revision", d.Revision != 0, d.Revision)
	add("status", d.Status != "", d.Status)
	var attrs []string
	for _, a := range d.RequiresAttributes {
		attrs = append(attrs, deref(a.Name))
	}
	add("requiresAttributes", len(attrs) > 0, strings.Join(attrs, ", "))
	add("compatibilities", len(d.Compatibilities) > 0, d.Compatibilities)
	add("registeredAt", d.RegisteredAt != nil, timeText(d.RegisteredAt))
	add("registeredBy", d.RegisteredBy != nil, d.RegisteredBy)
	add("deregisteredAt", d.DeregisteredAt != nil, timeText(d.DeregisteredAt))
	add("deleteRequestedAt", d.DeleteRequestedAt != nil, timeText(d.DeleteRequestedAt))
	return out
}

func timeText(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
