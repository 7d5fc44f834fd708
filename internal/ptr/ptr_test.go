package ptr

import "testing"

func TestValue(t *testing.T) {
	s, n := "web", int32(7)
	if Value(&s) != "web" || Value(&n) != 7 {
		t.Error("Value of a set pointer is not what it points at")
	}
	if Value((*string)(nil)) != "" || Value((*int32)(nil)) != 0 {
		t.Error("Value of nil is not the zero value")
	}
}

func TestTo(t *testing.T) {
	p := To("web")
	if p == nil || *p != "web" {
		t.Error("To does not point at its value")
	}
}
