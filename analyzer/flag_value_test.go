package analyzer

import (
	"encoding/json"
	"testing"
	"unsafe"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// marshalsItself is a named int with a JSON form of its own: Flag must
// write what json.Marshal writes, not the number.
type marshalsItself int

func (m marshalsItself) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]int{"n": int(m)})
}

// Flag's value is renderValue's text whatever the type, and a text met
// before is the same string.
func TestFlagValueIsRenderValue(t *testing.T) {
	i32, i, s := int32(512), 70000, "web"
	var nilInt *int32
	for _, v := range []any{nil, 0, -3, 70000, &i, int32(256), &i32, int64(1) << 40, true, false, nilInt,
		"text", &s, ecstypes.NetworkModeBridge, uint8(7), 1.5, []string{"subnet-1", "subnet-2"},
		map[string]any{"maximumPercent": &i32, "minimumHealthyPercent": nil}, marshalsItself(4), []int{}} {
		want := renderValue(v)
		if got := Flag(at("x"), v, "m").Value; got != want {
			t.Errorf("%T %v: Flag's value %q, renderValue %q", v, v, got, want)
		}
	}
	a, b := Flag(at("x"), 1234567, "m").Value, Flag(at("x"), 1234567, "m").Value
	if a != "1234567" || unsafe.StringData(a) != unsafe.StringData(b) {
		t.Errorf("the same value twice gave two strings (%q, %q)", a, b)
	}
}
