package fleet

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// locateYAML is Locate for a YAML input: where each wanted path (the path
// of the JSON the document was converted to) starts in the YAML, found on
// the nodes the parser kept. A path that is absent resolves to its
// nearest present ancestor.
func locateYAML(data []byte, wanted []string) map[string]Position {
	roots, single, _ := yamlDocuments(data) // documents before an error still count
	want := ancestors(wanted)
	found := map[string]Position{}
	for i, root := range roots {
		path := ""
		if !single {
			path = "[" + strconv.Itoa(i) + "]"
			found[path] = Position{Line: root.Line, Column: root.Column}
		}
		if want[path] {
			walkYAML(root, path, want, found)
		}
	}
	out := make(map[string]Position, len(wanted))
	for _, p := range wanted {
		for q := p; ; q = ParentPath(q) {
			if pos, ok := found[q]; ok {
				out[p] = pos
				break
			}
			if q == "" {
				break
			}
		}
	}
	return out
}

// walkYAML records the position of every wanted path under n: a mapping
// member at its key, a sequence item at the item.
func walkYAML(n *yaml.Node, path string, want map[string]bool, found map[string]Position) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := joinPath(path, k.Value)
			if want[p] {
				found[p] = Position{Line: k.Line, Column: k.Column}
				walkYAML(n.Content[i+1], p, want, found)
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			if want[p] {
				found[p] = Position{Line: item.Line, Column: item.Column}
				walkYAML(item, p, want, found)
			}
		}
	}
}
