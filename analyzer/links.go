package analyzer

import (
	"slices"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

var links = Rule{
	ID:       "links",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "Container links do not exist in awsvpc mode; containers talk over localhost",
	Rationale: "`links` only works in bridge mode, and Fargate tasks are awsvpc. All containers of an awsvpc task share one network " +
		"namespace, so a container reaches its neighbours on localhost:<port>; the link names and aliases stop resolving, and the " +
		"<ALIAS>_PORT_* environment variables Docker injected for links disappear.",
	Remediation: "The rewrite removes `links` (lossy). Point every setting that used a link name or alias at localhost (the finding lists " +
		"the environment variables and command arguments it found; values are not shown) and check configuration files inside the image too.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
	},
	Check: checkLinks,
	Fix:   fixLinks,
}

func checkLinks(s *Subject) []Finding {
	def := s.Def()
	if def == nil {
		return nil
	}
	sure, byHand := linkRefCounts(LinkReferences(def))
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		out := s.findings()
		for i, l := range c.Links {
			target, alias, _ := strings.Cut(l, ":")
			named := target
			if alias != "" && alias != target {
				named = target + " (alias " + alias + ")"
			}
			p := at(path, idx("links", i))
			switch {
			case byHand[p.String()] > 0:
				out = append(out, Flag(p, l, "link to container %s stays until %d reference(s) to it left by hand (link-references) point at localhost; "+
					"on awsvpc the containers share localhost and links do not exist", named, byHand[p.String()]))
			case sure[p.String()] > 0:
				out = append(out, Flag(p, l, "link to container %s is removed (lossy): on awsvpc the containers share localhost; "+
					"the %d setting(s) naming it are pointed at localhost (link-references); check configuration inside the image too", named, sure[p.String()]))
			default:
				out = append(out, Flag(p, l, "link to container %s is removed (lossy): on awsvpc the containers share localhost; "+
					"no environment value, command, entry point, health check or secret name in the task names it, so check configuration inside the image", named))
			}
		}
		return out
	})
}

// linkRefCounts counts, per links entry path (written out), the references through it
// the rewrite fixes and those left by hand.
func linkRefCounts(refs []LinkRef) (sure, byHand map[string]int) {
	sure, byHand = map[string]int{}, map[string]int{}
	for _, r := range refs {
		for _, p := range r.LinkPaths {
			if r.Sure {
				sure[p.String()]++
			} else {
				byHand[p.String()]++
			}
		}
	}
	return sure, byHand
}

// fixLinks removes a links entry (lossy), unless a reference to it is left
// for a person (LinkReferences: a bare word, a secret's name): without the
// link, a re-audit could no longer tell that the name was a link's, and
// the task would read as ready while a setting names a host that does not
// resolve.
func fixLinks(x Fixer, s *Subject, f Finding) {
	for _, ref := range LinkReferences(s.Def()) {
		if !ref.Sure && slices.ContainsFunc(ref.LinkPaths, f.Field.Equal) {
			return
		}
	}
	x.Delete(f.Field, true, f.Message)
}
