package rewrite

// change records one edit of the service's settings; before and after are
// SDK values or plain Go values, written as the ECS CLI spells them.
func (p *servicePlan) change(rule, path string, before, after any, lossy bool, msg string) {
	p.changes = append(p.changes, Change{RuleID: rule, Path: path, Before: svcJSON(before), After: svcJSON(after), Lossy: lossy, Message: msg})
}

// remain records a finding the rewrite leaves to the user, with the
// severity the audit gives the rule.
func (p *servicePlan) remain(rule, path, msg string) {
	p.remaining = append(p.remaining, Remaining{RuleID: rule, Severity: ruleSeverity(rule), Path: path, Message: msg})
}
