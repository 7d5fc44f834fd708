package jsonstream

// Slice writes a member whose value is the slice items, element by
// element, as encoding/json writes a slice: null when it is nil, [] when
// empty.
func Slice[T any](s *Writer, name string, items []T) {
	SliceFunc(s, name, items, func(v *T) { s.Value(v) })
}

// SliceFunc is Slice with each element written by write (which writes one
// value: an object member by member, for instance).
func SliceFunc[T any](s *Writer, name string, items []T, write func(*T)) {
	if items == nil {
		s.Null(name)
		return
	}
	s.Key(name)
	s.BeginArray()
	for i := range items {
		if s.err != nil {
			return
		}
		write(&items[i])
	}
	s.EndArray()
}

// Each writes a member whose value is an array of what each yields, one
// element at a time, for elements made as they are written. It never
// writes null: each is a list, possibly empty.
func Each[T any](s *Writer, name string, each func(yield func(T) bool)) {
	s.Key(name)
	s.BeginArray()
	each(func(v T) bool {
		s.Value(v)
		return s.err == nil
	})
	s.EndArray()
}
