// Package ptr reads the optional values of the AWS SDK's types, which are
// pointers: nil is the zero value.
package ptr

// Value is *p, or the zero value of T when p is nil.
func Value[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// To is a pointer to a copy of v, for the SDK's optional fields.
func To[T any](v T) *T { return &v }
