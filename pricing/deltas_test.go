package pricing

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func ecrImage(repo, tag string, size int64, manifest string) *fleet.Image {
	acct := "123456789012"
	return &fleet.Image{Detail: ecrtypes.ImageDetail{RegistryId: &acct, RepositoryName: &repo, ImageTags: []string{tag},
		ImageSizeInBytes: &size, ImageManifestMediaType: &manifest}}
}

// tiny is private (no public IP): each start pulls its 512 MiB image
// through NAT. 30 starts × 1 task × 0.5 GB × $0.045 = $0.675.
func TestNATImagePullDelta(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	f.Images = []*fleet.Image{ecrImage("tiny", "1.0", 512<<20, "application/vnd.docker.distribution.manifest.v2+json")}
	o := DefaultOptions()
	o.TaskStartsPerMonth = 30
	tiny := service(t, compare(t, f, o), "tiny")
	if len(tiny.Deltas) != 1 || tiny.Deltas[0].Kind != DeltaNATPulls {
		t.Fatalf("deltas = %+v", tiny.Deltas)
	}
	wantMoney(t, "NAT pulls", tiny.Deltas[0].Monthly, "0.675")
	if !strings.Contains(tiny.ARMCondition, "single-platform") {
		t.Errorf("ARM condition = %q, want single-platform (the image is a plain manifest)", tiny.ARMCondition)
	}
}

func TestNATImagePullDeltaUnknownWithoutData(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	o := DefaultOptions()
	o.TaskStartsPerMonth = 30
	tiny := service(t, compare(t, f, o), "tiny")
	if d := tiny.Deltas[0].Monthly; d.Known() || !strings.Contains(d.Missing()[0], "image size unknown") {
		t.Errorf("NAT delta = %v, want unknown for lack of image sizes", d.Missing())
	}
	tiny = service(t, compare(t, f, DefaultOptions()), "tiny")
	if d := tiny.Deltas[0].Monthly; d.Known() || !strings.Contains(d.Missing()[0], "--task-starts-per-month") {
		t.Errorf("NAT delta = %v, want unknown for lack of task starts", d.Missing())
	}
}

// Without --task-starts-per-month, the private services share one list
// of deltas, equal to the one natPulls makes for each of them (kind,
// title, note, and the unknown amount with its reason and caveats); with it,
// each service has its own list.
func TestNATPullsDeltasSharedWithoutTaskStarts(t *testing.T) {
	f := loadFleet(t, "../examples/demo-fleet")
	m := newModel(f, nil, DefaultOptions())
	var private []*ServiceCost
	for _, s := range compare(t, f, DefaultOptions()).Services {
		if len(s.Deltas) == 1 && s.Deltas[0].Kind == DeltaNATPulls {
			private = append(private, s)
		}
	}
	if len(private) < 2 {
		t.Fatalf("%d private services priced: want two or more", len(private))
	}
	for _, s := range private {
		if &s.Deltas[0] != &private[0].Deltas[0] {
			t.Errorf("%s: its deltas are a list of its own, want the one shared list", s.Service)
		}
		want := m.natPulls(nil, s)
		if got := s.Deltas[0]; got.Kind != want.Kind || got.Title != want.Title || got.Note != want.Note ||
			got.Monthly.Known() != want.Monthly.Known() || !reflect.DeepEqual(got.Monthly.Missing(), want.Monthly.Missing()) ||
			!reflect.DeepEqual(got.Monthly.Caveats(), want.Monthly.Caveats()) {
			t.Errorf("%s: shared delta %+v, natPulls makes %+v", s.Service, got, want)
		}
	}
	o := DefaultOptions()
	o.TaskStartsPerMonth = 30
	a, b := service(t, compare(t, f, o), private[0].Service), service(t, compare(t, f, o), private[1].Service)
	if &a.Deltas[0] == &b.Deltas[0] {
		t.Errorf("with task starts, %s and %s share a list of deltas", a.Service, b.Service)
	}
}

func TestMultiArchIndexNoted(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	f.Images = []*fleet.Image{ecrImage("tiny", "1.0", 1, "application/vnd.oci.image.index.v1+json")}
	if got := service(t, compare(t, f, DefaultOptions()), "tiny").ARMCondition; !strings.Contains(got, "multi-platform") {
		t.Errorf("ARM condition = %q", got)
	}
}

// A Spot container instance: m6i.large at the default 60 % off (flagged
// as an estimate), or at --ec2-spot-discount.
func TestSpotContainerInstance(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	f.Instances[0].EC2.InstanceLifecycle = "spot"
	cl := compare(t, f, DefaultOptions()).Clusters[0]
	wantMoney(t, "EC2 with a Spot m6i.large", cl.EC2, "58.4") // (0.096 × 0.4 + 0.0416) × 730
	if len(cl.EC2.Caveats()) == 0 {
		t.Error("the default EC2 Spot discount is an estimate and must be flagged")
	}
	o := DefaultOptions()
	d := dec("0.7")
	o.EC2SpotDiscount = &d
	o.EC2Discount = ptr.To(dec("0.5"))                                                          // applies to the on-demand t3.medium only
	wantMoney(t, "EC2 with --ec2-spot-discount 70", compare(t, f, o).Clusters[0].EC2, "36.208") // (0.096 × 0.3 + 0.0416 × 0.5) × 730
}

// A container instance with a public IPv4 address pays $0.005 an hour for
// it; moving the cluster releases it: −1 × 0.005 × 730 = −$3.65. An
// instance whose EC2 data is missing makes the figure unknown, named.
func TestHostPublicIPv4Delta(t *testing.T) {
	f := loadFleet(t, "testdata/fleet/basic")
	cluster := func() *ClusterCost {
		t.Helper()
		c := compare(t, f, DefaultOptions())
		if len(c.Clusters) != 1 {
			t.Fatalf("clusters = %d", len(c.Clusters))
		}
		return c.Clusters[0]
	}
	if ds := cluster().Deltas; len(ds) != 0 {
		t.Fatalf("no host has a public IP, yet deltas = %+v", ds)
	}
	ip := "3.91.204.17"
	f.Instances[0].EC2.PublicIpAddress = &ip
	ds := cluster().Deltas
	if len(ds) != 1 || ds[0].Kind != DeltaHostPublicIPv4 {
		t.Fatalf("deltas = %+v", ds)
	}
	wantMoney(t, "host public IPv4", ds[0].Monthly, "-3.65")

	for _, ci := range f.ContainerInstances {
		ci.Instance = nil
	}
	ds = cluster().Deltas
	if len(ds) != 1 || ds[0].Monthly.Known() || !strings.Contains(ds[0].Monthly.Missing()[0], "describe-instances") {
		t.Fatalf("without EC2 data: deltas = %+v, want unknown naming describe-instances", ds)
	}
}
