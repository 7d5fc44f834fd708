package analyzer

import (
	"fmt"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

var imageVsEphemeral = Rule{
	ID:       "image-vs-ephemeral",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "The task's images may not fit its Fargate ephemeral storage",
	Rationale: "On Fargate the pulled images (compressed and extracted), writable layers and bind mounts share one ephemeral " +
		"volume of 20 GiB by default; EC2 hosts often had far larger Docker volumes. ECR reports the compressed size, so twice " +
		"that is a lower bound of what an image takes.",
	Remediation: "Set `ephemeralStorage.sizeInGiB` to at least the images' footprint plus the application's scratch data " +
		"(21-200; the rewrite sets the lower bound), or slim the images. Storage above 20 GiB is billed per GiB-hour.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html",
		"https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ImageDetail.html",
		"https://aws.amazon.com/fargate/pricing/",
	},
	Check: checkImageVsEphemeral,
	Fix:   fixImageVsEphemeral,
}

func checkImageVsEphemeral(s *Subject) []Finding {
	fp := imageFootprint(s)
	out := fp.unchecked
	avail := ephemeralAvailableGiB(s)
	need := gib(fp.lowerBoundBytes)
	if need <= int64(avail) || need > ephemeralMaxGiB {
		return out // large enough, or beyond Fargate: ephemeral-storage-capacity
	}
	path, value := at("ephemeralStorage"), any(nil)
	if es := s.Def().EphemeralStorage; es != nil {
		path, value = at("ephemeralStorage", "sizeInGiB"), es.SizeInGiB
	}
	return append(out, Flag(path, value,
		"the images need at least %d GiB of ephemeral storage (lower bound: twice their %s GiB compressed ECR size), more than the %d GiB available; set sizeInGiB to at least %d (storage above 20 GiB is billed)",
		need, gibText(fp.compressedBytes), avail, max(need, ephemeralMinGiB)))
}

// ephemeralAvailableGiB is the task's ephemeral storage on Fargate: the
// declared size when it is in range, else the default.
func ephemeralAvailableGiB(s *Subject) int {
	if es := s.Def().EphemeralStorage; es != nil && es.SizeInGiB >= ephemeralMinGiB {
		return int(es.SizeInGiB)
	}
	return ephemeralDefaultGiB
}

// footprint is what the task's images are known to occupy.
type footprint struct {
	compressedBytes int64
	lowerBoundBytes int64 // 2 x compressed: the extracted image is at least as large
	unchecked       []Finding
}

// imageFootprint sums the ECR sizes of the task's images, once per image,
// and lists as unchecked every image whose size is unknown.
func imageFootprint(s *Subject) footprint {
	var fp footprint
	seen := map[string]bool{}
	for _, c := range s.Def().ContainerDefinitions {
		ref := ptr.Value(c.Image)
		if ref == "" || seen[ref] {
			continue
		}
		seen[ref] = true
		img := s.Fleet.Image(ref)
		switch {
		case img != nil && img.Detail.ImageSizeInBytes != nil:
			fp.compressedBytes += *img.Detail.ImageSizeInBytes
		case fleet.ParseImageRef(ref).IsECR():
			fp.unchecked = append(fp.unchecked, Unchecked("the size of image "+ref+": add `aws ecr describe-images` output for its repository").In(ptr.Value(c.Name)))
		default:
			fp.unchecked = append(fp.unchecked, Unchecked("the size of image "+ref+" (not in ECR, so its size cannot be read from the inputs): check that it fits Fargate's ephemeral storage").In(ptr.Value(c.Name)))
		}
	}
	fp.lowerBoundBytes = 2 * fp.compressedBytes
	return fp
}

// fixImageVsEphemeral sets sizeInGiB to the images' lower-bound footprint
// (twice their compressed size), at least Fargate's minimum; beyond the
// maximum nothing is set (ephemeral-storage-capacity).
func fixImageVsEphemeral(x Fixer, s *Subject, _ Finding) {
	need := max(gib(imageFootprint(s).lowerBoundBytes), ephemeralMinGiB)
	if need > ephemeralMaxGiB {
		return
	}
	x.Set(at("ephemeralStorage", "sizeInGiB"), need, false, fmt.Sprintf(
		"ephemeralStorage.sizeInGiB set to %d: the images need at least twice their compressed size; storage above 20 GiB is billed", need))
}
