package main

import (
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// docBytes is a document's original bytes (read again from its file when
// the loader left them there: see fleet.Doc.Bytes).
func docBytes(t testing.TB, d fleet.Doc) []byte {
	t.Helper()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
