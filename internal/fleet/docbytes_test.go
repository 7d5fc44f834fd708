package fleet

import (
	"testing"
)

// docBytes is a document's original bytes (read again from its file when
// the loader left them there: see fleet.Doc.Bytes).
func docBytes(t testing.TB, d Doc) []byte {
	t.Helper()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
