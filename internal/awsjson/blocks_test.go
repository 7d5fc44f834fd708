package awsjson

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// One Decoder over many documents: every value still equals what
// encoding/json decodes once all are done (no block was written where an
// earlier value points), and values share no memory they can be changed
// through.
func TestDecoderBlocksKeepValuesApart(t *testing.T) {
	var dec Decoder
	var docs []string
	var got []*sample
	for i := range 300 {
		doc := fmt.Sprintf(`{"name": "service-%d-%s", "count": %d, "flag": %t, "when": "2026-01-02T03:04:%02dZ",
			"items": [{"key": "k%d", "value": "v%d"}], "labels": {"l%d": "%d"}, "next": {"name": "n%d"}}`,
			i, strings.Repeat("é", i%50+1), i, i%2 == 0, i%60, i, i, i, i, i)
		docs = append(docs, doc)
		s := new(sample)
		if !dec.DecodeStrict([]byte(doc), s) {
			t.Fatalf("document %d not decoded: %s", i, doc)
		}
		got = append(got, s)
	}
	runtime.GC() // the slabs hold what the values point to, and only that
	for i, doc := range docs {
		var want sample
		if !strictJSON([]byte(doc), &want) {
			t.Fatalf("encoding/json refuses document %d", i)
		}
		if !reflect.DeepEqual(*got[i], want) {
			t.Fatalf("document %d changed after later documents were decoded:\n got %+v\nwant %+v", i, *got[i], want)
		}
	}
	*got[0].Name, *got[0].Items[0].Key = "changed", "changed"
	if *got[1].Name == "changed" || *got[1].Items[0].Key == "changed" {
		t.Error("two documents' values share memory")
	}
}

// Decoders on several goroutines, one each, building the plans of a type
// none has decoded before at the same time, all decode what encoding/json
// does (run with -race to check the shared plan cache too).
func TestDecodersOnManyGoroutines(t *testing.T) {
	type leaf struct{ Name *string }
	type fresh struct {
		Leaves []leaf
		Next   *fresh
		Labels map[string]*int64
	}
	doc := []byte(`{"leaves": [{"name": "a"}, {"NAME": "b"}], "next": {"leaves": [], "labels": {"x": 1}}, "labels": null}`)
	var want fresh
	if !strictJSON(doc, &want) {
		t.Fatal("encoding/json refuses the document")
	}
	const workers = 8
	got := make([]fresh, workers)
	ok := make([]bool, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var dec Decoder
			ok[w] = dec.DecodeStrict(doc, &got[w])
		})
	}
	wg.Wait()
	for w := range workers {
		if !ok[w] || !reflect.DeepEqual(got[w], want) {
			t.Errorf("goroutine %d: ok %v, %+v; want %+v", w, ok[w], got[w], want)
		}
	}
}

// Arrays decode into slices of their exact length, lying next to each
// other in a slab: appending to one leaves the next as it was. An empty
// array is an empty slice, not nil; a type holding arrays of itself
// decodes as encoding/json decodes it.
func TestDecodedSlicesHaveNoRoomToSpare(t *testing.T) {
	type node struct {
		Name *string
		Kids []node
		Tags []string
	}
	var dec Decoder
	var nodes []*node
	for i := range 50 {
		doc := fmt.Sprintf(`{"name": "n%d", "kids": [{"name": "a", "kids": [{"tags": ["x"]}, {"kids": []}]}, {"tags": []}], "tags": ["t%d", "u", "v"]}`, i, i)
		var want node
		if !strictJSON([]byte(doc), &want) {
			t.Fatal("encoding/json refuses the document")
		}
		n := new(node)
		if !dec.DecodeStrict([]byte(doc), n) || !reflect.DeepEqual(*n, want) {
			t.Fatalf("decoded %+v, want %+v", *n, want)
		}
		nodes = append(nodes, n)
	}
	runtime.GC()
	for i, n := range nodes {
		if len(n.Tags) != 3 || cap(n.Tags) != 3 || cap(n.Kids) != 2 || cap(n.Kids[0].Kids) != 2 {
			t.Fatalf("node %d: tags %d of %d, kids %d of %d", i, len(n.Tags), cap(n.Tags), len(n.Kids), cap(n.Kids))
		}
		if n.Kids[1].Tags == nil || len(n.Kids[1].Tags) != 0 || n.Kids[0].Kids[1].Kids == nil {
			t.Fatalf("node %d: an empty array decoded to nil", i)
		}
		if *n.Name != fmt.Sprintf("n%d", i) || n.Tags[0] != fmt.Sprintf("t%d", i) {
			t.Fatalf("node %d changed: %+v", i, *n)
		}
	}
	tags := append(nodes[0].Tags, "appended")
	kids := append(nodes[0].Kids[0].Kids, node{Name: &tags[3]})
	if nodes[1].Tags[0] != "t1" || nodes[0].Kids[1].Tags == nil || nodes[1].Name == kids[2].Name {
		t.Error("appending to a decoded slice wrote over another value")
	}
}

// New hands out distinct zero values, which stay valid across collections.
func TestNewInSlabs(t *testing.T) {
	var dec Decoder
	type big struct {
		P    *string
		Fill [200]byte
	}
	var got []*big
	for i := range 1000 {
		v := New[big](&dec)
		if v.P != nil || v.Fill != [200]byte{} {
			t.Fatalf("value %d is not zero", i)
		}
		s := fmt.Sprint(i)
		v.P, v.Fill[0] = &s, byte(i)
		got = append(got, v)
	}
	runtime.GC()
	for i, v := range got {
		if *v.P != fmt.Sprint(i) || v.Fill[0] != byte(i) {
			t.Fatalf("value %d changed: %q %d", i, *v.P, v.Fill[0])
		}
	}
}
