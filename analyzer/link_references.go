package analyzer

import (
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
)

var linkReferences = Rule{
	ID:       "link-references",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "A setting names a linked container as a host, which stops resolving without links",
	Rationale: "Docker resolves a link's container name and alias only through `links`, which awsvpc (and so Fargate) does not have. " +
		"An environment value, command, entry point or health check that reaches a neighbour as `db:5432` or `tcp://fluentbit:25888` " +
		"would point at a name that no longer resolves. All containers of an awsvpc task share one network namespace, so localhost reaches them.",
	Remediation: "The rewrite replaces the host in host:port and URL forms (and whole host-named environment values) with localhost. " +
		"A bare word in a command, or a secret whose name names the link (its value lives in Secrets Manager or SSM), is left to you: " +
		"point it at localhost, or remove the link yourself if it is not a host; the rewrite keeps the link until then.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
	},
	Check: checkLinkReferences,
	Fix:   fixLinkReferences,
}

func checkLinkReferences(s *Subject) []Finding {
	out := s.findings()
	for _, r := range LinkReferences(s.Def()) {
		named := strings.Join(r.Hosts, "/")
		// The value is never shown: environment values and commands may
		// hold credentials. The path and the link name are enough.
		if r.Sure {
			out = append(out, Flag(r.Path, named,
				"names linked container %s as a host, which does not resolve without links; the rewrite points it at localhost (all containers of an awsvpc task share one network namespace)", named).In(r.Container))
			continue
		}
		what := "uses the link name " + named + " where it may be a host"
		if slices.Contains(r.Path, fieldpath.Key("secrets")) {
			what = "is a secret whose name names the link " + named + "; its value (in Secrets Manager or SSM) may hold that host"
		}
		out = append(out, Flag(r.Path, named,
			"%s; point it at localhost by hand (or, if it is not a host, remove the link yourself): the rewrite keeps the link until then", what).In(r.Container))
	}
	return out
}

// fixLinkReferences replaces a linked container's name or alias in host
// form with localhost. Neither value is shown in the change: environment
// values and commands may hold credentials.
func fixLinkReferences(x Fixer, s *Subject, f Finding) {
	for _, ref := range LinkReferences(s.Def()) {
		if !ref.Path.Equal(f.Field) || !ref.Sure {
			continue
		}
		x.Set(f.Field, ref.Localhost, false, "host "+strings.Join(ref.Hosts, "/")+
			" (a link, gone on awsvpc) is now localhost: all containers of an awsvpc task share one network namespace; the value is not shown")
		x.HideValues()
		return
	}
}
