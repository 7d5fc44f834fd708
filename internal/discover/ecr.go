package discover

import (
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// imageFetcher describes the ECR images the task definitions use while the
// task definitions are still being read, so that ECR's rate limit is spent
// in parallel with ECS's. A repository is described as soon as its first
// image is seen; images of it seen later are batched at the end. Images in
// other registries, accounts or regions stay "size unknown": reading them
// needs other credentials or a registry client.
type imageFetcher struct {
	r  *reader
	mu sync.Mutex
	wg sync.WaitGroup

	requested map[string]bool                       // "repo@id" already asked for
	started   map[string]bool                       // repositories with a call under way or done
	late      map[string][]ecrtypes.ImageIdentifier // ids seen after their repository's first call
	registry  map[string]string                     // repository → registry (account) id
}

func newImageFetcher(r *reader) *imageFetcher {
	return &imageFetcher{r: r, requested: map[string]bool{}, started: map[string]bool{}, late: map[string][]ecrtypes.ImageIdentifier{}, registry: map[string]string{}}
}

// see queues the ECR images of one task definition.
func (f *imageFetcher) see(ctx context.Context, images []string) {
	now := map[string][]ecrtypes.ImageIdentifier{}
	f.mu.Lock()
	for _, ref := range images {
		im := fleet.ParseImageRef(ref)
		if !im.IsECR() || im.Region != f.r.region {
			continue
		}
		id, key := imageID(im)
		if f.requested[im.Repository+"@"+key] {
			continue
		}
		f.requested[im.Repository+"@"+key] = true
		f.registry[im.Repository] = im.Account
		if f.started[im.Repository] {
			f.late[im.Repository] = append(f.late[im.Repository], id)
		} else {
			now[im.Repository] = append(now[im.Repository], id)
		}
	}
	for repo := range now {
		f.started[repo] = true
	}
	f.mu.Unlock()
	for _, repo := range slices.Sorted(maps.Keys(now)) {
		f.fetch(ctx, repo, now[repo])
	}
}

// finish describes the late images and waits for every call.
func (f *imageFetcher) finish(ctx context.Context) {
	f.mu.Lock()
	late := f.late
	f.late = nil
	f.mu.Unlock()
	for _, repo := range slices.Sorted(maps.Keys(late)) {
		f.fetch(ctx, repo, late[repo])
	}
	f.wg.Wait()
}

func (f *imageFetcher) fetch(ctx context.Context, repo string, ids []ecrtypes.ImageIdentifier) {
	for _, batch := range chunks(ids, describeImagesBatch) {
		f.wg.Add(1)
		go func(batch []ecrtypes.ImageIdentifier) {
			defer f.wg.Done()
			f.describe(ctx, repo, batch)
		}(batch)
	}
}

func (f *imageFetcher) describe(ctx context.Context, repo string, ids []ecrtypes.ImageIdentifier) {
	f.mu.Lock()
	registry := f.registry[repo]
	f.mu.Unlock()
	var out *ecr.DescribeImagesOutput
	err := f.r.call(ctx, "ecr:DescribeImages", func(ctx context.Context) (err error) {
		out, err = f.r.ecr.DescribeImages(ctx, &ecr.DescribeImagesInput{
			RepositoryName: aws.String(repo), RegistryId: aws.String(registry), ImageIds: ids,
		})
		return err
	})
	if err != nil {
		f.r.fail("repository "+repo, "ecr:DescribeImages", err)
		return
	}
	for _, img := range out.ImageDetails {
		f.r.col.addImage(img)
	}
}

func imageID(im fleet.ImageRef) (ecrtypes.ImageIdentifier, string) {
	if im.Digest != "" {
		return ecrtypes.ImageIdentifier{ImageDigest: aws.String(im.Digest)}, im.Digest
	}
	return ecrtypes.ImageIdentifier{ImageTag: aws.String(im.Tag)}, im.Tag
}
