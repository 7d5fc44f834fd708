package awsjson

import (
	"fmt"
	"reflect"
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
