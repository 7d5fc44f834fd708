package fleet

import (
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

func TestDeclaresFargate(t *testing.T) {
	fargate := []ecstypes.Compatibility{ecstypes.CompatibilityFargate}
	ec2 := []ecstypes.Compatibility{ecstypes.CompatibilityEc2}
	both := []ecstypes.Compatibility{ecstypes.CompatibilityEc2, ecstypes.CompatibilityFargate}
	cases := []struct {
		name string
		def  *ecstypes.TaskDefinition
		want bool
	}{
		{"nil", nil, false},
		{"requires FARGATE, awsvpc", &ecstypes.TaskDefinition{RequiresCompatibilities: fargate, NetworkMode: ecstypes.NetworkModeAwsvpc}, true},
		{"requires EC2 and FARGATE, awsvpc", &ecstypes.TaskDefinition{RequiresCompatibilities: both, NetworkMode: ecstypes.NetworkModeAwsvpc}, true},
		{"validated against FARGATE (describe output), awsvpc", &ecstypes.TaskDefinition{Compatibilities: both, NetworkMode: ecstypes.NetworkModeAwsvpc}, true},
		{"requires FARGATE but bridge", &ecstypes.TaskDefinition{RequiresCompatibilities: fargate, NetworkMode: ecstypes.NetworkModeBridge}, false},
		{"requires FARGATE, no network mode", &ecstypes.TaskDefinition{RequiresCompatibilities: fargate}, false},
		{"EC2 only, awsvpc", &ecstypes.TaskDefinition{RequiresCompatibilities: ec2, Compatibilities: ec2, NetworkMode: ecstypes.NetworkModeAwsvpc}, false},
	}
	for _, c := range cases {
		if got := DeclaresFargate(c.def); got != c.want {
			t.Errorf("%s: DeclaresFargate = %v, want %v", c.name, got, c.want)
		}
	}
}
