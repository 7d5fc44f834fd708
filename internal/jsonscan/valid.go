package jsonscan

// The JSON validator, one value at a time: what json.Valid accepts, at
// several times its speed (json.Valid drives a general state machine
// through a function call per byte). The loader checks a file's top-level
// members with it, and the decoder checks with it what it passes over, so
// that a document the decoder reads is checked in the pass that reads it
// (issue 17: the whole-file check before the decoder was 4–6 % of an
// audit's CPU).

// ValidStringEnd is StringEnd for a string that must be valid JSON: it
// returns the offset just past the closing quote of the string whose
// opening quote is at data[i], or false when the string holds a control
// character or an escape JSON does not have, or is not closed. Like
// encoding/json it accepts any other byte, valid UTF-8 or not.
func ValidStringEnd(data []byte, i int) (int, bool) {
	for i++; ; i++ {
		if i = Plain(data, i); i >= len(data) || data[i] < 0x20 {
			return i, false
		}
		if data[i] == '"' {
			return i + 1, true
		}
		// A backslash.
		i++
		if i >= len(data) {
			return i, false
		}
		switch data[i] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		case 'u':
			if i+4 >= len(data) || !isHex(data[i+1]) || !isHex(data[i+2]) || !isHex(data[i+3]) || !isHex(data[i+4]) {
				return i, false
			}
			i += 4
		default:
			return i, false
		}
	}
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// ValueEnd checks the JSON value that starts at data[i] (not at space
// before it) and returns the offset just past it, or false when the bytes
// from i do not start one valid JSON value (what follows the value is not
// looked at). Containers may nest maxDepth deep, the value itself
// counted: encoding/json refuses a document nested more than 10,000 deep,
// so a value inside others is given what they leave of that.
func ValueEnd(data []byte, i, maxDepth int) (int, bool) {
	var room [64]byte
	stack := room[:0] // the open containers, '{' or '['
	for {
		// A value starts at i.
		if i >= len(data) {
			return i, false
		}
		switch c := data[i]; {
		case c == '{' || c == '[':
			if len(stack) >= maxDepth {
				return i, false
			}
			stack = append(stack, c)
			i = SkipSpace(data, i+1)
			if i < len(data) && data[i] == closer(c) {
				stack = stack[:len(stack)-1]
				i++
				break
			}
			if c == '{' {
				var ok bool
				if i, ok = validKey(data, i); !ok {
					return i, false
				}
			}
			continue
		case c == '"':
			var ok bool
			if i, ok = ValidStringEnd(data, i); !ok {
				return i, false
			}
		case c == '-' || c >= '0' && c <= '9':
			end := NumberEnd(data, i)
			if end < 0 {
				return i, false
			}
			i = end
		default:
			end := literalEnd(data, i)
			if end < 0 {
				return i, false
			}
			i = end
		}
		// A value ended at i: a separator or a closer follows, or the
		// value that was asked for is whole.
		for {
			if len(stack) == 0 {
				return i, true
			}
			i = SkipSpace(data, i)
			if i >= len(data) {
				return i, false
			}
			top := stack[len(stack)-1]
			if data[i] == closer(top) {
				stack = stack[:len(stack)-1]
				i++
				continue
			}
			if data[i] != ',' {
				return i, false
			}
			i = SkipSpace(data, i+1)
			if top == '{' {
				var ok bool
				if i, ok = validKey(data, i); !ok {
					return i, false
				}
			}
			break
		}
	}
}

func closer(open byte) byte {
	if open == '{' {
		return '}'
	}
	return ']'
}

// validKey checks a member name and its colon at i and returns the offset
// of the value after them.
func validKey(data []byte, i int) (int, bool) {
	if i >= len(data) || data[i] != '"' {
		return i, false
	}
	i, ok := ValidStringEnd(data, i)
	if !ok {
		return i, false
	}
	i = SkipSpace(data, i)
	if i >= len(data) || data[i] != ':' {
		return i, false
	}
	return SkipSpace(data, i+1), true
}

// literalEnd checks true, false or null at i and returns the offset after
// it, or -1.
func literalEnd(data []byte, i int) int {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(data)-i >= len(lit) && string(data[i:i+len(lit)]) == lit {
			return i + len(lit)
		}
	}
	return -1
}
