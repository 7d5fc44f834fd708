package rewrite

import (
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// removeLink removes a links entry, unless a reference to it is left for a
// person (analyzer.LinkReferences: a bare word, a secret's name): without
// the link, a re-audit could no longer tell that the name was a link's,
// and the task would read as ready while a setting names a host that does
// not resolve.
func removeLink(r *round, f analyzer.Finding) {
	for _, ref := range analyzer.LinkReferences(&r.td.Def) {
		if !ref.Sure && slices.ContainsFunc(ref.LinkPaths, f.Field.Equal) {
			return
		}
	}
	lossyRemove(r, f)
}

// pointAtLocalhost replaces a linked container's name or alias in host
// form with localhost. Neither value is shown in the change: environment
// values and commands may hold credentials.
func pointAtLocalhost(r *round, f analyzer.Finding) {
	for _, ref := range analyzer.LinkReferences(&r.td.Def) {
		if !ref.Path.Equal(f.Field) || !ref.Sure {
			continue
		}
		r.p.set(f.RuleID, f.Path, ref.Localhost, false, "host "+strings.Join(ref.Hosts, "/")+
			" (a link, gone on awsvpc) is now localhost: all containers of an awsvpc task share one network namespace; the value is not shown")
		r.p.hideValues()
		return
	}
}
