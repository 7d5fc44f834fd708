package reports

import "sync/atomic"

// rowCostTable holds the rows' cost figures (rowCost) by the service's
// index in the cost report, in chunks made as they are first written
// rather than in one array made before the first: a streamed report takes
// the figures as the cost document writes each service and lets the
// service go (takeRowCostsAsWritten), so the figures' memory grows as the
// comparison's falls. One array of 100,000 services' figures (33 MB) was
// counted live beside the whole comparison when the cost document began,
// where a large estate's report peaks (issue 17). A chunk is let go of
// once every row that shows one of its figures has taken it (take), so
// the figures fall as the rows are made.
type rowCostTable struct {
	n      int
	chunks [][]rowCost // each rowCostChunk long but the last; nil until written, and once taken
	// takers counts, by chunk, the rows that have not yet taken a figure
	// of it; rows are made on every core.
	takers []atomic.Int32
}

// rowCostChunk is the figures a chunk holds (about 330 KB of them).
const rowCostChunk = 1024

// newRowCostTable holds the figures of n services, which the rows take
// (rowPlan.cost: each row the figures of one service, or none).
func newRowCostTable(n int, rows []rowPlan) *rowCostTable {
	chunks := (n + rowCostChunk - 1) / rowCostChunk
	t := &rowCostTable{n: n, chunks: make([][]rowCost, chunks), takers: make([]atomic.Int32, chunks)}
	for _, r := range rows {
		if r.cost >= 0 {
			t.takers[int(r.cost)/rowCostChunk].Add(1)
		}
	}
	return t
}

// makeAll makes every chunk, for callers that set figures on every core
// (set makes a chunk on one goroutine only).
func (t *rowCostTable) makeAll() {
	for c := range t.chunks {
		t.chunk(c)
	}
}

func (t *rowCostTable) chunk(c int) []rowCost {
	if t.chunks[c] == nil {
		t.chunks[c] = make([]rowCost, min(rowCostChunk, t.n-c*rowCostChunk))
	}
	return t.chunks[c]
}

// set holds rc as the figures of service k.
func (t *rowCostTable) set(k int, rc rowCost) { t.chunk(k / rowCostChunk)[k%rowCostChunk] = rc }

// at is the figures of service k, once set and until taken.
func (t *rowCostTable) at(k int) *rowCost { return &t.chunks[k/rowCostChunk][k%rowCostChunk] }

// take is the cost row a row shows of service k (rowCost.row), and lets
// go of k's chunk when it was the last of the rows to take from it.
func (t *rowCostTable) take(k int) *ServiceCostRow {
	row := t.at(k).row()
	if c := k / rowCostChunk; t.takers[c].Add(-1) == 0 {
		t.chunks[c] = nil
	}
	return row
}
