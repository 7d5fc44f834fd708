package pricing

import (
	"strings"
	"testing"
)

// Two m5.xlarge hosts at $0.20/h over 730 hours (292.00) with a 100 GB gp3
// volume ($0.08 per GB-month: 8.00) and a 50 GB gp2 volume ($0.10: 5.00),
// and a third volume attached to no host of the cluster: EC2 = 305.00
// under every option, and the gp3 volume's provisioned IOPS above the
// included 3,000 are flagged, not priced.
func TestEBSVolumesPricedFromDescribeVolumes(t *testing.T) {
	dir := writeFleet(t, []host{{typ: "m5.xlarge"}, {typ: "m5.xlarge"}}, []svc{{name: "web", tasks: 2, cpu: 512, mem: 1024, taskLevel: true}})
	write(t, dir, "volumes.json", `{"Volumes": [
		{"VolumeId": "vol-1", "Size": 100, "VolumeType": "gp3", "Iops": 6000, "Throughput": 125, "Attachments": [{"InstanceId": "i-00000000000000000", "Device": "/dev/xvda"}]},
		{"VolumeId": "vol-2", "Size": 50, "VolumeType": "gp2", "Attachments": [{"InstanceId": "i-00000000000000001", "Device": "/dev/xvda"}]},
		{"VolumeId": "vol-3", "Size": 500, "VolumeType": "gp3", "Attachments": [{"InstanceId": "i-elsewhere", "Device": "/dev/xvda"}]}]}`)
	o := DefaultOptions()
	c, err := Compare(loadFleet(t, dir), testBook(), o)
	if err != nil {
		t.Fatal(err)
	}
	cl := c.Clusters[0]
	wantCents(t, "EBS", cl.EBS, "13.00")
	wantCents(t, "EC2 with its volumes", cl.EC2, "305.00")
	wantCents(t, "EC2 on-demand side", cl.EC2Side.OnDemand, "305.00")
	wantCents(t, "EC2 SP 1y side", cl.EC2Side.SavingsPlan1y, "217.40") // 2 × 0.14 × 730 + 13
	if !strings.Contains(strings.Join(cl.EBS.Caveats(), "|"), "vol-1") {
		t.Errorf("caveats %v do not flag vol-1's provisioned IOPS", cl.EBS.Caveats())
	}
}

// Without describe-volumes output the volumes are unknown, named with
// their fill, and left out of the EC2 cost rather than making it unknown.
func TestEBSWithoutDescribeVolumes(t *testing.T) {
	dir := writeFleet(t, []host{{typ: "m5.xlarge"}}, []svc{{name: "web", tasks: 2, cpu: 512, mem: 1024, taskLevel: true}})
	cl := compareWith(t, dir, DefaultOptions()).Clusters[0]
	wantCents(t, "EC2 without volumes", cl.EC2, "20.00")
	if cl.EBS.Known() {
		t.Fatal("EBS known without describe-volumes output")
	}
	if _, fill := SplitReason(cl.EBS.Missing()[0]); fill != "add aws ec2 describe-volumes output" {
		t.Errorf("fill %q", fill)
	}
}
