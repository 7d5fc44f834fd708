package fleet

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"os"
	"slices"
	"unsafe"
)

// A document read from a JSON file does not keep its bytes in memory: the
// typed value is what the rules read, and the bytes are wanted only by the
// few steps that edit or copy the document (the rewrite, a snapshot, a
// rule reading members newer than our SDK). Holding them cost about 8.5 KB
// per service of the generated fleet (85 MB of 190 MB after loading 10,000
// services), so the loader records where each document lies in its file,
// with a checksum, and Doc.Bytes reads it again when asked. Documents with
// no file of their own bytes (standard input, live discovery, YAML and
// infrastructure-as-code translations, snapshots) keep Raw.

// diskSpan is where a document's bytes lie in Source.File.
type diskSpan struct {
	off  int64
	size int32
	sum  uint32 // CRC-32C of the bytes, to notice a file changed since
	// null is whether the bytes hold the text null anywhere (see
	// MayHoldNull), looked for only where lookForNull asked.
	null, lookForNull bool
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Bytes returns the document's original bytes: Raw when the document is
// held in memory, else the bytes read again from its file. It fails when
// the file can no longer be read or no longer holds the same bytes there.
// The caller must not modify what it returns.
func (d Doc) Bytes() ([]byte, error) {
	if d.Raw != nil || d.disk.size == 0 {
		return d.Raw, nil
	}
	buf := make([]byte, d.disk.size)
	if err := d.readAt(buf); err != nil {
		return nil, err
	}
	return buf, nil
}

// readAt reads the document, held on disk, again into buf (its size long)
// and checks that it is the one loaded.
func (d Doc) readAt(buf []byte) error {
	f, err := os.Open(d.Source.File)
	if err != nil {
		return fmt.Errorf("reading %s again: %v", d.Source.File, unwrapPathErr(err))
	}
	defer f.Close()
	if _, err := f.ReadAt(buf, d.disk.off); err != nil {
		return fmt.Errorf("reading %s again: %v (the file changed since it was loaded)", d.Source.File, unwrapPathErr(err))
	}
	if crc32.Checksum(buf, castagnoli) != d.disk.sum {
		return fmt.Errorf("%s changed since it was loaded: the document at byte %d is no longer the one read; run again", d.Source.File, d.disk.off)
	}
	return nil
}

// OwnBytesIn is Bytes in a slice the caller owns and may modify: the
// bytes read again from the file, which nothing else holds, or a copy of
// Raw; nil for a document without bytes. It is made in buf's room (from
// buf[:0]) when that is large enough, else in a new slice (buf may be
// nil): the rewrite edits each document in place and reads one after
// another into one buffer (issue 17: the report's preview read each task
// definition again into a slice of its own, 14 MB at 10,000 services).
// What it returns is the caller's until it reuses buf.
func (d Doc) OwnBytesIn(buf []byte) ([]byte, error) {
	switch {
	case d.Raw == nil && d.disk.size == 0:
		return nil, nil // no document
	case d.Raw != nil || d.disk.size == 0:
		return append(buf[:0], d.Raw...), nil
	}
	buf = slices.Grow(buf[:0], int(d.disk.size))[:d.disk.size]
	if err := d.readAt(buf); err != nil {
		return nil, err
	}
	return buf, nil
}

// MayHoldNull reports whether the document's bytes may hold a JSON null:
// false only when they are known not to hold the text null at all, so that
// a check for null members need not read them again. Only task
// definitions' bytes are looked at for it (the null-members rule reads
// them); for other documents it says true.
func (d Doc) MayHoldNull() bool {
	return d.Raw != nil || d.disk.size == 0 || !d.disk.lookForNull || d.disk.null
}

// held records a document whose Raw may lie in the bytes of the file
// being loaded, for spill.
func (l *fileLoad) held(d *Doc) { l.docs = append(l.docs, d) }

// heldLookingForNull is held for a document whose bytes spill also looks
// at for the text null (see MayHoldNull): a task definition. Looking in
// every document's bytes was a pass over nearly all of a load's bytes
// for the one kind the null-members rule reads.
func (l *fileLoad) heldLookingForNull(d *Doc) {
	d.disk.lookForNull = true
	l.held(d)
}

// spill drops from memory the Raw of every document held that lies in
// data, the bytes of file as read from disk, recording where it lies
// instead. Documents whose bytes were made while loading (a YAML file's
// JSON) are not in data and keep them.
func (l *fileLoad) spill(data []byte) {
	if len(data) == 0 {
		return
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	end := base + uintptr(len(data))
	for _, d := range l.docs {
		if len(d.Raw) == 0 || len(d.Raw) > 1<<31-1 {
			continue
		}
		p := uintptr(unsafe.Pointer(unsafe.SliceData(d.Raw)))
		if p < base || p+uintptr(len(d.Raw)) > end {
			continue
		}
		look := d.disk.lookForNull
		d.disk = diskSpan{off: int64(p - base), size: int32(len(d.Raw)), sum: crc32.Checksum(d.Raw, castagnoli),
			lookForNull: look, null: look && bytes.Contains(d.Raw, []byte("null"))}
		d.Raw = nil
	}
	l.docs = nil
}
