package fleetgen

import "math/rand/v2"

// weighted is one choice and its relative weight.
type weighted[T any] struct {
	v      T
	weight int
}

// pick draws one value by weight.
func pick[T any](r *rand.Rand, choices []weighted[T]) T {
	total := 0
	for _, c := range choices {
		total += c.weight
	}
	n := r.IntN(total)
	for _, c := range choices {
		if n < c.weight {
			return c.v
		}
		n -= c.weight
	}
	return choices[len(choices)-1].v
}

// chance is true pct times in a hundred.
func (g *gen) chance(pct int) bool { return g.rnd.IntN(100) < pct }

// hex draws n hex digits (n ≤ 16), for resource ids.
func (g *gen) hex(n int) string {
	const digits = "0123456789abcdef"
	v := g.rnd.Uint64()
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[v&15]
		v >>= 4
	}
	return string(b)
}
