// Package jsonscan holds the byte loops that the JSON readers spend their
// time in, made to step eight bytes at a time through the long runs JSON
// files have: indentation, and the plain contents of strings.
package jsonscan

import (
	"encoding/binary"
	"math/bits"
)

const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080
	spaces = ones * ' '
)

// zeros has the high bit set in the lowest byte of x that is zero, and
// possibly in bytes above it; the lowest set bit is always exact, as a
// borrow only runs upwards.
func zeros(x uint64) uint64 { return (x - ones) &^ x & highs }

// below is zeros for the bytes of x below b, for b up to 0x80.
func below(x uint64, b byte) uint64 { return (x - ones*uint64(b)) &^ x & highs }

// first returns the index of the byte that the lowest set bit of m marks.
func first(m uint64) int { return bits.TrailingZeros64(m) / 8 }

// SkipSpace returns the offset of the first byte at or after i that is not
// JSON whitespace, or len(data). Most tokens are not preceded by space (a
// key's colon, a value's comma): that case is small enough for the
// compiler to inline into every caller, without the call.
func SkipSpace(data []byte, i int) int {
	if i < len(data) && data[i] > ' ' {
		return i
	}
	return skipSpaces(data, i)
}

func skipSpaces(data []byte, i int) int {
	for i+8 <= len(data) {
		x := binary.LittleEndian.Uint64(data[i:]) ^ spaces // zero where a space is
		if x == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(x) / 8 // the first byte that is not a space
		switch data[i] {
		case '\n', '\t', '\r':
			i++
		default:
			return i
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
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
		if m := zeros(x^ones*'"') | zeros(x^ones*'\\') | below(x, 0x20); m != 0 {
			return i + first(m)
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

// PlainASCII reports whether s is ASCII holding no quote, backslash or
// control character: what a JSON writer copies between quotes as it is.
func PlainASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if x&highs|zeros(x^ones*'"')|zeros(x^ones*'\\')|below(x, 0x20) != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			return false
		}
	}
	return true
}
