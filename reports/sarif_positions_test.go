package reports

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// Every position set is the position got back, other files and lines past
// 32 bits included; a finding never set, and no locator, give the zero
// Position.
func TestFindingPositionsGiveBackWhatWasSet(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	files := []string{"", "", "", "modules/web/task.json", "containers.json"}
	const n = 5000
	p := newFindingPositions(n)
	want := make([]fleet.Position, n)
	for i := range n {
		if r.IntN(7) == 0 {
			continue // never located
		}
		pos := fleet.Position{Line: r.IntN(100000), Column: r.IntN(500), File: files[r.IntN(len(files))]}
		if r.IntN(500) == 0 {
			pos.Line = math.MaxUint32 + 1 + r.IntN(10)
		}
		if r.IntN(500) == 0 {
			pos.Column = math.MaxInt
		}
		p.set(i, pos)
		want[i] = pos
	}
	for i := range n {
		if got := p.get(i); got != want[i] {
			t.Fatalf("finding %d: got %+v, want %+v", i, got, want[i])
		}
	}
	if len(p.files) != 2 {
		t.Errorf("other files held: %q, want each of the two once", p.files)
	}
	var none *findingPositions
	if got := none.get(3); got != (fleet.Position{}) {
		t.Errorf("without a locator: %+v, want the zero Position", got)
	}
	if size := unsafe.Sizeof(compactPosition{}); size > 12 {
		t.Errorf("a finding's position takes %d bytes, want at most 12", size)
	}
}
