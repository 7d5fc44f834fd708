package analyzer

import (
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// largeImageBytes is the compressed size above which lazy loading (SOCI) is
// worth considering: ~250 MB.
const largeImageBytes = 250 * 1000 * 1000

var imagePullNoCache = Rule{
	ID:       "image-pull-no-cache",
	Scope:    ScopeTask,
	Severity: Warning,
	Title:    "Large image: Fargate pulls it in full for every task",
	Rationale: "Fargate on Linux keeps no image layer cache between tasks, so each task start downloads the whole image; large images " +
		"slow scaling and deployments. For images above about 250 MB compressed, SOCI lazy loading is the usual suggestion.",
	Remediation: "Slim the image (smaller base, multi-stage builds), push zstd-compressed layers, add a SOCI index for lazy loading, " +
		"and pull from ECR in the same Region through VPC endpoints.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-pull-behavior.html",
		"https://aws.amazon.com/blogs/containers/reducing-aws-fargate-startup-times-with-zstd-compressed-container-images/",
	},
	Check: checkImagePullNoCache,
}

func checkImagePullNoCache(s *Subject) []Finding {
	return s.eachContainer(func(c *ecstypes.ContainerDefinition, path Path) []Finding {
		ref := ptr.Value(c.Image)
		img := s.Fleet.Image(ref)
		if img == nil {
			return nil
		}
		size := ptr.Value(img.Detail.ImageSizeInBytes)
		if size <= largeImageBytes {
			return nil
		}
		return s.one(Flag(at(path, "image"), ref,
			"image %s is %d MB compressed and is pulled in full on every Fargate task start; consider a slimmer image or SOCI lazy loading",
			ref, size/1000/1000))
	})
}
