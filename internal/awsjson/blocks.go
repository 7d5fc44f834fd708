package awsjson

import (
	"reflect"
	"time"
	"unsafe"
)

// A Decoder decodes any number of documents, as DecodeStrict does, and
// allocates in blocks what DecodeStrict allocates one by one: the text of
// strings, and the strings, numbers, booleans and timestamps that the SDK's
// optional fields point to. Those small allocations were most of a load's
// allocations and much of its garbage collection. The structs that other
// pointers point to and the arrays of slices it allocates likewise, by
// type (see slabs.go). A value points into a block only where it would
// otherwise point to memory of its own, and a block is never written where
// a value points, so nothing changes but the count of allocations; a block
// lives as long as any value in it. With Strings, values of *string may
// also be shared (see Strings).
//
// The zero Decoder is ready to use. It is not safe for concurrent use,
// and must not be copied once used: two copies would hand out the same
// free room, each writing where the other's values point.
type Decoder struct {
	_       noCopy
	text    []byte // the last text block: the bytes of strings, then free room
	strings block[string]
	int32s  block[int32]
	int64s  block[int64]
	bools   block[bool]
	floats  block[float64]
	times   block[time.Time]
	// Strings, when set, shares short strings with the other Decoders
	// that use it (see Strings).
	Strings *Strings
	recent  *recentStrings      // in front of Strings (see recentStrings)
	skip    map[*plan]*fieldSet // the fields passed over, by struct (see Skip)
	// scratch holds, by slice plan, the slices that arrays are decoded
	// into before they are copied to one of their exact length (see
	// array): zero, and as long as they are.
	scratch map[*plan][]reflect.Value
	slabs   map[reflect.Type]*slab // see alloc
}

// DecodeStrict is the package's DecodeStrict, allocating in blocks.
func (dec *Decoder) DecodeStrict(data []byte, dst any) bool {
	end, ok := dec.DecodeAt(data, 0, dst)
	return ok && skipSpace(data, end) == len(data)
}

// DecodeAt is DecodeStrict for the value that starts at data[i] (after
// any whitespace); it returns the offset just past the value.
func (dec *Decoder) DecodeAt(data []byte, i int, dst any) (end int, ok bool) {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return i, false
	}
	d := decodeState{data: data, i: i, dec: dec}
	ok = d.value(planOf(rv.Type().Elem()), rv.Elem())
	return d.i, ok
}

// noCopy has go vet's copylocks check report copies of what holds it.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// Blocks start small and double up to a limit, so that the blocks of a
// small document waste little and a large one needs few.
const (
	firstBlock = 8
	maxBlock   = 1024
	firstText  = 512
	maxText    = 64 << 10
	// maxBlockString is the longest string put in a text block.
	maxBlockString = 1 << 10
)

// block hands out the elements of slices allocated a few at a time.
type block[T any] struct {
	free []T
	size int // of the last slice allocated
}

func (b *block[T]) next() *T {
	if len(b.free) == 0 {
		b.size = grow(b.size, firstBlock, maxBlock)
		b.free = make([]T, b.size)
	}
	p := &b.free[0]
	b.free = b.free[1:]
	return p
}

// grow returns the size of the next block after one of size n.
func grow(n, first, limit int) int {
	return min(max(2*n, first), limit)
}

// inBlock allocates from the block of Ts that at picks out of a Decoder.
func inBlock[T any](at func(*Decoder) *block[T]) func(*Decoder) reflect.Value {
	return func(dec *Decoder) reflect.Value { return reflect.ValueOf(at(dec).next()) }
}

// blockAllocs allocate in a Decoder's blocks what the pointer types of the
// SDK's optional fields point to; other pointers get their own allocation
// (a *string comes from strPointer, which may share it).
var blockAllocs = map[reflect.Type]func(*Decoder) reflect.Value{
	reflect.TypeFor[*int32]():     inBlock(func(dec *Decoder) *block[int32] { return &dec.int32s }),
	reflect.TypeFor[*int64]():     inBlock(func(dec *Decoder) *block[int64] { return &dec.int64s }),
	reflect.TypeFor[*bool]():      inBlock(func(dec *Decoder) *block[bool] { return &dec.bools }),
	reflect.TypeFor[*float64]():   inBlock(func(dec *Decoder) *block[float64] { return &dec.floats }),
	reflect.TypeFor[*time.Time](): inBlock(func(dec *Decoder) *block[time.Time] { return &dec.times }),
}

// newValue returns a new zero value for a pointer of type p.typ to point to.
func (dec *Decoder) newValue(p *plan) reflect.Value {
	if p.alloc != nil {
		return p.alloc(dec)
	}
	t := p.typ.Elem()
	return reflect.NewAt(t, dec.alloc(t, 1))
}

// string returns b as a string whose bytes are in a block of text, or
// the copy that dec.Strings already holds.
func (dec *Decoder) string(b []byte) string {
	if dec.sharing(b) {
		return dec.sharedString(b, false).s
	}
	return dec.newString(b)
}

// sharing reports whether the string b holds is shared (see Strings).
func (dec *Decoder) sharing(b []byte) bool {
	return dec.Strings != nil && len(b) > 0 && len(b) <= maxShared
}

// stringPointer returns a *string to the string b holds: the one
// dec.Strings holds, or a new one in a block.
func (dec *Decoder) stringPointer(b []byte) *string {
	if dec.sharing(b) {
		return dec.sharedString(b, true).p
	}
	p := dec.strings.next()
	*p = dec.newString(b)
	return p
}

// newString returns b as a string whose bytes are in a block of text.
func (dec *Decoder) newString(b []byte) string {
	if len(b) == 0 || len(b) > maxBlockString {
		return string(b)
	}
	if cap(dec.text)-len(dec.text) < len(b) {
		dec.text = make([]byte, 0, max(grow(cap(dec.text), firstText, maxText), len(b)))
	}
	start := len(dec.text)
	dec.text = append(dec.text, b...)
	// The bytes are never written again: later strings go after them.
	return unsafe.String(&dec.text[start], len(b))
}

// takeScratch returns a zero scratch slice of p's type, at least one long.
func (dec *Decoder) takeScratch(p *plan) reflect.Value {
	if free := dec.scratch[p]; len(free) > 0 {
		s := free[len(free)-1]
		dec.scratch[p] = free[:len(free)-1]
		return s
	}
	return reflect.MakeSlice(p.typ, firstBlock, firstBlock)
}

// growScratch returns a scratch slice twice as long as s, holding its
// elements.
func growScratch(p *plan, s reflect.Value) reflect.Value {
	bigger := reflect.MakeSlice(p.typ, 2*s.Len(), 2*s.Len())
	reflect.Copy(bigger, s)
	return bigger
}

// putScratch takes back s, whose first n elements were used: they are
// zeroed, so that it holds nothing alive and is ready for the next array.
func (dec *Decoder) putScratch(p *plan, s reflect.Value, n int) {
	for i := range n {
		s.Index(i).SetZero()
	}
	if dec.scratch == nil {
		dec.scratch = map[*plan][]reflect.Value{}
	}
	dec.scratch[p] = append(dec.scratch[p], s)
}
