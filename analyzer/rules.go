package analyzer

// Rules returns the whole catalogue in a fixed order: task rules, container
// rules, then service rules. It is the one registry; there is no init()
// registration, so what runs is what is listed here.
func Rules() []Rule {
	var all []Rule
	all = append(all, taskRules()...)
	all = append(all, containerRules()...)
	all = append(all, serviceRules()...)
	return all
}

// Lookup finds a rule by ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
