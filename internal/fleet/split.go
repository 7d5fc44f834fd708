package fleet

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"github.com/ecs2fargate/ecs2fargate/internal/jsonscan"
)

// split breaks valid JSON (as json.Valid accepts it) that is an object or an
// array into its members' bytes, without decoding them. It makes one pass
// over the bytes where json.Unmarshal into RawMessages makes two, which
// matters for files of tens of megabytes. kind is '{' or '[' (keys are nil
// for an array), or 0 when data holds another kind of value. The members
// are capped sub-slices of data: appending to one cannot overwrite the next.
func split(data []byte) (kind byte, keys []string, vals []json.RawMessage) {
	kind = eachMember(data, func(key, val span) {
		if key.start >= 0 {
			keys = append(keys, unquote(data[key.start:key.end]))
		}
		vals = append(vals, json.RawMessage(data[val.start:val.end:val.end]))
	})
	if kind == 0 {
		return 0, nil, nil
	}
	return kind, keys, vals
}

// splitValid is validJSON and split in one pass: ok is validJSON's
// answer, and when it is true the rest is split's.
func splitValid(data []byte) (kind byte, keys []string, vals []json.RawMessage, ok bool) {
	ok = validate(data, func(key, val span) {
		if key.start >= 0 {
			keys = append(keys, unquote(data[key.start:key.end]))
		}
		vals = append(vals, json.RawMessage(data[val.start:val.end:val.end]))
	})
	if !ok {
		return 0, nil, nil, false
	}
	if i := skipWS(data, 0); data[i] == '{' || data[i] == '[' {
		return data[i], keys, vals, true
	}
	return 0, nil, nil, true
}

// span is the byte range [start, end) of a token or value.
type span struct{ start, end int }

// eachMember calls fn with the quoted key (start -1 for an array element)
// and the value of each member of the object or array data holds, in order.
// It returns the container's kind ('{' or '['), or 0 when data holds
// another value or turns out not to be valid JSON.
func eachMember(data []byte, fn func(key, val span)) byte {
	i := skipWS(data, 0)
	if i >= len(data) || data[i] != '{' && data[i] != '[' {
		return 0
	}
	kind := data[i]
	i = skipWS(data, i+1)
	for i < len(data) && data[i] != '}' && data[i] != ']' {
		key := span{-1, -1}
		if kind == '{' {
			end := valueEnd(data, i)
			if end == i || data[i] != '"' {
				return 0 // not valid JSON after all
			}
			key = span{i, end}
			i = skipWS(data, skipWS(data, end)+1) // past the colon
		}
		end := valueEnd(data, i)
		if end == i {
			return 0
		}
		fn(key, span{i, end})
		i = skipWS(data, end)
		if i < len(data) && data[i] == ',' {
			i = skipWS(data, i+1)
		}
	}
	return kind
}

// valueEnd returns the offset just past the value that starts at i.
func valueEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			i = stringEnd(data, i) - 1
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
			if depth < 0 {
				return i // a scalar right before its container's end
			}
		case ',', ' ', '\t', '\r', '\n', ':':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// stringEnd returns the offset just past the string that starts at i, or
// len(data) when it is not closed.
func stringEnd(data []byte, i int) int {
	end, _ := jsonscan.StringEnd(data, i)
	return end
}

func skipWS(data []byte, i int) int { return jsonscan.SkipSpace(data, i) }

// unquote decodes a JSON string; the plain case (no escapes, valid UTF-8)
// without encoding/json.
func unquote(q []byte) string {
	if len(q) < 2 {
		return string(q)
	}
	inner := q[1 : len(q)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner)
	}
	var s string
	_ = json.Unmarshal(q, &s) // q is a valid JSON string
	return s
}
