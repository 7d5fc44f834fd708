package rewrite

import (
	"encoding/json"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// Change is one edit the rewrite made, in words a reviewer can act on.
type Change struct {
	// RuleID is the audit rule whose finding this change fixes, so a
	// reviewer can follow a finding to its fix.
	RuleID string `json:"ruleId"`
	// Path is the JSON path of the edited field in the output document, in
	// the analyzer's notation (containerDefinitions[1].portMappings[0].hostPort).
	Path string `json:"path"`
	// Before and After are the field's JSON values; absent when the field
	// did not exist (added) or no longer exists (removed).
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
	// Lossy is true when behaviour the user had on EC2 is gone after the
	// change (a link, a placement constraint, a host port).
	Lossy bool `json:"lossy"`
	// Message says what changed and why, in one line.
	Message string `json:"message"`
}

// Remaining is an audit finding the rewrite could not fix: a blocker, or a
// warning the user must act on by hand.
type Remaining struct {
	RuleID   string `json:"ruleId"`
	Severity string `json:"severity"`
	Path     string `json:"path,omitempty"`
	Message  string `json:"message"`
}

// FormOnly reports whether the change alters how the document is written
// but not what it asks ECS for: describe-only members stripped and
// describe-time tags moved into the request (read-only-fields), null
// members removed (null-members), an empty list or object removed.
func (c Change) FormOnly() bool {
	switch c.RuleID {
	case analyzer.RuleReadOnlyFields, analyzer.RuleNullMembers:
		return true
	}
	return c.After == nil && isEmpty(c.Before)
}
