package analyzer

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// RuleNullMembers is the ID of the rule below, for code that refers to it.
const RuleNullMembers = "null-members"

var nullMembers = Rule{
	ID:    RuleNullMembers,
	Scope: ScopeTask,
	// Info, like read-only-fields: a null says nothing about Fargate (every
	// rule reads it as an absent member); it only matters when the document
	// is registered, and the rewrite removes it.
	Severity: Info,
	Title:    "Members set to null, which the AWS CLI and CloudFormation reject",
	Rationale: "Task definitions copied from the console's JSON view or written by tools carry `null` for every unset member. " +
		"The ECS API reads a null as an absent member, but the AWS CLI's parameter validation (botocore) rejects it " +
		"(\"Invalid type for parameter … value: None\") and cfn-lint reports E3030 on the same document as a template resource.",
	Remediation: "Remove the null members before registering the Fargate revision (the rewrite does); an absent member means the same.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
		"https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html",
	},
	Check: checkNullMembers,
}

// maxNullPaths bounds the paths a null-members message names.
const maxNullPaths = 5

func checkNullMembers(s *Subject) []Finding {
	if s.TaskDef == nil || !s.TaskDef.Doc.MayHoldNull() {
		return nil
	}
	raw, err := s.TaskDef.Doc.Bytes()
	if err != nil {
		return s.one(Unchecked("the task definition's original bytes: " + err.Error()))
	}
	nulls := jsonedit.Nulls(raw)
	if len(nulls) == 0 {
		return nil
	}
	named := make([]string, 0, maxNullPaths)
	for _, p := range nulls[:min(len(nulls), maxNullPaths)] {
		named = append(named, p.String())
	}
	more := ""
	if len(nulls) > maxNullPaths {
		more = fmt.Sprintf(" and %d more", len(nulls)-maxNullPaths)
	}
	// One finding per definition: the nulls are one fact about how the
	// document was written, not many problems.
	return s.one(Flag(nulls[0], len(nulls),
		"%d member(s) are null (%s%s); every rule reads them as absent, but the AWS CLI's parameter validation rejects null, so the rewrite removes them",
		len(nulls), strings.Join(named, ", "), more))
}
