package fleet

import (
	"hash/maphash"
	"slices"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// imageIndex finds images by account and region, registry, repository and
// tag or digest. It files each image under a hash of those, and checks the
// image found against them, rather than under a key string built for each
// tag and digest: at 100,000 services, the 62,000 images' keys and their
// map took 26 MB of the audit's heap, a hash and a pointer take 3 MB. As
// with a map, the image filed last under a key is the one found.
type imageIndex struct {
	seed maphash.Seed
	one  map[uint64]*Image   // the image filed under a hash
	more map[uint64][]*Image // images of other keys with the same hash (rare)
}

// imageKey is what an image is filed under.
type imageKey struct {
	id                   Identity
	registry, repository string
	ref                  string // tag or digest
	digest               bool
}

func newImageIndex(images []*Image) *imageIndex {
	x := &imageIndex{seed: maphash.MakeSeed(), one: make(map[uint64]*Image, len(images)), more: map[uint64][]*Image{}}
	for _, img := range images {
		d := img.Detail
		k := imageKey{id: img.Identity, registry: ptr.Value(d.RegistryId), repository: ptr.Value(d.RepositoryName)}
		for _, t := range d.ImageTags {
			k.ref = t
			x.add(k, img)
		}
		if dg := ptr.Value(d.ImageDigest); dg != "" {
			k.ref, k.digest = dg, true
			x.add(k, img)
		}
	}
	return x
}

func (x *imageIndex) hash(k imageKey) uint64 {
	return maphash.Comparable(x.seed, k)
}

// add files img under k, in place of an image filed under k before.
func (x *imageIndex) add(k imageKey, img *Image) { x.addAt(x.hash(k), k, img) }

// find is the image filed under k, or nil.
func (x *imageIndex) find(k imageKey) *Image { return x.findAt(x.hash(k), k) }

// addAt is add with k's hash h (tests give two keys one hash).
func (x *imageIndex) addAt(h uint64, k imageKey, img *Image) {
	prev, ok := x.one[h]
	if !ok || k.matches(prev) {
		x.one[h] = img
		return
	}
	others := x.more[h]
	if i := slices.IndexFunc(others, k.matches); i >= 0 {
		others[i] = img
		return
	}
	x.more[h] = append(others, img)
}

// findAt is find with k's hash h.
func (x *imageIndex) findAt(h uint64, k imageKey) *Image {
	if img, ok := x.one[h]; ok && k.matches(img) {
		return img
	}
	if i := slices.IndexFunc(x.more[h], k.matches); i >= 0 {
		return x.more[h][i]
	}
	return nil
}

// matches reports whether img is filed under k.
func (k imageKey) matches(img *Image) bool {
	d := img.Detail
	if img.Identity != k.id || ptr.Value(d.RegistryId) != k.registry || ptr.Value(d.RepositoryName) != k.repository {
		return false
	}
	if k.digest {
		return ptr.Value(d.ImageDigest) == k.ref
	}
	return slices.Contains(d.ImageTags, k.ref)
}
