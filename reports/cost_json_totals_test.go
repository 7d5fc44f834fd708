package reports

import (
	"bytes"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonstream"
)

// The totals written member by member are the bytes of encoding them
// whole, at the depth the cost document and the report embedding it
// write them: with every list filled, with the omitempty members set and
// not, and with nil lists (null, not []). A field added to CostTotals,
// UnknownPart or LikeForLikeRow but not to its writer fails here.
func TestCostTotalsWrittenAsWhole(t *testing.T) {
	r := fixtureReport(t)
	filled := r.Cost.Totals
	if len(filled.UnknownParts) == 0 || len(filled.LikeForLike.OnDemand.Clusters) == 0 {
		t.Fatal("the fixture's totals name no unknown part or compared cluster: the test would prove little")
	}
	rightsized := filled
	saving := zeroFargate
	saving.Spot = knownAmount(saving.Spot.Value.Add(saving.Spot.Value), true)
	rightsized.RightsizingSavingsMonthly, rightsized.RightsizedServices = &saving, 3
	empty := CostTotals{}
	empty.UnknownParts = []UnknownPart{{Missing: "m"}}
	empty.LikeForLike.Spot.StaysOnEC2 = []StayRow{{Service: "s"}}
	for name, totals := range map[string]CostTotals{"fixture": filled, "rightsized": rightsized, "nil lists": empty} {
		for _, depth := range []int{0, 1} {
			var whole, streamed bytes.Buffer
			write := func(b *bytes.Buffer, member func(*jsonstream.Writer)) {
				s := jsonstream.NewValue(b, "  ", depth)
				s.BeginObject()
				member(s)
				s.EndObject()
				if err := s.Flush(); err != nil {
					t.Fatal(err)
				}
			}
			write(&whole, func(s *jsonstream.Writer) { s.Field("totals", totals) })
			write(&streamed, func(s *jsonstream.Writer) { s.Key("totals"); writeCostTotals(s, &totals) })
			if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
				t.Errorf("%s at depth %d: streamed totals differ from the whole encoding:\n%s\nwant\n%s", name, depth, streamed.Bytes(), whole.Bytes())
			}
		}
	}
}
