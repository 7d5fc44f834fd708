package pricing

import (
	"math/rand"
	"slices"
	"sort"
	"testing"
)

// union of two sorted, duplicate-free lists is their sorted set union,
// whichever fast path it takes, and never changes its inputs.
func TestUnionIsTheSetUnion(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"a", "b", "c", "d", "e", "f"}
	pick := func() []string {
		var out []string
		for _, w := range words {
			if r.Intn(2) == 0 {
				out = append(out, w)
			}
		}
		return out
	}
	for range 500 {
		a, b := pick(), pick()
		a0, b0 := slices.Clone(a), slices.Clone(b)
		got := union(a, b)
		seen := map[string]bool{}
		var want []string
		for _, w := range append(slices.Clone(a), b...) {
			if !seen[w] {
				seen[w] = true
				want = append(want, w)
			}
		}
		sort.Strings(want)
		if !slices.Equal(got, want) || !slices.Equal(a, a0) || !slices.Equal(b, b0) {
			t.Fatalf("union(%v, %v) = %v, want %v (inputs now %v, %v)", a0, b0, got, want, a, b)
		}
		if subset(b, a) != (len(union(a, b)) == len(a)) {
			t.Fatalf("subset(%v, %v) = %v", b, a, subset(b, a))
		}
	}
}

// Notes are the reasons and caveats of the sum, without the sum: any mix
// of known, unknown and caveated amounts.
func TestNotesAreTheSumsNotes(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	pool := []Money{Zero, USD(dec("1.5")), Unknown("no price for a"), Unknown("no price for b"),
		USD(dec("2")).WithCaveat("x is an estimate"), Unknown("no price for a").WithCaveat("y is unverified")}
	for range 300 {
		ms := make([]Money, r.Intn(6))
		for i := range ms {
			ms[i] = pool[r.Intn(len(pool))]
		}
		missing, caveats := Notes(ms...)
		sum := Sum(ms...)
		if !slices.Equal(missing, sum.Missing()) || !slices.Equal(caveats, sum.Caveats()) {
			t.Fatalf("Notes = %v, %v; the sum's are %v, %v", missing, caveats, sum.Missing(), sum.Caveats())
		}
	}
}
