package jsonscan

import (
	"math/rand/v2"
	"testing"
)

// The word-at-a-time loops stop exactly where byte-at-a-time ones do, at
// every offset and alignment, on bytes drawn to hit the edge values.
func TestScansMatchBytewise(t *testing.T) {
	alphabet := []byte{' ', ' ', ' ', '\n', '\t', '\r', '"', '\\', 0x00, 0x1f, 0x20, 0x21, 'a', 0x7f, 0x80, 0xff, 0x5b, 0x5d}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		data := make([]byte, r.IntN(40))
		for i := range data {
			data[i] = alphabet[r.IntN(len(alphabet))]
			if n%3 == 0 && r.IntN(4) > 0 {
				data[i] = ' ' // long runs of spaces, as indentation
			}
		}
		for i := 0; i <= len(data); i++ {
			if got, want := SkipSpace(data, i), skipSpaceBytewise(data, i); got != want {
				t.Fatalf("SkipSpace(%q, %d) = %d, want %d", data, i, got, want)
			}
			if got, want := Plain(data, i), plainBytewise(data, i); got != want {
				t.Fatalf("Plain(%q, %d) = %d, want %d", data, i, got, want)
			}
			if got, want := PlainASCII(string(data[i:])), plainASCIIBytewise(data[i:]); got != want {
				t.Fatalf("PlainASCII(%q) = %v, want %v", data[i:], got, want)
			}
			if i < len(data) && data[i] == '"' {
				end, ok := StringEnd(data, i)
				if wantEnd, wantOK := stringEndBytewise(data, i); end != wantEnd || ok != wantOK {
					t.Fatalf("StringEnd(%q, %d) = %d %v, want %d %v", data, i, end, ok, wantEnd, wantOK)
				}
			}
		}
	}
}

func skipSpaceBytewise(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
		i++
	}
	return i
}

func plainBytewise(data []byte, i int) int {
	for i < len(data) && data[i] != '"' && data[i] != '\\' && data[i] >= 0x20 {
		i++
	}
	return i
}

func plainASCIIBytewise(data []byte) bool {
	for _, c := range data {
		if c == '"' || c == '\\' || c < 0x20 || c >= 0x80 {
			return false
		}
	}
	return true
}

func stringEndBytewise(data []byte, i int) (int, bool) {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1, true
		}
	}
	return len(data), false
}

func FuzzScans(f *testing.F) {
	f.Add([]byte("  \n        \"abc\\\"def\x01\"        x"), 0)
	f.Fuzz(func(t *testing.T, data []byte, i int) {
		if i < 0 || i > len(data) {
			return
		}
		if SkipSpace(data, i) != skipSpaceBytewise(data, i) || Plain(data, i) != plainBytewise(data, i) ||
			PlainASCII(string(data[i:])) != plainASCIIBytewise(data[i:]) {
			t.Errorf("mismatch on %q at %d", data, i)
		}
		if i < len(data) && data[i] == '"' {
			end, ok := StringEnd(data, i)
			if wantEnd, wantOK := stringEndBytewise(data, i); end != wantEnd || ok != wantOK {
				t.Errorf("StringEnd mismatch on %q at %d", data, i)
			}
		}
	})
}
