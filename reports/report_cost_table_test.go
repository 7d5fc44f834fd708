package reports

import "testing"

// The table gives back, by index, the figures set for each service,
// across chunk boundaries and in a last chunk shorter than the others,
// whether its chunks are made as they are first written (in order, as
// the cost document writes them) or all at once; a chunk is made only
// when one of its services is set.
func TestRowCostTableGivesBackWhatWasSet(t *testing.T) {
	for _, n := range []int{1, rowCostChunk - 1, rowCostChunk, 2*rowCostChunk + 3} {
		for _, all := range []bool{false, true} {
			tab := newRowCostTable(n, nil)
			if all {
				tab.makeAll()
			}
			for k := range n {
				tab.set(k, rowCost{tasks: k + 1, amounts: [11]cents{{value: int64(k)}}})
				if c := k / rowCostChunk; !all && c+1 < len(tab.chunks) && tab.chunks[c+1] != nil {
					t.Fatalf("n=%d: chunk %d made before any of its services was set (set %d)", n, c+1, k)
				}
			}
			for k := range n {
				if got := tab.at(k); got.tasks != k+1 || got.amounts[0].value != int64(k) {
					t.Errorf("n=%d all=%v: service %d gives back tasks %d, value %d", n, all, k, got.tasks, got.amounts[0].value)
				}
			}
			last := tab.chunks[len(tab.chunks)-1]
			if want := n - (len(tab.chunks)-1)*rowCostChunk; len(last) != want {
				t.Errorf("n=%d: last chunk holds %d, want %d", n, len(last), want)
			}
		}
	}
}

// Each chunk is let go of once every row that shows one of its figures
// has taken it, and not before: rows taking figures in an order of their
// own, two rows the same service's, and a row with none (cost -1).
func TestRowCostTableLetsGoOfTakenChunks(t *testing.T) {
	n := 2*rowCostChunk + 5
	rows := []rowPlan{{cost: -1}}
	for k := n - 1; k >= 0; k-- {
		rows = append(rows, rowPlan{cost: int32(k)})
	}
	rows = append(rows, rowPlan{cost: 3}) // a second row of service 3
	tab := newRowCostTable(n, rows)
	for k := range n {
		tab.set(k, rowCost{tasks: k})
	}
	for i, r := range rows {
		if r.cost < 0 {
			continue
		}
		c := int(r.cost) / rowCostChunk
		if got := tab.take(int(r.cost)); got.DesiredCount != int(r.cost) {
			t.Fatalf("row %d takes tasks %d, want %d", i, got.DesiredCount, r.cost)
		}
		later := false
		for _, next := range rows[i+1:] {
			later = later || (next.cost >= 0 && int(next.cost)/rowCostChunk == c)
		}
		if held := tab.chunks[c] != nil; held != later {
			t.Fatalf("after row %d (service %d), chunk %d held %v, want %v (a later row takes from it: %v)", i, r.cost, c, held, later, later)
		}
	}
}
