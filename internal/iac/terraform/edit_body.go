package terraform

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// bodyEdit edits one block's body toward the wanted object, member by
// member, per the block's field spec (the same spec the translation read
// it with): a changed attribute gets its new value in place, a removed one
// goes with its line, a new one is added at the end of the block; nested
// blocks are edited the same way when their number stays, else rewritten.
type bodyEdit struct {
	f     *editFile
	where string // resource address, for problems
	probs *[]bodyProblem
}

// bodyProblem is an edit not made, at a line of the file.
type bodyProblem struct {
	line int
	msg  string
}

func (e *bodyEdit) problem(line int, format string, args ...any) {
	*e.probs = append(*e.probs, bodyProblem{line, fmt.Sprintf(format, args...)})
}

// pendingAttr is an attribute to add to a block.
type pendingAttr struct{ name, value string }

// edit edits block's body; before and after are its objects, path their
// path (for problems).
func (e *bodyEdit) edit(block *hclsyntax.Block, spec []field, before, after map[string]any, path string) {
	var addAttrs []pendingAttr
	var addBlocks []string
	for _, k := range keysOf(before, after) {
		b, inB := before[k]
		a, inA := after[k]
		if inB == inA && equalJSON(b, a) {
			continue
		}
		fd := fieldOf(spec, k)
		if fd == nil {
			e.problem(block.DefRange().Start.Line, "%s: the rewrite changes it, but it has no Terraform argument the editor knows; change it by hand", join(path, k))
			continue
		}
		if fd.block == nil {
			if attr, ok := block.Body.Attributes[fd.hcl]; ok {
				if !inA {
					e.removeSpan(attr.SrcRange.Start.Byte, attr.SrcRange.End.Byte, false)
				} else if !isLiteral(attr.Expr) {
					e.problem(attr.SrcRange.Start.Line, "%s is set by an expression (%s), not a literal; the rewrite wants %s: change it by hand", fd.hcl,
						strings.TrimSpace(string(e.f.src[attr.Expr.Range().Start.Byte:attr.Expr.Range().End.Byte])), hclValue(attrValue(*fd, a)))
				} else {
					s, end := offsets(attr.Expr.Range())
					e.f.add(s, end, hclValue(attrValue(*fd, a)))
				}
			} else if inA {
				addAttrs = append(addAttrs, pendingAttr{fd.hcl, hclValue(attrValue(*fd, a))})
			}
			continue
		}
		blocks := blocksOf(block.Body, fd.hcl)
		bl, al := asList(b, inB), asList(a, inA)
		if len(blocks) == len(bl) && len(bl) == len(al) && len(bl) > 0 {
			for i := range blocks {
				bo, _ := bl[i].(map[string]any)
				ao, _ := al[i].(map[string]any)
				e.edit(blocks[i], fd.block, bo, ao, join(path, k)+index(i))
			}
			continue
		}
		if !e.knownWhole(blocks, *fd, bl) {
			e.problem(block.DefRange().Start.Line, "%s: the rewrite changes these blocks, which set values not known statically; change them by hand", join(path, k))
			continue
		}
		for _, old := range blocks {
			e.removeSpan(old.Range().Start.Byte, old.Range().End.Byte, true)
		}
		for _, item := range al {
			if m, ok := item.(map[string]any); ok {
				addBlocks = append(addBlocks, renderBlock(*fd, m))
			}
		}
	}
	e.insertAtEnd(block, addAttrs, addBlocks)
}

// knownWhole reports whether blocks are wholly described by their objects
// (every argument set has its member), so rewriting them loses nothing.
func (e *bodyEdit) knownWhole(blocks []*hclsyntax.Block, fd field, objs []any) bool {
	if len(blocks) != len(objs) {
		return len(blocks) == 0
	}
	for i, b := range blocks {
		o, _ := objs[i].(map[string]any)
		for name := range b.Body.Attributes {
			sub := fieldOfHCL(fd.block, name)
			if sub == nil {
				return false
			}
			if _, ok := o[sub.json]; !ok {
				return false
			}
		}
		for _, nb := range b.Body.Blocks {
			sub := fieldOfHCL(fd.block, nb.Type)
			if sub == nil {
				return false
			}
			if _, ok := o[sub.json]; !ok {
				return false
			}
		}
	}
	return true
}

// removeSpan removes an attribute or block with its line(s).
func (e *bodyEdit) removeSpan(start, end int, block bool) {
	s, t, whole := wholeLines(e.f.src, start, end)
	if whole && block {
		s = blankLineAround(e.f.src, s, t)
	}
	e.f.add(s, t, "")
}

