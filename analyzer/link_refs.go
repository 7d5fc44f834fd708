package analyzer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// LinkRef is one value of a task definition that names a linked container
// (by its name or its link alias) where a host goes. Links do not exist in
// awsvpc mode, so the name stops resolving; all containers of an awsvpc
// task share one network namespace, so localhost reaches them instead.
type LinkRef struct {
	Container string // the container holding the value
	// Path is the exact place: containerDefinitions[i].environment[j].value,
	// .command[k], .entryPoint[k], .healthCheck.command[k] or
	// .secrets[j].name.
	Path  Path
	Hosts []string // the names and aliases it uses, as the links spell them
	// LinkPaths are the links entries those names resolve through
	// (containerDefinitions[i].links[j]).
	LinkPaths []Path
	// Sure is true when every use is in host form (host:port, a URL's
	// host, a whole host-named environment value), so Localhost can
	// replace it; otherwise a person decides (a bare word in a command, a
	// secret's name: the value lives in Secrets Manager or SSM).
	Sure bool
	// Localhost is the value with each host replaced by localhost, for
	// Sure references. It holds the value: never print it.
	Localhost string
}

// linkHost is a name a container reaches a linked container by, and the
// links entry that gives it.
type linkHost struct {
	name     string
	linkPath Path
}

// LinkReferences finds every value that names a linked container as a
// host, in the containers that hold the links (Docker resolves link names
// only there). It is empty for a definition without links.
func LinkReferences(def *ecstypes.TaskDefinition) []LinkRef {
	if def == nil {
		return nil
	}
	var out []LinkRef
	for i := range def.ContainerDefinitions {
		c := &def.ContainerDefinitions[i]
		hosts := linkHosts(c, i)
		if len(hosts) == 0 {
			continue
		}
		base := idx("containerDefinitions", i)
		add := func(path Path, value string, hostNamed bool) {
			if r, ok := refIn(value, hosts, hostNamed); ok {
				r.Container, r.Path = ptr.Value(c.Name), path
				out = append(out, r)
			}
		}
		for j, kv := range c.Environment {
			add(at(base, idx("environment", j), "value"), ptr.Value(kv.Value), hostNamedVar.MatchString(ptr.Value(kv.Name)))
		}
		for j, arg := range c.EntryPoint {
			add(at(base, idx("entryPoint", j)), arg, false)
		}
		for j, arg := range c.Command {
			add(at(base, idx("command", j)), arg, false)
		}
		if c.HealthCheck != nil {
			for j, arg := range c.HealthCheck.Command {
				add(at(base, "healthCheck", idx("command", j)), arg, false)
			}
		}
		for j, sec := range c.Secrets {
			if r, ok := secretRef(ptr.Value(sec.Name), hosts); ok {
				r.Container, r.Path = ptr.Value(c.Name), at(base, idx("secrets", j), "name")
				out = append(out, r)
			}
		}
	}
	return out
}

// linkHosts lists the names container c (index self) reaches linked
// containers by: each link's target and its alias.
func linkHosts(c *ecstypes.ContainerDefinition, self int) []linkHost {
	var hosts []linkHost
	for j, l := range c.Links {
		target, alias, _ := strings.Cut(strings.TrimSpace(l), ":")
		p := at(idx("containerDefinitions", self), idx("links", j))
		for _, h := range []string{target, alias} {
			if h != "" {
				hosts = append(hosts, linkHost{name: h, linkPath: p})
			}
		}
	}
	return hosts
}

// hostNamedVar matches environment variable names that hold a host.
var hostNamedVar = regexp.MustCompile(`(?i)(HOST|ADDR|SERVER|ENDPOINT|URL|URI|DSN|BROKER)`)

// refIn finds the hosts in one value. hostNamed says the value is an
// environment variable whose name says it holds a host.
func refIn(value string, hosts []linkHost, hostNamed bool) (LinkRef, bool) {
	var r LinkRef
	r.Sure = true
	var sure []span
	lower := strings.ToLower(value)
	for _, h := range hosts {
		name := strings.ToLower(h.name)
		found := false
		for from := 0; ; {
			k := strings.Index(lower[from:], name)
			if k < 0 {
				break
			}
			start, end := from+k, from+k+len(name)
			from = end
			switch form := hostForm(value, start, end); {
			case form == notHost:
				continue
			case form == hostSure || form == hostBare && hostNamed && start == 0 && end == len(value):
				sure = append(sure, span{start, end})
			default:
				r.Sure = false
			}
			found = true
		}
		if found {
			r.Hosts = appendNew(r.Hosts, h.name)
			r.LinkPaths = appendNewPath(r.LinkPaths, h.linkPath)
		}
	}
	if len(r.Hosts) == 0 {
		return r, false
	}
	if r.Sure {
		var b strings.Builder
		last := 0
		for _, s := range sortedSpans(sure) {
			if s.from < last {
				continue // a name inside an alias already replaced
			}
			b.WriteString(value[last:s.from])
			b.WriteString("localhost")
			last = s.to
		}
		b.WriteString(value[last:])
		r.Localhost = b.String()
	}
	return r, true
}

// secretRef finds a host among the words of a host-named secret's name
// (MYSQL_HOST names the link mysql): the value lives in Secrets Manager or
// SSM, so a person checks it.
func secretRef(name string, hosts []linkHost) (LinkRef, bool) {
	if !hostNamedVar.MatchString(name) {
		return LinkRef{}, false // WORDPRESS_DB_PASSWORD holds no host, whatever it names
	}
	words := "_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_", "/", "_").Replace(name)) + "_"
	var r LinkRef
	for _, h := range hosts {
		w := "_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(h.name)) + "_"
		if strings.Contains(words, w) {
			r.Hosts = appendNew(r.Hosts, h.name)
			r.LinkPaths = appendNewPath(r.LinkPaths, h.linkPath)
		}
	}
	return r, len(r.Hosts) > 0
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func appendNewPath(list []Path, p Path) []Path {
	if slices.ContainsFunc(list, p.Equal) {
		return list
	}
	return append(list, p)
}

// span is a match of a host in a value: [from, to).
type span struct{ from, to int }

// sortedSpans orders matches by where they start, longest first.
func sortedSpans(s []span) []span {
	slices.SortFunc(s, func(a, b span) int {
		if a.from != b.from {
			return a.from - b.from
		}
		return b.to - a.to
	})
	return s
}
