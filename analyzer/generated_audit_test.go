package analyzer

import (
	"context"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// auditOfGenerated audits a generated estate of services services,
// perCluster a cluster, with every rule.
func auditOfGenerated(t *testing.T, services, perCluster int) *Result {
	t.Helper()
	dir := t.TempDir()
	if err := fleetgen.WriteTemp(dir, fleetgen.Options{Services: services, PerCluster: perCluster}); err != nil {
		t.Fatal(err)
	}
	f, _ := fleet.Load(context.Background(), []string{dir}, nil)
	res, err := Audit(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
