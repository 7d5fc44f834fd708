package fleet

import (
	"bytes"
	"hash/maphash"
	"maps"
	"reflect"
	"slices"
	"unsafe"
)

// As it is loaded, the parts of the model that are equal are shared: one copy
// of each distinct deployment configuration, list of attributes, log
// configuration, registered resources, tag list… (issue 17). The SDK's
// structs hold most of what they say through pointers and slices, and
// across an estate most of those say the same thing: after loading 10,000
// generated services, 13 MB of the 56 MB live heap were copies of a value
// held elsewhere (services' deployment configurations, each instance
// type's registered resources, each family's tags and required
// attributes). Nothing reads the model to write into it (the rewrite edits
// the documents' bytes, and clones what it changes), so a shared value is
// seen by every reader as its own copy was.
//
// Sharing works bottom up: the references inside a value are shared first,
// so that two equal values then have the same bytes (a string is its
// pointer and length, and the decoder shares strings and *string fields
// already: see awsjson.Strings), and a value is shared with an earlier one
// whose bytes are the same. Comparing bytes never shares two values that
// differ; it may miss two that are equal (strings not interned, times in
// two zones), which is only memory. The first copy of each value is
// copied out of the decoder's slabs, so that a slab whose values all have
// copies is garbage as a whole (a slab is one allocation: a pointer to any
// value in it keeps all of it).

// shareOnLoad is whether the loader shares the model's equal parts
// (tests compare with a load that does not).
var shareOnLoad = true

// share shares the equal parts of the SDK values at ptrs (pointers to
// them), decoded from l's input, with those decoded before on the same
// loan. Each worker's loan shares on its own (no lock; two workers may
// keep one copy each), as soon as a document is decoded, so that
// duplicates are garbage before the next input is read: the heap while
// loading grows with the distinct values, not with all of them.
func (l *fileLoad) share(ptrs ...any) {
	if !shareOnLoad || l.loan == nil {
		return
	}
	for _, p := range ptrs {
		l.loan.shared.shareIn(p)
	}
}

// sharer holds, by type, the first copy of each distinct run of values
// seen, found by a hash of its bytes.
type sharer struct {
	seed  maphash.Seed
	types map[reflect.Type]*shareType
	maps  map[uint64][]map[string]string
}

// shareType is what the sharer knows of one type: where the references
// that are shared lie in a value of it, and the first copies of its runs
// by hash. Any other reference (an interface, a map of another type) is
// compared as bytes: equal bytes, the same referent.
type shareType struct {
	slice reflect.Type // []T
	size  uintptr
	refs  []*shareRef
	runs  map[uint64][]run
}

// shareRef is a pointer, a slice, or a map[string]string at off in a
// value; elem is the pointer's or slice's element type. It counts how
// often the values it refers to were found to have a copy.
type shareRef struct {
	off         uintptr
	kind        reflect.Kind
	elem        *shareType
	tries, hits int
}

type run struct {
	p unsafe.Pointer
	n int
}

// Sharing values that are all distinct (a service's deployments, with
// their ids) costs a copy of each and finds none: after triesBefore tries,
// a reference (a field of a type) whose values were found shared in fewer
// than one of hitsPer tries is left alone.
const (
	triesBefore = 512
	hitsPer     = 8
)

func newSharer() *sharer {
	return &sharer{seed: maphash.MakeSeed(), types: map[reflect.Type]*shareType{}, maps: map[uint64][]map[string]string{}}
}

// stringMapType is the one type of map shared (log options, Docker
// labels); timeType (decode.go) is a struct compared as bytes.
var stringMapType = reflect.TypeFor[map[string]string]()

// typeOf returns what s knows of t, working it out the first time.
func (s *sharer) typeOf(t reflect.Type) *shareType {
	if st, ok := s.types[t]; ok {
		return st
	}
	st := &shareType{slice: reflect.SliceOf(t), size: t.Size(), runs: map[uint64][]run{}}
	s.types[t] = st // before its references: a type may refer to itself
	s.addRefs(st, t, 0)
	return st
}

