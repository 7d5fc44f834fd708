package analyzer

import (
	"strconv"
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fargate"
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

// Windows reports whether the subject runs Windows containers: the task
// definition's declared family, else its hosts (fleet.IsWindows); for a
// service whose task definition is absent, the service's platform family.
func (s *Subject) Windows() bool {
	if s.windows == nil {
		w := s.windowsUncached()
		s.windows = &w
	}
	return *s.windows
}

func (s *Subject) windowsUncached() bool {
	if s.TaskDef == nil {
		return s.Service != nil && strings.HasPrefix(strings.ToUpper(deref(s.Service.Svc.PlatformFamily)), "WINDOWS")
	}
	return s.memo.isWindows(s.Fleet, s.TaskDef)
}

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
			out = append(out, f.In(deref(c.Name)))
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

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
