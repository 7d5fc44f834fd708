package jsonscan

import "testing"

// NumberEnd takes what RFC 8259 calls a number and nothing else, and
// stops where the number does.
func TestNumberEnd(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"0", 1}, {"-0", 2}, {"12", 2}, {"1.5", 3}, {"-1.5e+10", 8}, {"2E3", 3}, {"0.25,", 4}, {"7]", 1},
		{"-", -1}, {"01", 1}, {"1.", -1}, {".5", -1}, {"1e", -1}, {"1e+", -1}, {"+1", -1}, {"-a", -1},
	} {
		if got := NumberEnd([]byte(c.in), 0); got != c.want {
			t.Errorf("NumberEnd(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
