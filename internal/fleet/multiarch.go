package fleet

import (
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// MultiArch is what the inputs say about whether an image is a
// multi-architecture image (an image index listing one image per platform).
type MultiArch int

// MultiArch values.
const (
	// MultiArchUnknown: not an ECR image, or no describe-images output
	// (with a manifest media type) covered it.
	MultiArchUnknown MultiArch = iota
	// SingleArch: a single-platform manifest.
	SingleArch
	// MultiArchIndex: a Docker manifest list or an OCI image index.
	MultiArchIndex
)

// indexMediaTypes are the manifest media types that list one image per
// platform: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-manifest-formats.html
var indexMediaTypes = map[string]bool{
	"application/vnd.docker.distribution.manifest.list.v2+json": true,
	"application/vnd.oci.image.index.v1+json":                   true,
}

// ImageMultiArch decides whether the image ref points to a multi-architecture
// image, from its ECR manifest media type: the one test the analyzer and the
// cost model share.
func (f *Fleet) ImageMultiArch(ref string) MultiArch {
	img := f.Image(ref)
	if img == nil {
		return MultiArchUnknown
	}
	mt := strings.ToLower(strings.TrimSpace(ptr.Value(img.Detail.ImageManifestMediaType)))
	mt, _, _ = strings.Cut(mt, ";")
	switch {
	case mt == "":
		return MultiArchUnknown
	case indexMediaTypes[mt]:
		return MultiArchIndex
	}
	return SingleArch
}

// AllMultiArch reports whether every image of td is known to be a
// multi-architecture index.
func (f *Fleet) AllMultiArch(td *TaskDefinition) bool {
	cs := td.Def.ContainerDefinitions
	if f == nil || len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		if f.ImageMultiArch(ptr.Value(c.Image)) != MultiArchIndex {
			return false
		}
	}
	return true
}
