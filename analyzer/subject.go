package analyzer

import (
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
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
	if s.platform == nil {
		p := s.platformUncached()
		s.platform = &p
	}
	return *s.platform
}

func (s *Subject) platformUncached() fleet.Platform {
	if s.TaskDef == nil {
		if s.Service != nil && strings.HasPrefix(strings.ToUpper(ptr.Value(s.Service.Svc.PlatformFamily)), "WINDOWS") {
			return fleet.Platform{OS: fleet.OSWindows, Evidence: []string{"the service's platformFamily is " + ptr.Value(s.Service.Svc.PlatformFamily)}}
		}
		return fleet.Platform{}
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
// prefix "containerDefinitions[i]" to extend with containerPath.
func (s *Subject) eachContainer(check func(c *ecstypes.ContainerDefinition, path string) []Finding) []Finding {
	var out []Finding
	def := s.Def()
	if def == nil {
		return nil
	}
	for i := range def.ContainerDefinitions {
		c := &def.ContainerDefinitions[i]
		for _, f := range check(c, idx("containerDefinitions", i)) {
			out = append(out, f.In(ptr.Value(c.Name)))
		}
	}
	return out
}

// at joins path steps: at("a[0]", "b", "c[1]") = "a[0].b.c[1]".
func at(steps ...string) string { return strings.Join(steps, ".") }

// idx formats an array step: idx("add", 2) = "add[2]". (Not fmt.Sprintf:
// every rule calls it for every container, and Sprintf showed in the
// profile of a 10,000-service audit and rewrite.)
func idx(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }
