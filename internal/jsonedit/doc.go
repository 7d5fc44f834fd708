// Package jsonedit edits JSON documents in place, as bytes: setting,
// inserting, appending and deleting values at a path while every byte
// outside the edited span stays as it was. Key order, number formatting,
// whitespace and members unknown to any Go model therefore survive, which
// a decode/re-encode round trip would lose.
//
// Inserted values follow the document's layout: in an indented document
// they are indented like their new siblings; in a compact one they stay
// compact.
package jsonedit
