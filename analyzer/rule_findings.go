package analyzer

// A rule returns its findings as a list, which the audit copies into the
// check worker's own list at once: the rule's list is garbage as soon as
// it is returned. Every finding of an audit of 100,000 services was one
// such list of its own (a 288-byte allocation, most rules finding one
// thing), a third of what the rules allocated. During an audit, the
// engine lends each rule in turn the worker's spare list (Subject.spare)
// to return its findings in, and copies them out before the next rule
// runs; outside an audit (Check, CheckAsIfKnown, tests) there is no spare
// list and a rule allocates its own as before.

// spareFindings is the length of a check worker's spare list: longer
// lists are allocated (append grows a copy), so a rule's findings are
// never limited by it.
const spareFindings = 32

// findings is the empty list a rule appends its findings to: the spare
// list lent to this rule's call, once (a second call, from a helper the
// rule calls, gets nil and allocates, so two lists never share the
// spare), or nil outside an audit. The list is the engine's again once
// the rule returns: a rule must not keep it.
func (s *Subject) findings() []Finding {
	out := s.spare
	s.spare = nil
	return out[:0]
}

// one is the list of the one finding f, in the spare list (see findings).
func (s *Subject) one(f Finding) []Finding {
	return append(s.findings(), f)
}
