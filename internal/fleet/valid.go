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
// member of the top-level object or array as eachMember does (but with
// only the start of the key): the loader's first cut of a file comes out
// of the pass that checks it.
func validate(data []byte, member func(key, val span)) bool {
	var stack []byte // the open containers, '{' or '['
	key, start := -1, 0
	i := skipWS(data, 0)
	for {
		// A value starts at i.
		if i >= len(data) {
			return false
		}
		if len(stack) == 1 {
			start = i
		}
		switch c := data[i]; {
		case c == '{' || c == '[':
			if len(stack) >= maxNesting {
				return false
			}
			stack = append(stack, c)
			i = skipWS(data, i+1)
			if i < len(data) && data[i] == closer(c) {
				stack = stack[:len(stack)-1]
				i++
				break
			}
			if c == '{' {
				if len(stack) == 1 {
					key = i
				}
				if i = validKey(data, i); i < 0 {
					return false
				}
			}
			continue
		case c == '"':
			if i = validString(data, i); i < 0 {
				return false
			}
		case c == '-' || c >= '0' && c <= '9':
			if i = jsonscan.NumberEnd(data, i); i < 0 {
				return false
			}
		default:
			if i = validLiteral(data, i); i < 0 {
				return false
			}
		}
		// A value ended at i: a separator, a closer or the end follows.
		for {
			if len(stack) == 1 && member != nil {
				member(span{key, -1}, span{start, i})
			}
			i = skipWS(data, i)
			if len(stack) == 0 {
				return i == len(data)
			}
			if i >= len(data) {
				return false
			}
			top := stack[len(stack)-1]
			if data[i] == closer(top) {
				stack = stack[:len(stack)-1]
				i++
				continue
			}
			if data[i] != ',' {
				return false
			}
			i = skipWS(data, i+1)
			if top == '{' {
				if len(stack) == 1 {
					key = i
				}
				if i = validKey(data, i); i < 0 {
					return false
				}
			}
			break
		}
	}
}

// maxNesting is encoding/json's limit on nested containers.
const maxNesting = 10000

func closer(open byte) byte {
	if open == '{' {
		return '}'
	}
	return ']'
}

// validKey checks a member name and its colon at i and returns the offset
// of the value after them, or -1.
func validKey(data []byte, i int) int {
	if i >= len(data) || data[i] != '"' {
		return -1
	}
	if i = validString(data, i); i < 0 {
		return -1
	}
	i = skipWS(data, i)
	if i >= len(data) || data[i] != ':' {
		return -1
	}
	return skipWS(data, i+1)
}

// validString checks the string at i and returns the offset after it, or -1.
// Like encoding/json it refuses control characters and accepts any other
// byte, valid UTF-8 or not.
func validString(data []byte, i int) int {
	for i++; ; i++ {
		if i = jsonscan.Plain(data, i); i >= len(data) || data[i] < 0x20 {
			return -1
		}
		if data[i] == '"' {
			return i + 1
		}
		// A backslash.
		i++
		if i >= len(data) {
			return -1
		}
		switch data[i] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		case 'u':
			if i+4 >= len(data) || !isHex(data[i+1]) || !isHex(data[i+2]) || !isHex(data[i+3]) || !isHex(data[i+4]) {
				return -1
			}
			i += 4
		default:
			return -1
		}
	}
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// validLiteral checks true, false or null at i and returns the offset
// after it, or -1.
func validLiteral(data []byte, i int) int {
	for _, lit := range []string{"true", "false", "null"} {
		if len(data)-i >= len(lit) && string(data[i:i+len(lit)]) == lit {
			return i + len(lit)
		}
	}
	return -1
}
