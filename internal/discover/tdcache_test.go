package discover

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

func sweepWith(t *testing.T, fake *awsfake.Server, cache TaskDefinitionCache) (*Fleet, int) {
	t.Helper()
	before := fake.Calls()["ecs:DescribeTaskDefinition"]
	var last Progress
	f, diags, err := Discover(context.Background(), []Target{{Config: testConfig(fake.URL)}},
		Options{Regions: []string{"us-east-1"}, TaskDefinitions: cache, Progress: func(p Progress) { last = p }})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("diagnostic: %s", d)
	}
	if len(f.Gaps) > 0 {
		t.Errorf("gaps: %+v", f.Gaps)
	}
	reads := fake.Calls()["ecs:DescribeTaskDefinition"] - before
	if cache != nil && last.Cached+reads != len(f.TaskDefinitions) {
		t.Errorf("progress says %d cached, %d read, for %d task definitions", last.Cached, reads, len(f.TaskDefinitions))
	}
	return f, reads
}

// Fleet is the discovered fleet (named here for the helper's signature).
type Fleet = fleet.Fleet

// A second sweep with the cache reads no revision again; a revision
// registered between the sweeps is the only one read; and what the cache
// serves is the same task definition, tags included, as AWS gave.
func TestTaskDefinitionCacheReadsOnlyNewRevisions(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	est := awsfake.Generate(awsfake.DefaultAccount, "us-east-1", awsfake.Shape{Clusters: 2, Services: 40, TaskDefinitions: 9, Instances: 2})
	fake.Put(awsfake.DefaultAccount, "us-east-1", est)
	cache := DirCache{Dir: filepath.Join(t.TempDir(), "tds")}

	first, reads := sweepWith(t, fake, cache)
	if reads != 9 || cache.Entries() != 9 {
		t.Fatalf("first sweep read %d revisions and kept %d, want 9 and 9", reads, cache.Entries())
	}
	second, reads := sweepWith(t, fake, cache)
	if reads != 0 {
		t.Errorf("second sweep read %d revisions again, want 0", reads)
	}
	if a, b := snapshotOf(t, first), snapshotOf(t, second); !bytes.Equal(a, b) {
		t.Error("the sweep served from the cache differs from the one read from AWS")
	}

	// A new revision of one family, used by one service.
	var arn string
	for a := range est.TaskDefinitions {
		arn = a
		break
	}
	td := est.TaskDefinitions[arn]
	newARN := arn[:len(arn)-len(fmt.Sprint(ptr.Value(&td.Def.Revision)))] + "99"
	td.Def.TaskDefinitionArn, td.Def.Revision = aws.String(newARN), 99
	est.TaskDefinitions[newARN] = td
	for c, svcs := range est.Services {
		if len(svcs) > 0 {
			svcs[0].TaskDefinition = aws.String(newARN)
			est.Services[c] = svcs
			break
		}
	}
	fake.Put(awsfake.DefaultAccount, "us-east-1", est)
	if _, reads := sweepWith(t, fake, cache); reads != 1 {
		t.Errorf("after one new revision the sweep read %d, want 1", reads)
	}
}

// A previous snapshot serves as the cache: nothing it holds is read again.
func TestSnapshotAsTaskDefinitionCache(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1", awsfake.Shape{Clusters: 1, Services: 10, TaskDefinitions: 4, Instances: 1}))
	first, _ := sweepWith(t, fake, nil)
	prev, diags := fleet.LoadBytes("previous.json", snapshotOf(t, first))
	if fleet.HasErrors(diags) {
		t.Fatal(diags)
	}
	cache := NewMemoryCache(prev, nil)
	if cache.Len() != 4 {
		t.Fatalf("snapshot cache holds %d revisions, want 4", cache.Len())
	}
	if _, reads := sweepWith(t, fake, cache); reads != 0 {
		t.Errorf("sweep with the previous snapshot read %d revisions, want 0", reads)
	}
}

// A damaged cache entry is a miss, not an error: the revision is read and
// the entry rewritten.
func TestDamagedCacheEntryIsReadAgain(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	fake.Put(awsfake.DefaultAccount, "us-east-1", awsfake.Generate(awsfake.DefaultAccount, "us-east-1", awsfake.Shape{Clusters: 1, Services: 3, TaskDefinitions: 2, Instances: 1}))
	cache := DirCache{Dir: t.TempDir()}
	f, _ := sweepWith(t, fake, cache)
	arn := ptr.Value(f.TaskDefinitions[0].Def.TaskDefinitionArn)
	os.WriteFile(cache.path(arn), []byte("{not json"), 0o644)
	if _, reads := sweepWith(t, fake, cache); reads != 1 {
		t.Errorf("read %d revisions, want 1 (the damaged one)", reads)
	}
	if td, _, ok := cache.Get(arn); !ok || !reflect.DeepEqual(ptr.Value(td.TaskDefinitionArn), arn) {
		t.Error("the damaged entry was not rewritten")
	}
}

func snapshotOf(t *testing.T, f *fleet.Fleet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fleet.WriteSnapshot(&b, f, fleet.SnapshotMeta{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
