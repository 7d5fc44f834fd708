package discover

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/ecs2fargate/ecs2fargate/internal/awsfake"
)

// orgOf puts accounts × regions of the given shape in the fake and returns
// a target per account (through an assumed role, as an organisation sweep).
func orgOf(fake *awsfake.Server, accounts int, regions []string, shape awsfake.Shape) []Target {
	var targets []Target
	for a := 0; a < accounts; a++ {
		acct := fmt.Sprintf("2000%08d", a)
		for _, r := range regions {
			fake.Put(acct, r, awsfake.Generate(acct, r, shape))
		}
		role := "arn:aws:iam::" + acct + ":role/Audit"
		fake.AllowRole(role)
		t := assume(testConfig(fake.URL), role)
		t.Account = acct
		targets = append(targets, t)
	}
	return targets
}

// dirFiles reads every file of a directory by name.
func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// A sweep cancelled after 5 of 12 account-regions keeps those 5 on disk;
// the resumed sweep reads none of them again (counted per account-region
// at the fake) and reads the other 7; the directory is then byte for byte
// what an uninterrupted sweep writes, and so is the fleet.
func TestResumeReadsOnlyUnfinishedAccountRegions(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	regions := []string{"eu-west-1", "us-east-1"}
	targets := orgOf(fake, 6, regions, awsfake.Shape{Clusters: 1, Services: 7, TaskDefinitions: 3, Instances: 1})

	whole := t.TempDir()
	want, _, err := Discover(context.Background(), targets, Options{Regions: regions, Parts: &PartDir{Dir: whole}})
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := Options{Regions: regions, AccountRegions: 1, Parts: &PartDir{Dir: dir},
		Progress: func(p Progress) {
			if p.TargetsDone == 5 {
				cancel()
			}
		}}
	if _, err := Sweep(ctx, targets, opts); err != nil {
		t.Fatal(err)
	}
	finished := dirFiles(t, dir)
	if len(finished) != 5 {
		t.Fatalf("%d parts on disk after the cancel, want 5: %v", len(finished), keys(finished))
	}
	before := map[string]map[string]int{}
	for _, tg := range targets {
		for _, r := range regions {
			before[tg.Account+"/"+r] = fake.CallsIn(tg.Account, r)
		}
	}

	var last Progress
	opts = Options{Regions: regions, Parts: &PartDir{Dir: dir, Resume: true}, Progress: func(p Progress) { last = p }}
	got, _, err := Discover(context.Background(), targets, opts)
	if err != nil {
		t.Fatal(err)
	}
	if last.Resumed != 5 || last.TargetsDone != 12 {
		t.Errorf("progress: %d resumed, %d of %d done; want 5 resumed, 12 done", last.Resumed, last.TargetsDone, last.Targets)
	}
	reread := 0
	for _, tg := range targets {
		for _, r := range regions {
			name := partName(tg.Account, r, false)
			after := fake.CallsIn(tg.Account, r)
			_, wasFinished := finished[name]
			switch {
			case wasFinished && !reflect.DeepEqual(after, before[tg.Account+"/"+r]):
				t.Errorf("%s was finished but read again: %v → %v", name, before[tg.Account+"/"+r], after)
			case !wasFinished && reflect.DeepEqual(after, before[tg.Account+"/"+r]):
				t.Errorf("%s was not finished and not read", name)
			case !wasFinished:
				reread++
			}
		}
	}
	if reread != 7 {
		t.Errorf("%d account-regions read on resume, want 7", reread)
	}
	resumed, uninterrupted := dirFiles(t, dir), dirFiles(t, whole)
	if !reflect.DeepEqual(keys(resumed), keys(uninterrupted)) {
		t.Fatalf("files differ: %v vs %v", keys(resumed), keys(uninterrupted))
	}
	for name, b := range uninterrupted {
		if !bytes.Equal(resumed[name], b) {
			t.Errorf("%s differs from the uninterrupted sweep's", name)
		}
	}
	if len(got.Services) != 6*2*7 || len(got.Services) != len(want.Services) || len(got.TaskDefinitions) != len(want.TaskDefinitions) {
		t.Errorf("fleet: %d services, %d task definitions; uninterrupted: %d, %d", len(got.Services), len(got.TaskDefinitions), len(want.Services), len(want.TaskDefinitions))
	}
}

// A part older than MaxAge is read again, and so is one whose read left a
// gap (written as .partial.json, replaced by the whole part once read).
func TestResumeRereadsStaleAndPartialAccountRegions(t *testing.T) {
	fake := awsfake.New()
	defer fake.Close()
	regions := []string{"us-east-1"}
	targets := orgOf(fake, 2, regions, awsfake.Shape{Clusters: 1, Services: 3, TaskDefinitions: 1})
	fake.Inject(&awsfake.Fault{Account: targets[1].Account, Service: "ecs", Op: "ListServices", Code: "AccessDeniedException", Times: 1})
	dir := t.TempDir()
	parts, err := Sweep(context.Background(), targets, Options{Regions: regions, Parts: &PartDir{Dir: dir}})
	if err != nil {
		t.Fatal(err)
	}
	if parts[1].Gaps != 1 || filepath.Base(parts[1].Path) != partName(targets[1].Account, "us-east-1", true) {
		t.Fatalf("the account-region with a gap: %+v", parts[1])
	}

	reads := func() int { return fake.Calls()["ecs:ListClusters"] }
	before := reads()
	parts, err = Sweep(context.Background(), targets, Options{Regions: regions, Parts: &PartDir{Dir: dir, Resume: true, MaxAge: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	if reads()-before != 1 || !parts[0].Resumed || parts[1].Resumed || parts[1].Gaps != 0 {
		t.Errorf("resume read %d account-regions, parts %+v; want only the partial one read again", reads()-before, parts)
	}
	if names := keys(dirFiles(t, dir)); !reflect.DeepEqual(names, []string{partName(targets[0].Account, "us-east-1", false), partName(targets[1].Account, "us-east-1", false)}) {
		t.Errorf("files after the partial one was read whole: %v", names)
	}

	later := func() time.Time { return time.Now().Add(2 * time.Hour) }
	before = reads()
	if _, err := Sweep(context.Background(), targets, Options{Regions: regions, Parts: &PartDir{Dir: dir, Resume: true, MaxAge: time.Hour, Now: later}}); err != nil {
		t.Fatal(err)
	}
	if reads()-before != 2 {
		t.Errorf("with both parts older than MaxAge, resume read %d account-regions, want 2", reads()-before)
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
