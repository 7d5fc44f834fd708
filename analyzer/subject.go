package analyzer

import (
	"fmt"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Def is the task definition being checked, or nil.
func (s *Subject) Def() *ecstypes.TaskDefinition {
	if s.TaskDef == nil {
		return nil
	}
	return &s.TaskDef.Def
}

// Svc is the service being checked, or nil for task rules.
func (s *Subject) Svc() *ecstypes.Service {
	if s.Service == nil {
		return nil
	}
	return &s.Service.Svc
}

// Platform is the fleet's platform decision for the subject's task
// definition (fleet.Platform); for a service whose task definition is
// absent, what the service's platform family says.
func (s *Subject) Platform() fleet.Platform {
	if !s.platformKnown {
		s.platform, s.platformKnown = s.platformUncached(), true
	}
	return s.platform
}

func (s *Subject) platformUncached() fleet.Platform {
	if s.TaskDef == nil {
		if s.Service != nil && strings.HasPrefix(strings.ToUpper(ptr.Value(s.Service.Svc.PlatformFamily)), "WINDOWS") {
			return fleet.Platform{OS: fleet.OSWindows, Evidence: []string{"the service's platformFamily is " + ptr.Value(s.Service.Svc.PlatformFamily)}}
		}
		return fleet.Platform{}
	}
	if s.Hosts != nil {
		return s.Fleet.PlatformWithHosts(s.TaskDef, *s.Hosts)
	}
	return s.memo.platform(s.Fleet, s.TaskDef)
}

// Windows reports the decision that the subject runs Windows containers.
func (s *Subject) Windows() bool { return s.Platform().IsWindows() }

// FargateSize is the Fargate task size the rewrite and the cost model
// choose for the task definition (no headroom); ok is false when none is
// large enough or the task definition is absent.
func (s *Subject) FargateSize() (fargate.Size, bool) {
	if s.TaskDef == nil {
		return fargate.Size{}, false
	}
	return fargate.Fit(fargate.NeedOf(s.Def(), sizeHeadroomPct).Size, s.Windows())
}

// eachContainer runs check on every container definition and gathers the
// findings, each tagged with its container's name. check gets the path
// of the container, containerDefinitions[i], to extend with at.
func (s *Subject) eachContainer(check func(c *ecstypes.ContainerDefinition, path Path) []Finding) []Finding {
	def := s.Def()
	if def == nil {
		return nil
	}
	if len(s.containerPaths) != len(def.ContainerDefinitions) {
		// One backing array for all; each path's capacity is its length.
		steps := make([]fieldpath.Step, 2*len(def.ContainerDefinitions))
		s.containerPaths = make([]Path, len(def.ContainerDefinitions))
		for i := range s.containerPaths {
			steps[2*i], steps[2*i+1] = fieldpath.Key("containerDefinitions"), fieldpath.Index(i)
			s.containerPaths[i] = steps[2*i : 2*i+2 : 2*i+2]
		}
	}
	if len(def.ContainerDefinitions) == 1 {
		// The check's own list, tagged in place.
		out := check(&def.ContainerDefinitions[0], s.containerPaths[0])
		for i := range out {
			out[i].Container = ptr.Value(def.ContainerDefinitions[0].Name)
		}
		return out
	}
	out := s.findings()
	for i := range def.ContainerDefinitions {
		c := &def.ContainerDefinitions[i]
		for _, f := range check(c, s.containerPaths[i]) {
			out = append(out, f.In(ptr.Value(c.Name)))
		}
	}
	return out
}

// Path is the field path a finding carries (package fieldpath): the rule
// builds it with at and idx, and the rewrite edits the member it names.
type Path = fieldpath.Path

// at builds a path from its parts in order: a string is one object key
// (never split: at("a", "b") is a.b, at("a", "b") one key that String
// quotes), a Path (from idx or a container's path) its steps. Any other
// part is a mistake in the rule and panics in its fixture test.
//
// The path is shared (see recentPaths): callers must not write into it;
// appending to it copies it, its capacity being its length.
func at(parts ...any) Path {
	sc := pathScratches.Get().(*pathScratch)
	steps := sc.steps[:0]
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			steps = append(steps, fieldpath.Key(p))
		case Path:
			steps = append(steps, p...)
		default:
			panic(fmt.Sprintf("analyzer.at: path part %T", p))
		}
	}
	out := sc.path(steps)
	sc.steps = steps[:0]
	pathScratches.Put(sc)
	return out
}

// idx is the array element name[i]: idx("add", 2) = add[2].
func idx(name string, i int) Path { return Path{fieldpath.Key(name), fieldpath.Index(i)} }
