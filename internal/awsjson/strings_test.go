package awsjson

import (
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
	if unsafe.StringData(*x.Arn) == unsafe.StringData(*y.Arn) {
		t.Error("a string longer than maxShared was shared")
	}
}
