package analyzer

import (
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// warm fills every lazily built lookup the rules read, the fleet's indexes
// and the memo, before subjects are checked concurrently: afterwards the
// rules only read shared state.
func (m *memo) warm(f *fleet.Fleet) {
	f.ServicesUsing(nil)
	f.Image("")
	m.subnetDemand(f, "") // also each service cluster's instance network
	m.hostsOf(f, nil)
	m.isWindows(f, nil)
	for _, td := range f.TaskDefinitions {
		m.hostsOf(f, td)
		m.isWindows(f, td)
	}
}
