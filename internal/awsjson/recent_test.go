package awsjson

import (
	"fmt"
	"hash/maphash"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// Each Decoder's cache hands out what Strings holds: with more distinct
// strings than the cache has slots, met in an order that makes them
// collide and come back (plain strings first, then *strings of the same
// values, then plain strings again), two Decoders sharing a Strings
// decode the same values, the same bytes and the same *strings as each
// other and as Strings holds.
func TestRecentStringsHandOutWhatStringsHolds(t *testing.T) {
	type doc struct {
		Names []string
		Ptrs  []*string
		Again []string
	}
	var names []string
	for i := range 3 * recentSlots {
		names = append(names, fmt.Sprintf("name-%d", i*7919%(2*recentSlots)))
	}
	list := `"` + strings.Join(names, `","`) + `"`
	data := []byte(`{"names": [` + list + `], "ptrs": [` + list + `], "again": [` + list + `]}`)

	strs := NewStrings()
	a, b := Decoder{Strings: strs}, Decoder{Strings: strs}
	var x, y, want doc
	if !a.DecodeStrict(data, &x) || !b.DecodeStrict(data, &y) || !strictJSON(data, &want) {
		t.Fatal("decoding failed")
	}
	if !reflect.DeepEqual(x, want) || !reflect.DeepEqual(y, want) {
		t.Fatal("decoded values differ from encoding/json's")
	}
	for i, name := range names {
		held := strs.shared(&a, []byte(name), maphash.String(strs.seed, name), true)
		for _, d := range []*doc{&x, &y} {
			if d.Ptrs[i] != held.p {
				t.Fatalf("ptrs[%d]: a *string for %q that Strings does not hold", i, name)
			}
			for _, s := range []string{d.Names[i], d.Again[i]} {
				if unsafe.StringData(s) != unsafe.StringData(held.s) {
					t.Fatalf("[%d]: a copy of %q that Strings does not hold", i, name)
				}
			}
		}
	}
}
