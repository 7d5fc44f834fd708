package rewrite

import "strconv"

// svcIndexPath writes list[i].member in the analyzer's path notation.
func svcIndexPath(list string, i int, member string) string {
	p := list + "[" + strconv.Itoa(i) + "]"
	if member != "" {
		p += "." + member
	}
	return p
}
