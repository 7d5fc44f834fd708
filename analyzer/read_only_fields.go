package analyzer

import (
	"strings"
)

// RuleReadOnlyFields is the ID of the rule below, for code that refers to it.
const RuleReadOnlyFields = "read-only-fields"

var readOnlyFields = Rule{
	ID:    RuleReadOnlyFields,
	Scope: ScopeTask,
	// Info, not fixable: the fields say nothing about whether the workload
	// can run on Fargate (a registered revision already exists); they only
	// matter when the document is registered again, and the rewrite strips
	// them. As fixable they would turn every described definition's
	// verdict to "fixable".
	Severity: Info,
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

// checkReadOnlyFields reads the fields whatever the document's shape: a
// console export is a bare task definition (the register shape) that still
// carries taskDefinitionArn, status, registeredAt and the rest.
func checkReadOnlyFields(s *Subject) []Finding {
	d := s.Def()
	var fields []string
	add := func(field string, present bool) {
		if present {
			fields = append(fields, field)
		}
	}
	add("taskDefinitionArn", d.TaskDefinitionArn != nil)
	add("revision", d.Revision != 0)
	add("status", d.Status != "")
	add("requiresAttributes", len(d.RequiresAttributes) > 0)
	add("compatibilities", len(d.Compatibilities) > 0)
	add("registeredAt", d.RegisteredAt != nil)
	add("registeredBy", d.RegisteredBy != nil)
	add("deregisteredAt", d.DeregisteredAt != nil)
	add("deleteRequestedAt", d.DeleteRequestedAt != nil)
	if len(fields) == 0 {
		return nil
	}
	// One finding per definition: the fields are one fact, not many.
	return s.one(Flag(at(fields[0]), strings.Join(fields, ", "),
		"output-only fields %s are stripped by the rewrite before RegisterTaskDefinition", strings.Join(fields, ", ")))
}
