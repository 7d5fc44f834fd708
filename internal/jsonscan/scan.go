// Package jsonscan holds the byte loops that the JSON readers spend their
// time in, made to step eight bytes at a time through the long runs JSON
// files have: indentation, and the plain contents of strings.
package jsonscan

import "encoding/binary"

const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080
	spaces = ones * ' '
)

// hasByte reports whether any byte of x is b.
func hasByte(x uint64, b byte) bool {
	v := x ^ ones*uint64(b)
	return (v-ones)&^v&highs != 0
}

// hasLess reports whether any byte of x is below b, for b up to 0x80.
func hasLess(x uint64, b byte) bool {
	return (x-ones*uint64(b))&^x&highs != 0
}

// SkipSpace returns the offset of the first byte at or after i that is not
// JSON whitespace, or len(data).
func SkipSpace(data []byte, i int) int {
	for i < len(data) {
		if i+8 <= len(data) && binary.LittleEndian.Uint64(data[i:]) == spaces {
			i += 8
			continue
		}
		switch data[i] {
		case ' ', '\n', '\t', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// Plain returns the offset of the first byte at or after i that is a
// quote, a backslash or a control character, or len(data): where the
// plain run of a string's contents that starts at i ends.
func Plain(data []byte, i int) int {
	for i+8 <= len(data) {
		x := binary.LittleEndian.Uint64(data[i:])
		if hasByte(x, '"') || hasByte(x, '\\') || hasLess(x, 0x20) {
			break
		}
		i += 8
	}
	for ; i < len(data); i++ {
		if c := data[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}

// StringEnd returns the offset just past the closing quote of the string
// whose opening quote is at data[i], or len(data) and false when the
// string is not closed.
func StringEnd(data []byte, i int) (int, bool) {
	for i++; ; i++ {
		if i = Plain(data, i); i >= len(data) {
			return len(data), false
		}
		switch data[i] {
		case '"':
			return i + 1, true
		case '\\':
			i++ // the escaped byte
		}
	}
}
