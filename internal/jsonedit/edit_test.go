package jsonedit

import (
	"strings"
	"testing"
)

const doc = `{
  "family": "web",
  "cpu": 256,
  "containerDefinitions": [
    {
      "name": "app",
      "links": ["db:database"],
      "dockerLabels": {"Z-key": "1", "a.key": "2"},
      "logConfiguration": {
        "logDriver": "json-file",
        "options": {}
      }
    }
  ],
  "futureField": {"x": 1.50}
}`

func mustPath(t *testing.T, s string) Path {
	t.Helper()
	p, err := ParsePath(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		op   func([]byte) ([]byte, error)
		want string // a fragment the result must contain
		gone string // a fragment the result must not contain
	}{
		{"replace number with string", func(d []byte) ([]byte, error) { return Set(d, mustPath(t, "cpu"), []byte(`"512"`)) }, `"cpu": "512",`, `256`},
		{"insert key at end, indented like siblings", func(d []byte) ([]byte, error) {
			return Set(d, mustPath(t, "networkMode"), []byte(`"awsvpc"`))
		}, "  \"futureField\": {\"x\": 1.50},\n  \"networkMode\": \"awsvpc\"\n}", ""},
		{"insert into empty object", func(d []byte) ([]byte, error) {
			return Set(d, mustPath(t, `containerDefinitions[0].logConfiguration.options["awslogs-group"]`), []byte(`"/ecs/web"`))
		}, "\"options\": {\n          \"awslogs-group\": \"/ecs/web\"\n        }", ""},
		{"create missing parents", func(d []byte) ([]byte, error) {
			return Set(d, mustPath(t, "runtimePlatform.cpuArchitecture"), []byte(`"ARM64"`))
		}, "\"runtimePlatform\": {\n    \"cpuArchitecture\": \"ARM64\"\n  }", ""},
		{"delete only element", func(d []byte) ([]byte, error) { return Delete(d, mustPath(t, "containerDefinitions[0].links[0]")) }, `"links": [],`, "db:database"},
		{"delete middle key", func(d []byte) ([]byte, error) { return Delete(d, mustPath(t, "cpu")) }, "\"family\": \"web\",\n  \"containerDefinitions\"", `"cpu"`},
		{"delete last key", func(d []byte) ([]byte, error) { return Delete(d, mustPath(t, "futureField")) }, "  ]\n}", "futureField"},
		{"delete first key", func(d []byte) ([]byte, error) { return Delete(d, mustPath(t, "family")) }, "{\n  \"cpu\": 256,", "family"},
		{"compact container stays compact", func(d []byte) ([]byte, error) {
			return Append(d, mustPath(t, "containerDefinitions[0].links"), []byte(`"cache"`))
		}, `"links": ["db:database", "cache"],`, ""},
		{"quoted user key", func(d []byte) ([]byte, error) {
			return Set(d, mustPath(t, `containerDefinitions[0].dockerLabels["a.key"]`), []byte(`"3"`))
		}, `{"Z-key": "1", "a.key": "3"}`, ""},
		{"case-insensitive key match", func(d []byte) ([]byte, error) { return Set(d, mustPath(t, "Family"), []byte(`"api"`)) }, `"family": "api"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.op([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("result lacks %q:\n%s", tt.want, got)
			}
			if tt.gone != "" && strings.Contains(string(got), tt.gone) {
				t.Errorf("result still has %q:\n%s", tt.gone, got)
			}
			if !validJSON(got) {
				t.Errorf("result is not valid JSON:\n%s", got)
			}
			if !strings.Contains(string(got), `{"x": 1.50}`) && tt.name != "delete last key" {
				t.Errorf("number formatting of an untouched member changed:\n%s", got)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	d := []byte(doc)
	if _, err := Delete(d, mustPath(t, "nope")); err == nil {
		t.Error("deleting a missing key succeeded")
	}
	if _, err := Set(d, mustPath(t, "containerDefinitions[5].name"), []byte(`"x"`)); err == nil {
		t.Error("setting inside a missing array element succeeded")
	}
	if _, err := Set(d, mustPath(t, "family.sub"), []byte(`1`)); err == nil {
		t.Error("descending into a string succeeded")
	}
	if _, err := Set([]byte(`{"a": [1, 2`), mustPath(t, "b"), []byte(`1`)); err == nil {
		t.Error("editing truncated JSON succeeded")
	}
	if _, ok := Get(d, mustPath(t, "containerDefinitions[0].nope")); ok {
		t.Error("Get found a missing key")
	}
}

func TestParsePathRoundTrip(t *testing.T) {
	for _, s := range []string{
		"a", "a.b", "a[0].b[12]", `a.options["awslogs-group"]`, `x["with \"quote\""]`, "containerDefinitions[1].linuxParameters.capabilities.add[0]",
	} {
		p := mustPath(t, s)
		if p.String() != s {
			t.Errorf("ParsePath(%q).String() = %q", s, p.String())
		}
	}
	for _, bad := range []string{"", "a[", "a[x]", ".a", "a.", `a["x]`} {
		if _, err := ParsePath(bad); err == nil {
			t.Errorf("ParsePath(%q) succeeded", bad)
		}
	}
}

func TestDedent(t *testing.T) {
	in := "{\n        \"a\": 1,\n        \"b\": [\n            2\n        ]\n    }"
	want := "{\n    \"a\": 1,\n    \"b\": [\n        2\n    ]\n}"
	if got := string(Dedent([]byte(in))); got != want {
		t.Errorf("Dedent = %q, want %q", got, want)
	}
	if got := string(Dedent([]byte(want))); got != want {
		t.Error("Dedent is not idempotent")
	}
}

func TestCompactDocument(t *testing.T) {
	d := []byte(`{"a":1,"b":{"c":[1,2]}}`)
	got, err := Set(d, mustPath(t, "b.d"), []byte(`{"e": [3]}`))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != `{"a":1,"b":{"c":[1,2],"d":{"e":[3]}}}` {
		t.Errorf("compact insert = %s", got)
	}
	got, _ = Delete(got, mustPath(t, "b.c[0]"))
	if string(got) != `{"a":1,"b":{"c":[2],"d":{"e":[3]}}}` {
		t.Errorf("compact delete = %s", got)
	}
}

func TestCompactValueFollowsSpacing(t *testing.T) {
	d := []byte("{\n  \"c\": {\"a\": 1, \"b\": [1, 2]}\n}")
	got, err := Set(d, mustPath(t, "c.d"), []byte(`{"x":"a:b,c","y":[1,2]}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"a": 1, "b": [1, 2], "d": {"x": "a:b,c", "y": [1, 2]}}`; !strings.Contains(string(got), want) {
		t.Errorf("got %s, want it to contain %s", got, want)
	}
}

func TestDedentLeavesOtherLayoutsAlone(t *testing.T) {
	for _, in := range []string{
		"{\"a\": 1,\n   \"b\": 2}",      // last line holds content
		"{\n  \"a\": 1,\n\"b\": 2\n  }", // a line with less indentation
		"{\"a\": [1,\n        2]\n}",    // closing brace at column 0
	} {
		if got := string(Dedent([]byte(in))); got != in {
			t.Errorf("Dedent(%q) = %q", in, got)
		}
	}
}

func TestHasMatchesGet(t *testing.T) {
	doc := []byte(`{"Family": "web", "containerDefinitions": [{"revision": 1}], "esc\u0061ped": true, "status": null}`)
	keys := []string{"family", "revision", "escaped", "status", "tags"}
	got := Has(doc, keys...)
	for i, k := range keys {
		_, want := Get(doc, Path{Key(k)})
		if got[i] != want {
			t.Errorf("Has(%q) = %v, Get finds it: %v", k, got[i], want)
		}
	}
	if !got[0] || got[1] || !got[2] || !got[3] || got[4] {
		t.Errorf("Has = %v, want [true false true true false]", got)
	}
	if h := Has([]byte(`[{"family": 1}]`), "family"); h[0] {
		t.Error("Has found a key in an array document")
	}
}