// addRefs records in st the references of a t at off.
func (s *sharer) addRefs(st *shareType, t reflect.Type, off uintptr) {
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType {
			return // its location pointer is compared as bytes, never shared
		}
		for i := range t.NumField() {
			f := t.Field(i)
			s.addRefs(st, f.Type, off+f.Offset)
		}
	case reflect.Pointer:
		// Pointers to scalars too: a struct holding an *int32 each of
		// its own would never have the bytes of another. Not *string:
		// the decoder gives each string value one pointer already.
		if t.Elem().Kind() != reflect.String {
			st.refs = append(st.refs, &shareRef{off: off, kind: reflect.Pointer, elem: s.typeOf(t.Elem())})
		}
	case reflect.Slice:
		st.refs = append(st.refs, &shareRef{off: off, kind: reflect.Slice, elem: s.typeOf(t.Elem())})
	case reflect.Map:
		if t == stringMapType {
			st.refs = append(st.refs, &shareRef{off: off, kind: reflect.Map})
		}
	}
	// An array's elements are compared as bytes: no SDK type has one.
}

// shareIn shares the references inside *v, which stays where it is (a
// slice's elements when v points to a slice).
func (s *sharer) shareIn(v any) {
	rv := reflect.ValueOf(v)
	s.shareRefs(rv.UnsafePointer(), s.typeOf(rv.Type().Elem()), 1)
}

// shareRefs shares the references inside the n values of type st at p.
func (s *sharer) shareRefs(p unsafe.Pointer, st *shareType, n int) {
	if len(st.refs) == 0 {
		return
	}
	for i := range n {
		at := unsafe.Add(p, uintptr(i)*st.size)
		for _, r := range st.refs {
			s.shareRef(unsafe.Add(at, r.off), r)
		}
	}
}

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// shareRef shares the reference at p.
func (s *sharer) shareRef(p unsafe.Pointer, r *shareRef) {
	switch r.kind {
	case reflect.Pointer:
		target := *(*unsafe.Pointer)(p)
		if target == nil {
			return
		}
		if c := s.share(target, r, 1); c != target {
			*(*unsafe.Pointer)(p) = c
		}
	case reflect.Slice:
		h := (*sliceHeader)(p)
		if h.len == 0 {
			return // nil or empty: nothing to share
		}
		if c := s.share(h.data, r, h.len); c != h.data || h.cap != h.len {
			*h = sliceHeader{c, h.len, h.len}
		}
	case reflect.Map:
		m := (*map[string]string)(p)
		if *m != nil {
			*m = s.shareMap(*m)
		}
	}
}

// share returns the first copy of the n values that r refers to at p,
// once their references are shared: a copy of them when they are the
// first, p itself when r is not worth sharing.
func (s *sharer) share(p unsafe.Pointer, r *shareRef, n int) unsafe.Pointer {
	st := r.elem
	s.shareRefs(p, st, n)
	if st.size == 0 || r.tries >= triesBefore && r.hits*hitsPer < r.tries {
		return p
	}
	r.tries++
	b := unsafe.Slice((*byte)(p), uintptr(n)*st.size)
	h := maphash.Bytes(s.seed, b)
	for _, c := range st.runs[h] {
		if c.n == n && bytes.Equal(b, unsafe.Slice((*byte)(c.p), len(b))) {
			r.hits++
			return c.p
		}
	}
	// The first copy, out of the decoder's slab (see above).
	c := reflect.MakeSlice(st.slice, n, n)
	reflect.Copy(c, reflect.NewAt(st.slice, unsafe.Pointer(&sliceHeader{p, n, n})).Elem())
	cp := c.UnsafePointer()
	st.runs[h] = append(st.runs[h], run{cp, n})
	return cp
}

// shareMap returns the first map equal to m.
func (s *sharer) shareMap(m map[string]string) map[string]string {
	keys := slices.Sorted(maps.Keys(m))
	var h maphash.Hash
	h.SetSeed(s.seed)
	for _, k := range keys {
		h.WriteString(k)
		h.WriteByte(0)
		h.WriteString(m[k])
		h.WriteByte(0)
	}
	sum := h.Sum64()
	for _, c := range s.maps[sum] {
		if maps.Equal(c, m) {
			return c
		}
	}
	s.maps[sum] = append(s.maps[sum], m)
	return m
}
