package fleet

import ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

// IsDaemon reports whether the service places one task on every container
// instance (the DAEMON scheduling strategy), which Fargate cannot do.
func (s *Service) IsDaemon() bool {
	return s.Svc.SchedulingStrategy == ecstypes.SchedulingStrategyDaemon
}
