package fleet

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		kind byte
		keys []string
		vals []string
	}{
		{`{}`, '{', nil, nil},
		{` [ ] `, '[', nil, nil},
		{`{"a": 1, "b" : "x,}]", "c":{"d":[1,{"e":"\"]"}]}}`, '{', []string{"a", "b", "c"}, []string{`1`, `"x,}]"`, `{"d":[1,{"e":"\"]"}]}`}},
		{"[1,\n\t-2.5e3 , true,null,\"\\\\\",[[]]]", '[', nil, []string{`1`, `-2.5e3`, `true`, `null`, `"\\"`, `[[]]`}},
		{`{"k\u00e9y\n": 0, "k": 1, "k": 2}`, '{', []string{"k\u00e9y\n", "k", "k"}, []string{`0`, `1`, `2`}},
		{`"text"`, 0, nil, nil},
		{`12`, 0, nil, nil},
	}
	for _, tt := range tests {
		kind, keys, vals := split([]byte(tt.in))
		if got := strs(vals); kind != tt.kind || !reflect.DeepEqual(keys, tt.keys) || !reflect.DeepEqual(got, tt.vals) {
			t.Errorf("split(%s) = %q %q %q, want %q %q %q", tt.in, kind, keys, got, tt.kind, tt.keys, tt.vals)
		}
		kind, keys, vals, ok := splitValid([]byte(tt.in))
		if got := strs(vals); !ok || kind != tt.kind || !reflect.DeepEqual(keys, tt.keys) || !reflect.DeepEqual(got, tt.vals) {
			t.Errorf("splitValid(%s) = %q %q %q %v, want %q %q %q", tt.in, kind, keys, got, ok, tt.kind, tt.keys, tt.vals)
		}
	}
	for _, bad := range []string{``, `{`, `{"a" 1}`, `[1,]`, `{"a":1}x`, `[01]`} {
		if kind, keys, vals, ok := splitValid([]byte(bad)); ok || kind != 0 || keys != nil || vals != nil {
			t.Errorf("splitValid(%s) = %q %q %q %v, want nothing", bad, kind, keys, vals, ok)
		}
	}
}

func strs[T ~[]byte](vals []T) []string {
	var out []string
	for _, v := range vals {
		out = append(out, string(v))
	}
	return out
}

// The members are capped: appending to one leaves the next intact.
func TestSplitMembersAreCapped(t *testing.T) {
	_, _, vals := split([]byte(`[{"a":1},{"b":2}]`))
	_ = append(vals[0], "XXXX"...)
	if string(vals[1]) != `{"b":2}` {
		t.Errorf("appending to the first member overwrote the second: %s", vals[1])
	}
}
