package fleet

import (
	"fmt"
	"sort"
)

// memberOffsets is scanOffsets for valid JSON, and much faster on large
// files: it cuts containers with the loader's splitter and descends only
// into members on the way to a wanted path (want holds every wanted path's
// ancestors), where scanOffsets makes a token of every value in the file.
// Like scanOffsets it records where each wanted member's key (or array
// element) starts, the last of repeated keys winning, and never the root.
func memberOffsets(data []byte, want map[string]bool) map[string]int {
	out := map[string]int{}
	var walk func(path string, base int, val []byte)
	walk = func(path string, base int, val []byte) {
		i := 0
		eachMember(val, func(key, v span) {
			var p string
			at := v.start
			if key.start < 0 {
				p = fmt.Sprintf("%s[%d]", path, i)
				i++
			} else {
				p, at = joinPath(path, unquote(val[key.start:key.end])), key.start
			}
			if want[p] {
				out[p] = base + at
				walk(p, base+v.start, val[v.start:v.end])
			}
		})
	}
	walk("", 0, data)
	return out
}

// lineIndex turns byte offsets into lines and columns without counting the
// lines before each offset again: the offsets of a file's many findings
// would otherwise make that quadratic in the file's size.
type lineIndex []int // the offset at which each line starts

func newLineIndex(data []byte) lineIndex {
	starts := lineIndex{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// at is lineCol(data, off) for the data the index was made from.
func (ix lineIndex) at(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := sort.Search(len(ix), func(i int) bool { return ix[i] > off })
	return line, off - ix[line-1] + 1
}
