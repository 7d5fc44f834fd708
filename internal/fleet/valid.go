package fleet

import (
	"encoding/json"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// isValidJSON is json.Valid, asked only when validJSON says no.
func isValidJSON(data []byte) bool { return validJSON(data) || json.Valid(data) }

// validJSON reports what json.Valid reports, at several times its speed:
// json.Valid drives a general state machine through a function call per
// byte, and was about a sixth of loading a large fleet. It is only a fast
// yes: checkSyntax still asks encoding/json when it says no, so a wrong
// "no" costs time, never a diagnostic (the fuzz target compares the two).
func validJSON(data []byte) bool { return validate(data, nil) }

// validate is validJSON that also calls member, when not nil, with each
// member of the top-level object or array as eachMember does: the
// loader's first cut of a file comes out of the pass that checks it.
func validate(data []byte, member func(key, val span)) bool {
	i := skipWS(data, 0)
	if i >= len(data) {
		return false
	}
	var end int
	var ok bool
	if c := data[i]; c == '{' || c == '[' {
		end, ok = eachValidMember(data, i, func(key span, at int) (int, bool) {
			end, ok := jsonscan.ValueEnd(data, at, maxNesting-1)
			if ok && member != nil {
				member(key, span{at, end})
			}
			return end, ok
		})
	} else {
		end, ok = jsonscan.ValueEnd(data, i, maxNesting)
	}
	return ok && skipWS(data, end) == len(data)
}

// maxNesting is encoding/json's limit on nested containers.
const maxNesting = 10000

// eachValidMember checks the object or array that opens at data[open]
// around its members: the member names (key, with its quotes; start -1
// in an array), colons, commas and the closing bracket. value checks the
// value of each member, which starts at at (past any space), and returns
// the offset just past it, or false when it is not a valid JSON value.
// It returns the offset past the closing bracket, or false when data does
// not hold a valid object or array there.
func eachValidMember(data []byte, open int, value func(key span, at int) (int, bool)) (int, bool) {
	close := byte(']')
	if data[open] == '{' {
		close = '}'
	}
	i := skipWS(data, open+1)
	if i < len(data) && data[i] == close {
		return i + 1, true
	}
	for {
		key := span{-1, -1}
		if close == '}' {
			if i >= len(data) || data[i] != '"' {
				return i, false
			}
			end, ok := jsonscan.ValidStringEnd(data, i)
			if !ok {
				return i, false
			}
			key = span{i, end}
			if i = skipWS(data, end); i >= len(data) || data[i] != ':' {
				return i, false
			}
			i = skipWS(data, i+1)
		}
		end, ok := value(key, i)
		if !ok {
			return end, false
		}
		if i = skipWS(data, end); i >= len(data) {
			return i, false
		}
		switch data[i] {
		case close:
			return i + 1, true
		case ',':
			i = skipWS(data, i+1)
		default:
			return i, false
		}
	}
}
