package fleet

import (
	"testing"

	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
)

// A volume links to the instance it is attached to in its own region
// (describe-volumes names no account): the same instance id in another
// region is another instance, with none of its volumes.
func TestVolumesOfKeyedByRegion(t *testing.T) {
	id, zone := "i-0123456789abcdef0", "us-east-1a"
	vol := &Volume{EC2: ec2types.Volume{VolumeId: ptrTo("vol-1"), AvailabilityZone: &zone,
		Attachments: []ec2types.VolumeAttachment{{InstanceId: &id}}}}
	f := &Fleet{Volumes: []*Volume{vol}}
	if got := f.VolumesOf(Identity{Account: "123456789012", Region: "us-east-1"}, id); len(got) != 1 || got[0] != vol {
		t.Errorf("us-east-1: volumes %v, want vol-1", got)
	}
	if got := f.VolumesOf(Identity{Account: "123456789012", Region: "us-west-2"}, id); len(got) != 0 {
		t.Errorf("us-west-2: volumes %v, want none", got)
	}
}

func ptrTo[T any](v T) *T { return &v }
