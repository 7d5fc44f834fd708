package fleet

import (
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Fargate capacity provider names; they exist in every account.
const (
	ProviderFargate     = "FARGATE"
	ProviderFargateSpot = "FARGATE_SPOT"
)

// OnFargate decides whether the service already runs on Fargate (see
// LaunchesOnFargate).
func (s *Service) OnFargate() bool { return s != nil && ServiceOnFargate(&s.Svc) }

// ServiceOnFargate decides whether a service already runs on Fargate: its
// launch type or capacity provider strategy places tasks on Fargate only, or
// (a service with the EXTERNAL controller, whose tasks come from task sets)
// it has task sets and every one of them does.
func ServiceOnFargate(svc *ecstypes.Service) bool {
	if svc == nil {
		return false
	}
	if LaunchesOnFargate(svc.LaunchType, svc.CapacityProviderStrategy) {
		return true
	}
	return len(svc.TaskSets) > 0 && TaskSetsOnFargate(svc.TaskSets)
}

// TaskSetsOnFargate reports whether every task set places its tasks on
// Fargate (true for none).
func TaskSetsOnFargate(sets []ecstypes.TaskSet) bool {
	for _, ts := range sets {
		if !LaunchesOnFargate(ts.LaunchType, ts.CapacityProviderStrategy) {
			return false
		}
	}
	return true
}

// LaunchesOnFargate decides whether a launch type or capacity provider
// strategy (of a service or a task set) places tasks on Fargate only: the
// FARGATE launch type, or a non-empty strategy of FARGATE and FARGATE_SPOT
// alone.
func LaunchesOnFargate(lt ecstypes.LaunchType, strategy []ecstypes.CapacityProviderStrategyItem) bool {
	if lt == ecstypes.LaunchTypeFargate {
		return true
	}
	for _, it := range strategy {
		if !IsFargateProvider(ptr.Value(it.CapacityProvider)) {
			return false
		}
	}
	return len(strategy) > 0
}

// IsFargateProvider reports whether a capacity provider name is one of
// Fargate's own.
func IsFargateProvider(name string) bool {
	return name == ProviderFargate || name == ProviderFargateSpot
}
