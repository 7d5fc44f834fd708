package fleet

import (
	"encoding/json"
	"strings"
)

// The splitters below cut already validated JSON into its members and
// elements without decoding or copying it: encoding/json would scan each
// byte twice per call (validate, then decode) and copy every RawMessage,
// which for a 100 MB fleet costs more than the decoding itself. The parts
// share the input's memory, capped so an append can never write into a
// neighbour.

// skipSpace (position.go) also steps over ',' and ':', which is all the
// structure between members and elements.

// splitObject returns the members of the JSON object raw; ok is false when
// raw is not an object. raw must be valid JSON.
func splitObject(raw []byte) (map[string]json.RawMessage, bool) {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return nil, false
	}
	out := map[string]json.RawMessage{}
	for i = skipSpace(raw, i+1); i < len(raw) && raw[i] != '}'; i = skipSpace(raw, i+1) {
		end := skipString(raw, i)
		key := unquoteKey(raw[i:end])
		i = skipSpace(raw, end) // skips the ':' too
		end = skipValue(raw, i)
		out[key] = raw[i:end:end]
		i = end - 1
	}
	return out, true
}

// splitArray returns the elements of the JSON array raw; ok is false when
// raw is not an array. raw must be valid JSON.
func splitArray(raw []byte) ([]json.RawMessage, bool) {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return nil, false
	}
	out := []json.RawMessage{}
	for i = skipSpace(raw, i+1); i < len(raw) && raw[i] != ']'; i = skipSpace(raw, i+1) {
		end := skipValue(raw, i)
		out = append(out, raw[i:end:end])
		i = end - 1
	}
	return out, true
}

// skipValue returns the offset just past the value that starts at raw[i].
func skipValue(raw []byte, i int) int {
	switch raw[i] {
	case '"':
		return skipString(raw, i)
	case '{', '[':
		depth := 0
		for ; i < len(raw); i++ {
			switch raw[i] {
			case '"':
				i = skipString(raw, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return len(raw)
	}
	for i < len(raw) && !strings.ContainsRune(",}] \t\r\n", rune(raw[i])) {
		i++ // a number, true, false or null
	}
	return i
}

// skipString returns the offset just past the string that starts at raw[i].
func skipString(raw []byte, i int) int {
	for i++; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(raw)
}

// unquoteKey decodes a member name, escapes included.
func unquoteKey(quoted []byte) string {
	for _, c := range quoted {
		if c == '\\' {
			var s string
			_ = json.Unmarshal(quoted, &s)
			return s
		}
	}
	return string(quoted[1 : len(quoted)-1])
}
