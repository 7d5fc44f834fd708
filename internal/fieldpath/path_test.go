package fieldpath

import "testing"

// TestStringWritesTheOutputsNotation pins what findings show as their path:
// identifier keys after dots, indices in brackets, other keys quoted.
func TestStringWritesTheOutputsNotation(t *testing.T) {
	for _, c := range []struct {
		p    Path
		want string
	}{
		{Keys("networkMode"), "networkMode"},
		{Keys("deploymentController", "type"), "deploymentController.type"},
		{Path{Key("containerDefinitions"), Index(1), Key("linuxParameters"), Key("capabilities"), Key("add"), Index(0)},
			"containerDefinitions[1].linuxParameters.capabilities.add[0]"},
		{Path{Key("containerDefinitions"), Index(0), Key("logConfiguration"), Key("options"), Key("awslogs-group")},
			`containerDefinitions[0].logConfiguration.options["awslogs-group"]`},
		{Keys("a.b"), `["a.b"]`},
		{nil, ""},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
		if c.want == "" {
			continue
		}
		back, err := Parse(c.want)
		if err != nil || !back.Equal(c.p) {
			t.Errorf("Parse(%q) = %v, %v; want %#v", c.want, back, err, c.p)
		}
	}
}

func TestElementAndPrefix(t *testing.T) {
	p := Path{Key("containerDefinitions"), Index(2), Key("image")}
	if i, ok := p.Element("containerDefinitions"); !ok || i != 2 {
		t.Errorf("Element = %d, %t", i, ok)
	}
	if _, ok := p.Element("volumes"); ok {
		t.Error("Element of another array succeeded")
	}
	if _, ok := Keys("containerDefinitions").Element("containerDefinitions"); ok {
		t.Error("Element without an index succeeded")
	}
	if !p.HasPrefix(p[:2]) || p.HasPrefix(Keys("volumes")) || p[:2].HasPrefix(p) {
		t.Error("HasPrefix")
	}
	if !p.Parent().Equal(Path{Key("containerDefinitions"), Index(2)}) || p.Equal(p.Parent()) {
		t.Error("Parent or Equal")
	}
	q := p.Parent().Child(Key("links"), Index(0))
	if q.String() != "containerDefinitions[2].links[0]" || p.String() != "containerDefinitions[2].image" {
		t.Errorf("Child = %s (and p = %s)", q, p)
	}
}

// TestStringOfOneKeyIsAppend: a path of one key is written as Append
// writes it (a top-level identifier without a copy), whatever the key.
func TestStringOfOneKeyIsAppend(t *testing.T) {
	for _, k := range []string{"family", "taskDefinitionArn", "a.b", "", "0", "a b", "-x", "é", `"q"`, "_id9", "9a"} {
		p := Keys(k)
		if got, want := p.String(), string(p.Append(nil)); got != want {
			t.Errorf("Keys(%q).String() = %q, Append writes %q", k, got, want)
		}
	}
	p := Keys("taskDefinitionArn")
	if n := testing.AllocsPerRun(100, func() { _ = p.String() }); n != 0 {
		t.Errorf("a top-level identifier's String allocates %v times", n)
	}
	if got := (Path{Index(3)}).String(); got != "[3]" {
		t.Errorf("an index alone is %q", got)
	}
}
