package analyzer

import (
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
}

func checkLinks(s *Subject) []Finding {
	def := s.Def()
	if def == nil {
		return nil
	}
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path string) []Finding {
		var out []Finding
		for i, l := range c.Links {
			target, alias, _ := strings.Cut(l, ":")
			hosts := []string{target}
			named := target
			if alias != "" && alias != target {
				hosts = append(hosts, alias)
				named = target + " (alias " + alias + ")"
			}
			var refs []string
			for j := range def.ContainerDefinitions {
				other := &def.ContainerDefinitions[j]
				for _, r := range hostNameRefs(other, hosts) {
					refs = append(refs, deref(other.Name)+" "+r)
				}
			}
			p := at(path, idx("links", i))
			if len(refs) == 0 {
				out = append(out, Flag(p, l, "link to container %s is removed (lossy): on awsvpc the containers share localhost; "+
					"no environment value or command in the task names %s, so check configuration inside the image", named, strings.Join(hosts, "/")))
				continue
			}
			out = append(out, Flag(p, l, "link to container %s is removed (lossy): on awsvpc the containers share localhost; "+
				"rewrite %s to use localhost instead of %s", named, quoteList(refs), strings.Join(hosts, "/")))
		}
		return out
	})
}
