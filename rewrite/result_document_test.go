package rewrite

import "testing"

// A result whose document was let go still says it made one; one that
// made none does not.
func TestDropDocumentKeepsMadeDocument(t *testing.T) {
	made := &Result{Document: []byte(`{"family":"web"}`)}
	made.DropDocument()
	if made.Document != nil || !made.MadeDocument() {
		t.Errorf("after DropDocument: Document %q, MadeDocument %v; want nil and true", made.Document, made.MadeDocument())
	}
	none := &Result{Blocked: true}
	none.DropDocument()
	if none.MadeDocument() {
		t.Error("a blocked result without a document says it made one after DropDocument")
	}
}
