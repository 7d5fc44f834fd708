package fleet

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
)

func testImage(account, repo, digest string, tags ...string) *Image {
	return &Image{Identity: Identity{Account: account}, Detail: ecrtypes.ImageDetail{
		RegistryId: aws.String(account), RepositoryName: aws.String(repo), ImageDigest: aws.String(digest), ImageTags: tags}}
}

// The index finds an image by tag and by digest, in its account only,
// the image filed last under a key winning (as the map of key strings it
// replaced did), and two keys of one hash apart.
func TestImageIndexFindsByTagAndDigest(t *testing.T) {
	web := testImage("111111111111", "web", "sha256:aa", "v1", "latest")
	webAgain := testImage("111111111111", "web", "sha256:bb", "latest")
	other := testImage("222222222222", "web", "sha256:aa", "v1")
	x := newImageIndex([]*Image{web, webAgain, other})
	key := func(account, ref string, digest bool) imageKey {
		return imageKey{id: Identity{Account: account}, registry: account, repository: "web", ref: ref, digest: digest}
	}
	for _, c := range []struct {
		k    imageKey
		want *Image
	}{
		{key("111111111111", "v1", false), web},
		{key("111111111111", "latest", false), webAgain},
		{key("111111111111", "sha256:aa", true), web},
		{key("111111111111", "sha256:aa", false), nil}, // a digest is no tag
		{key("111111111111", "v1", true), nil},
		{key("222222222222", "v1", false), other},
		{key("222222222222", "latest", false), nil},
		{key("333333333333", "v1", false), nil},
	} {
		if got := x.find(c.k); got != c.want {
			t.Errorf("find(%+v) = %v, want %v", c.k, got, c.want)
		}
	}

	// Keys whose hashes are equal stay apart, and the last filed wins.
	y := &imageIndex{one: map[uint64]*Image{}, more: map[uint64][]*Image{}}
	a, b := key("111111111111", "v1", false), key("222222222222", "v1", false)
	y.addAt(7, a, web)
	y.addAt(7, b, other)
	y.addAt(7, key("111111111111", "latest", false), webAgain)
	y.addAt(7, key("111111111111", "latest", false), web)
	if y.findAt(7, a) != web || y.findAt(7, b) != other || y.findAt(7, key("111111111111", "latest", false)) != web || y.findAt(7, key("111111111111", "sha256:bb", true)) != nil {
		t.Errorf("one hash, several keys: %v %v", y.one, y.more)
	}
}