// insertAtEnd adds attributes (aligned as terraform fmt aligns them) and
// blocks before block's closing brace, each group after a blank line.
func (e *bodyEdit) insertAtEnd(block *hclsyntax.Block, attrs []pendingAttr, blocks []string) {
	if len(attrs) == 0 && len(blocks) == 0 {
		return
	}
	src := e.f.src
	closeAt := block.CloseBraceRange.Start.Byte
	if !onlySpaceBefore(src, closeAt) {
		e.problem(block.DefRange().Start.Line, "block %s is written on one line; the editor adds arguments only to blocks written over several lines", block.Type)
		return
	}
	at := lineStart(src, closeAt)
	indent := indentOf(src, closeAt) + "  "
	var b strings.Builder
	prevBlank := at == 0 || lineStart(src, at-1) == lineStart(src, block.OpenBraceRange.Start.Byte) ||
		strings.TrimSpace(string(src[lineStart(src, at-1):at])) == ""
	if len(attrs) > 0 {
		if !prevBlank {
			b.WriteString("\n")
		}
		width := 0
		for _, a := range attrs {
			width = max(width, len(a.name))
		}
		for _, a := range attrs {
			b.WriteString(indent + a.name + strings.Repeat(" ", width-len(a.name)) + " = " + indentValue(a.value, indent) + "\n")
		}
		prevBlank = false
	}
	for _, bl := range blocks {
		if !prevBlank {
			b.WriteString("\n")
		}
		for _, line := range strings.SplitAfter(bl, "\n") {
			if line != "" && line != "\n" {
				b.WriteString(indent + line)
			} else {
				b.WriteString(line)
			}
		}
		prevBlank = false
	}
	e.f.add(at, at, b.String())
}

// indentValue indents the continuation lines of a multi-line value.
func indentValue(v, indent string) string {
	return strings.ReplaceAll(v, "\n", "\n"+indent)
}

// renderBlock writes a block from its object, per its spec, without
// indentation, ending in a newline.
func renderBlock(fd field, obj map[string]any) string {
	var b strings.Builder
	b.WriteString(fd.hcl + " {\n")
	var attrs []pendingAttr
	var nested []string
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return specIndex(fd.block, keys[i]) < specIndex(fd.block, keys[j]) })
	for _, k := range keys {
		sub := fieldOf(fd.block, k)
		if sub == nil {
			continue
		}
		if sub.block == nil {
			attrs = append(attrs, pendingAttr{sub.hcl, hclValue(attrValue(*sub, obj[k]))})
			continue
		}
		for _, item := range asList(obj[k], true) {
			if m, ok := item.(map[string]any); ok {
				nested = append(nested, renderBlock(*sub, m))
			}
		}
	}
	width := 0
	for _, a := range attrs {
		width = max(width, len(a.name))
	}
	for _, a := range attrs {
		b.WriteString("  " + a.name + strings.Repeat(" ", width-len(a.name)) + " = " + indentValue(a.value, "  ") + "\n")
	}
	for _, n := range nested {
		for _, line := range strings.SplitAfter(n, "\n") {
			if line != "" {
				b.WriteString("  " + line)
			}
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// attrValue turns a member's value back into the argument's: tags from
// the API's key/value list to a map, a boolean written as the API's
// ENABLED/DISABLED back to a boolean.
func attrValue(fd field, v any) any {
	switch fd.kind {
	case kTags:
		out := map[string]any{}
		for _, t := range asList(v, true) {
			if m, ok := t.(map[string]any); ok {
				k, _ := m["key"].(string)
				out[k] = m["value"]
			}
		}
		return out
	case kBool:
		if s, ok := v.(string); ok {
			return s == "ENABLED"
		}
	}
	return v
}

func fieldOf(spec []field, member string) *field {
	for i := range spec {
		if spec[i].json == member {
			return &spec[i]
		}
	}
	return nil
}

func fieldOfHCL(spec []field, name string) *field {
	for i := range spec {
		if spec[i].hcl == name {
			return &spec[i]
		}
	}
	return nil
}

func specIndex(spec []field, member string) int {
	for i := range spec {
		if spec[i].json == member {
			return i
		}
	}
	return len(spec)
}

func blocksOf(body *hclsyntax.Body, typ string) []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, b := range body.Blocks {
		if b.Type == typ {
			out = append(out, b)
		}
	}
	return out
}

// asList is a member's value as a list of blocks' objects (a single block
// is an object).
func asList(v any, present bool) []any {
	if !present || v == nil {
		return nil
	}
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

// isLiteral reports whether an expression is a literal value: no
// references and no function calls. The editor replaces only those; an
// expression's value with the module's defaults is not what the code says.
func isLiteral(e hclsyntax.Expression) bool {
	if len(e.Variables()) > 0 {
		return false
	}
	literal := true
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		switch n.(type) {
		case *hclsyntax.FunctionCallExpr, *hclsyntax.ForExpr, *hclsyntax.ConditionalExpr:
			literal = false
		}
		return nil
	})
	return literal
}
