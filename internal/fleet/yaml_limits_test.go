package fleet

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The converter's count of indentation is what json.Indent adds: the
// indented document is exactly the compact one plus it.
func TestYAMLConverterCountsTheIndentation(t *testing.T) {
	for _, doc := range []string{
		"a: 1\n",
		"a: [1, [2, [3, []]], {}]\nb: {c: {d: [x, y]}}\n",
		"taskDefinition:\n  family: web\n  containerDefinitions:\n    - name: app\n      image: nginx\n      portMappings: [{containerPort: 80}]\n",
		"[]\n",
		"{}\n",
		"- - - 1\n",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
			t.Fatal(err)
		}
		c := yamlConverter{}
		if err := c.value(&n, 0); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		indented, yerr := yamlToJSON(&n)
		if yerr != nil {
			t.Fatal(yerr)
		}
		if got, want := len(c.out)+c.indent, len(indented); got != want {
			t.Errorf("%q: compact %d + counted indentation %d = %d, want the indented document's %d bytes:\n%s", doc, len(c.out), c.indent, got, want, indented)
		}
	}
}

// A small YAML file nested thousands deep is refused as too deep to read
// before its indented JSON (mostly spaces) is built, and so is one whose
// aliases expand, deep down, into more lines than the bound.
func TestDeepYAMLIsRefusedBeforeItsIndentation(t *testing.T) {
	deep := "taskDefinition:\n  family: z\n  containerDefinitions: " + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + "\n"
	var aliased bytes.Buffer
	aliased.WriteString("x: &a [" + strings.TrimSuffix(strings.Repeat("1,", 4000), ",") + "]\ny: ")
	for range 300 {
		aliased.WriteString("[")
	}
	aliased.WriteString(strings.TrimSuffix(strings.Repeat("*a,", 40), ","))
	for range 300 {
		aliased.WriteString("]")
	}
	aliased.WriteString("\n")
	for name, doc := range map[string][]byte{"deep": []byte(deep), "aliased": aliased.Bytes()} {
		var n yaml.Node
		if err := yaml.Unmarshal(doc, &n); err != nil {
			t.Fatal(err)
		}
		c := yamlConverter{}
		err := c.value(&n, 0)
		if err == nil || !strings.Contains(err.msg, "too deeply") {
			t.Errorf("%s: %v, want it refused as too deep", name, err)
		}
		if len(c.out) > 1<<20 {
			t.Errorf("%s: the converter wrote %d bytes before refusing", name, len(c.out))
		}
		if _, diags := LoadBytes(name+".yaml", doc); len(diags) == 0 || !strings.Contains(diags[0].String(), "too deeply") {
			t.Errorf("%s: loading gave %v, want the too-deep error", name, diags)
		}
	}
}
