package rewrite

import (
	"fmt"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// Ephemeral storage bounds on Fargate (GiB).
const (
	ephemeralMinGiB = 21
	ephemeralMaxGiB = 200
)

// growEphemeral sets ephemeralStorage.sizeInGiB to the images' lower-bound
// footprint: twice their compressed ECR size (compressed layers plus the
// extracted copy), the same bound the analyzer uses.
func growEphemeral(r *round, f analyzer.Finding) {
	var compressed int64
	seen := map[string]bool{}
	for _, c := range r.td.Def.ContainerDefinitions {
		ref := ptr.Value(c.Image)
		if seen[ref] {
			continue
		}
		seen[ref] = true
		if img := r.images(ref); img != nil && img.Detail.ImageSizeInBytes != nil {
			compressed += *img.Detail.ImageSizeInBytes
		}
	}
	need := (2*compressed + 1<<30 - 1) >> 30
	need = max(need, ephemeralMinGiB)
	if need > ephemeralMaxGiB {
		return // ephemeral-storage-capacity
	}
	r.p.set(f.RuleID, "ephemeralStorage.sizeInGiB", need, false, fmt.Sprintf(
		"ephemeralStorage.sizeInGiB set to %d: the images need at least twice their compressed size; storage above 20 GiB is billed", need))
}
