package analyzer

import (
	"fmt"
	"testing"
	"unsafe"
)

// A text seen before is the same string, not a copy; the cache never holds
// more than its bound however many texts pass through it.
func TestTextCacheSharesAndStaysBounded(t *testing.T) {
	c := newTextCache()
	a := c.text([]byte("containerDefinitions[0].image"))
	b := c.text([]byte("containerDefinitions[0].image"))
	if a != "containerDefinitions[0].image" || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("the same text twice gave %q at %p and %q at %p, want one string", a, unsafe.StringData(a), b, unsafe.StringData(b))
	}
	if got := c.text(nil); got != "" {
		t.Errorf("text(nil) = %q", got)
	}
	for i := range 2 * textCacheShards * textsPerShard {
		if s := fmt.Sprint("message ", i); c.text([]byte(s)) != s {
			t.Fatalf("text(%q) changed it", s)
		}
	}
	for i := range c.shards {
		if n := len(c.shards[i].m); n > textsPerShard {
			t.Errorf("shard %d holds %d texts, more than %d", i, n, textsPerShard)
		}
	}
}

// Flag's message and path are what fmt.Sprintf and Path.String make.
func TestFlagTexts(t *testing.T) {
	p := at(idx("containerDefinitions", 2), "linuxParameters", "odd key")
	for range 2 {
		f := Flag(p, 7, "%s has %d %q", "x", 3, "y")
		if f.Message != fmt.Sprintf("%s has %d %q", "x", 3, "y") || f.Path != p.String() || f.Value != "7" {
			t.Errorf("Flag = message %q, path %q, value %q", f.Message, f.Path, f.Value)
		}
	}
}

// Flag's own recent texts give what flagTexts gives: the same text for
// the same bytes, one string for a text met again, and never another
// text that fell in the same slot.
func TestFlagScratchTextsAreFlagTexts(t *testing.T) {
	sc := &flagScratch{}
	var texts []string
	for i := range 4 * recentFlagTexts {
		texts = append(texts, fmt.Sprint("containerDefinitions[", i%(2*recentFlagTexts), "].image"))
	}
	for round := range 2 {
		for _, want := range texts {
			got := sc.text([]byte(want))
			if got != want {
				t.Fatalf("round %d: text(%q) = %q", round, want, got)
			}
			if c := flagTexts.text([]byte(want)); unsafe.StringData(c) != unsafe.StringData(got) {
				t.Fatalf("round %d: text(%q) is not flagTexts's string", round, want)
			}
		}
	}
	if got := sc.text(nil); got != "" {
		t.Errorf("text(nil) = %q", got)
	}
	hits := 0
	for i := range sc.recent {
		if sc.recent[i] != "" {
			hits++
		}
	}
	if hits == 0 {
		t.Error("no text was kept in a slot")
	}
}
