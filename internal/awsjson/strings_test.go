package awsjson

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// Decoders that share a Strings hand out one copy of each short string
// (the same bytes, not equal ones) and a copy of their own of long ones.
func TestDecodersShareShortStrings(t *testing.T) {
	type doc struct {
		Image *string
		Arn   *string
	}
	long := strings.Repeat("a", maxShared+1)
	data := []byte(`{"Image": "nginx:1.27", "Arn": "` + long + `"}`)
	strs := NewStrings()
	var a, b Decoder
	a.Strings, b.Strings = strs, strs
	var x, y doc
	if !a.DecodeStrict(data, &x) || !b.DecodeStrict(data, &y) {
		t.Fatal("decoding failed")
	}
	if *x.Image != "nginx:1.27" || *x.Arn != long || *y.Image != *x.Image || *y.Arn != *x.Arn {
		t.Fatalf("decoded %q %q and %q %q", *x.Image, *x.Arn, *y.Image, *y.Arn)
	}
	if unsafe.StringData(*x.Image) != unsafe.StringData(*y.Image) {
		t.Error("the short string was copied twice, not shared")
	}
	if x.Image != y.Image {
		t.Error("the *string of the short string was made twice, not shared")
	}
	if unsafe.StringData(*x.Arn) == unsafe.StringData(*y.Arn) || x.Arn == y.Arn {
		t.Error("a string longer than maxShared was shared")
	}
}

// A plain string field and a *string field of the same value share the
// text; the one *string is made only for pointer fields, and strings
// with escapes, empty strings and null are decoded as without sharing.
func TestSharedStringsAndPointers(t *testing.T) {
	type doc struct {
		Name  string
		Image *string
		Tags  []string
		Opts  map[string]string
		Empty *string
		Null  *string
		Esc   *string
	}
	data := []byte(`{"name": "web", "image": "web", "tags": ["web", "web"], "opts": {"web": "web"}, "empty": "", "null": null, "esc": "w\u0065b"}`)
	strs := NewStrings()
	a, b := Decoder{Strings: strs}, Decoder{Strings: strs}
	var x, y doc
	if !a.DecodeStrict(data, &x) || !b.DecodeStrict(data, &y) {
		t.Fatal("decoding failed")
	}
	var want doc
	if !strictJSON(data, &want) || !reflect.DeepEqual(x, want) || !reflect.DeepEqual(y, want) {
		t.Fatalf("decoded %+v and %+v, want %+v", x, y, want)
	}
	same := unsafe.StringData(x.Name)
	for _, s := range []string{*x.Image, x.Tags[0], x.Tags[1], *y.Image, y.Name} {
		if unsafe.StringData(s) != same {
			t.Errorf("%q not shared", s)
		}
	}
	for k, v := range x.Opts {
		if unsafe.StringData(k) != same || unsafe.StringData(v) != same {
			t.Errorf("map member %q: %q not shared", k, v)
		}
	}
	if x.Image != y.Image {
		t.Error("the *string of one value was made twice")
	}
	if x.Esc == y.Esc || x.Empty == y.Empty {
		t.Error("a *string of an escaped or empty string was shared")
	}
}

// A Strings sized for a load shares as an unsized one does: the room
// changes no decoded value.
func TestSizedStringsShareAsUnsized(t *testing.T) {
	type doc struct {
		Name  string
		Image *string
	}
	data := []byte(`{"name": "web", "image": "nginx:1.27"}`)
	sized := NewStringsFor(64 * 10)
	if sized.shards[0].m == nil || len(sized.shards[0].m) != 0 {
		t.Fatal("a sized Strings has no empty map ready")
	}
	a, b := Decoder{Strings: sized}, Decoder{Strings: sized}
	var x, y doc
	if !a.DecodeStrict(data, &x) || !b.DecodeStrict(data, &y) {
		t.Fatal("decoding failed")
	}
	if x.Name != "web" || *x.Image != "nginx:1.27" || x.Image != y.Image || unsafe.StringData(x.Name) != unsafe.StringData(y.Name) {
		t.Errorf("decoded %q %q and %q %q, not shared", x.Name, *x.Image, y.Name, *y.Image)
	}
	if NewStringsFor(10).shards[0].m != nil {
		t.Error("a Strings for fewer strings than shards was given room")
	}
}
