package reports

import (
	"math"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// findingPositions holds where each finding's field starts, for the SARIF
// output, while the results are written. A fleet.Position is 40 bytes (two
// ints and the file a field of Terraform's file() lies in, almost always
// empty); at 100,000 services the audit has about 2.3 million findings, so
// a Position each held about 90 MB beside every finding, and put
// `audit --format sarif` at the edge of issue 17's 10 KB a service. Here a
// finding's line and column take 4 bytes each and its other file, when it
// has one, an index into a short list of them: 12 bytes a finding.
type findingPositions struct {
	at        []compactPosition
	files     []string // the other files fields lie in; compactPosition.file-1 indexes it
	fileIndex map[string]int32
	// wide holds a position whose line or column does not fit in 32 bits
	// (no real file has one; kept so that no position is ever wrong).
	wide map[int]fleet.Position
}

type compactPosition struct {
	line, column uint32
	file         int32 // 0: the finding's own file
}

func newFindingPositions(n int) *findingPositions {
	return &findingPositions{at: make([]compactPosition, n)}
}

// set records finding i's position.
func (p *findingPositions) set(i int, pos fleet.Position) {
	if pos.Line < 0 || pos.Column < 0 || pos.Line > math.MaxUint32 || pos.Column > math.MaxUint32 {
		if p.wide == nil {
			p.wide = map[int]fleet.Position{}
		}
		p.wide[i] = pos
		return
	}
	c := compactPosition{line: uint32(pos.Line), column: uint32(pos.Column)}
	if pos.File != "" {
		k, ok := p.fileIndex[pos.File]
		if !ok {
			if p.fileIndex == nil {
				p.fileIndex = map[string]int32{}
			}
			p.files = append(p.files, pos.File)
			k = int32(len(p.files))
			p.fileIndex[pos.File] = k
		}
		c.file = k
	}
	p.at[i] = c
}

// get gives back finding i's position as set; the zero Position for a
// finding never set, or when p is nil (no locator).
func (p *findingPositions) get(i int) fleet.Position {
	if p == nil {
		return fleet.Position{}
	}
	if pos, ok := p.wide[i]; ok {
		return pos
	}
	c := p.at[i]
	pos := fleet.Position{Line: int(c.line), Column: int(c.column)}
	if c.file > 0 {
		pos.File = p.files[c.file-1]
	}
	return pos
}
