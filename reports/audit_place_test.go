package reports

import (
	"io"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// An audit works out how to name places when a human format first asks,
// not when it is assembled: the JSON formats never ask, and the answer is
// the same as placeOf's over every verdict.
func TestAuditPlacesWorkedOutWhenFirstAsked(t *testing.T) {
	res := &analyzer.Result{Verdicts: []analyzer.Verdict{
		{Account: "111111111111", Region: "eu-west-1", Cluster: "prod", Service: "web"},
		{Account: "222222222222", Region: "eu-west-1", Cluster: "prod", Service: "web"},
	}}
	a := NewAudit("1.0.0-test", res, &fleet.Fleet{}, nil)
	for _, format := range []string{"json", "jsonl"} {
		if err := RenderAudit(io.Discard, format, a); err != nil {
			t.Fatal(err)
		}
	}
	if a.places != placeNone {
		t.Fatalf("places worked out before a human format asked: %v", a.places)
	}
	if got, want := a.place(), placeOf(auditPlaces(a)); got != want || got != placeAccountRegion {
		t.Fatalf("place() = %v, placeOf = %v, want %v (two accounts)", got, want, placeAccountRegion)
	}
}
