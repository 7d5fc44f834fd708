package fleetgen

import (
	"crypto/sha256"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
)

// image is the reference a revision of f runs. Images in this account's
// ECR are recorded for the describe-images output of their repository.
func (g *gen) image(f *family, rev int32) string {
	if !f.ecr {
		return ""
	}
	repo := team(f.name) + "/" + f.name
	tag := fmt.Sprintf("1.%d.0", rev)
	digest := fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(repo+":"+tag)))
	media := "application/vnd.docker.distribution.manifest.v2+json"
	if f.kind == kindReady {
		media = "application/vnd.oci.image.index.v1+json" // multi-arch
	}
	size := int64(40+g.rnd.IntN(900)) << 20
	if f.kind == kindGPU {
		size = int64(4+g.rnd.IntN(6)) << 30
	}
	g.repos[repo] = append(g.repos[repo], ecrtypes.ImageDetail{
		RegistryId: aws.String(g.o.Account), RepositoryName: aws.String(repo), ImageDigest: aws.String(digest),
		ImageTags: []string{tag}, ImageSizeInBytes: aws.Int64(size), ImagePushedAt: g.at(300),
		ImageManifestMediaType: aws.String(media), ArtifactMediaType: aws.String("application/vnd.docker.container.image.v1+json"),
	})
	return fmt.Sprintf("%s.dkr.ecr.%s.amazonaws.com/%s:%s", g.o.Account, g.o.Region, repo, tag)
}
