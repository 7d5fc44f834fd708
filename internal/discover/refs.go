package discover

import (
	"sort"
	"sync"
)

// references are the IDs that one step finds and a later step describes,
// each kept once so that nothing is fetched twice.
type references struct {
	mu           sync.Mutex
	taskDefs     set
	instances    set
	targetGroups set
	subnets      set
	services     []serviceRef
}

type set map[string]bool

func (r *references) add(field *set, ids ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if *field == nil {
		*field = set{}
	}
	for _, id := range ids {
		if id != "" {
			(*field)[id] = true
		}
	}
}

// addNew adds one id and says whether it was not there before.
func (r *references) addNew(field *set, id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id == "" || (*field)[id] {
		return false
	}
	if *field == nil {
		*field = set{}
	}
	(*field)[id] = true
	return true
}

func (r *references) addServiceRef(s serviceRef) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.services = append(r.services, s)
}

// serviceRefs lists the services found, sorted by ARN.
func (r *references) serviceRefs() []serviceRef {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := append([]serviceRef{}, r.services...)
	sort.Slice(out, func(i, j int) bool { return out[i].arn < out[j].arn })
	return out
}

// sorted returns a set's members in order, for repeatable requests.
func (r *references) sorted(field set) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(field))
	for id := range field {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
