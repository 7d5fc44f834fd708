package discover

import (
	"context"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// images describes the ECR images the task definitions use, per
// repository in batches. Images in other registries, accounts or regions
// stay "size unknown": reading them needs other credentials or a registry
// client.
func (r *reader) images(ctx context.Context, refs *references) {
	byRepo := map[string][]ecrtypes.ImageIdentifier{}
	registry := map[string]string{}
	for _, ref := range refs.sorted(refs.images) {
		im := fleet.ParseImageRef(ref)
		if !im.IsECR() || im.Region != r.region {
			continue
		}
		id := ecrtypes.ImageIdentifier{}
		if im.Digest != "" {
			id.ImageDigest = aws.String(im.Digest)
		} else {
			id.ImageTag = aws.String(im.Tag)
		}
		byRepo[im.Repository] = append(byRepo[im.Repository], id)
		registry[im.Repository] = im.Account
	}
	repos := make([]string, 0, len(byRepo))
	for repo := range byRepo {
		repos = append(repos, repo)
	}
	sort.Strings(repos)
	type job struct {
		repo string
		ids  []ecrtypes.ImageIdentifier
	}
	var jobs []job
	for _, repo := range repos {
		for _, batch := range chunks(byRepo[repo], describeImagesBatch) {
			jobs = append(jobs, job{repo, batch})
		}
	}
	parallel(len(jobs), func(i int) {
		j := jobs[i]
		var out *ecr.DescribeImagesOutput
		err := r.call(ctx, "ecr", func(ctx context.Context) (err error) {
			out, err = r.ecr.DescribeImages(ctx, &ecr.DescribeImagesInput{
				RepositoryName: aws.String(j.repo), RegistryId: aws.String(registry[j.repo]), ImageIds: j.ids,
			})
			return err
		})
		if err != nil {
			r.fail("repository "+j.repo, "ecr:DescribeImages", err)
			return
		}
		for _, img := range out.ImageDetails {
			r.col.addImage(img)
		}
	})
}
