package awsjson

import (
	"encoding/json"
	"reflect"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// Members must agree with Marshal member for member.
func TestMembersMatchMarshal(t *testing.T) {
	name, weight := "FARGATE", int32(3)
	v := ecstypes.CapacityProviderStrategyItem{CapacityProvider: &name, Weight: weight}
	whole, err := Marshal(v, ECSCLI)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(whole, &want); err != nil {
		t.Fatal(err)
	}
	got, err := Members(&v, ECSCLI)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Members = %s, Marshal gave %s", got, whole)
	}
	if _, err := Members(3, ECSCLI); err == nil {
		t.Error("a non-struct was accepted")
	}
}
