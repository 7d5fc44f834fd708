package awsjson

import (
	"reflect"
	"unsafe"
)

// A Decoder also allocates in blocks, by type, the structs that pointers
// point to and the arrays of slices: slabs. A value decoded is mostly
// kept as long as the program runs (the loaded estate), and allocated one
// by one its small pieces land among the garbage of decoding (file bytes,
// maps of members, scratch), in the allocator's spans of their size; once
// that garbage is collected the spans stay partly used, which was a fifth
// of the heap after loading 100,000 services. In slabs of up to
// maxSlabBytes they lie together, in memory the garbage does not share
// (the allocator gives a block over 32 KiB pages of its own), and no
// element is rounded up to an allocator's size class.

// A slab's blocks start at one element and double up to maxSlabBytes, so
// that decoding one small document takes little more than it holds. (At
// 16 KiB, the blocks' rounding up to size classes cost 40 MB more at the
// peak of auditing 100,000 services than at 64 KiB.)
const maxSlabBytes = 64 << 10

// slab hands out runs of elements of one type.
type slab struct {
	next unsafe.Pointer // the first free element, nil when none is
	left int            // free elements from next on
	size int            // elements of the last block
}

// alloc returns the address of n (> 0) zero elements of type t, one after
// another, in a block of t's slab or, for a run too long to share one, in
// an allocation of its own. Nothing else is handed out there.
func (dec *Decoder) alloc(t reflect.Type, n int) unsafe.Pointer {
	es := int(t.Size())
	if es == 0 {
		return reflect.MakeSlice(reflect.SliceOf(t), n, n).UnsafePointer()
	}
	limit := max(maxSlabBytes/es, 1)
	if n > limit/4 {
		return reflect.MakeSlice(reflect.SliceOf(t), n, n).UnsafePointer()
	}
	s := dec.slabs[t]
	if s == nil {
		if dec.slabs == nil {
			dec.slabs = map[reflect.Type]*slab{}
		}
		s = &slab{}
		dec.slabs[t] = s
	}
	if n > s.left {
		s.size = max(grow(s.size, 1, limit), n)
		s.next, s.left = reflect.MakeSlice(reflect.SliceOf(t), s.size, s.size).UnsafePointer(), s.size
	}
	p := s.next
	s.left -= n
	if s.left == 0 {
		s.next = nil // not past the block's end: that may be another object
	} else {
		s.next = unsafe.Add(p, n*es)
	}
	return p
}

// New returns a new zero T from dec's slab of Ts (see alloc): for the
// values that hold what is decoded, which then lie together with it.
func New[T any](dec *Decoder) *T {
	return (*T)(dec.alloc(reflect.TypeFor[T](), 1))
}

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// setSlice makes the slice v, which is addressable (as every destination
// of the decoder is), one of n elements at data.
func setSlice(v reflect.Value, data unsafe.Pointer, n int) {
	*(*sliceHeader)(v.Addr().UnsafePointer()) = sliceHeader{data, n, n}
}

// emptyArray is where empty slices point: anywhere but nil would do.
var emptyArray [1]uintptr
