package cloudformation

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/internal/fieldpath"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

var _ fleet.Editor = Translator{}

// Edit writes the rewrites of a template's resources into the template, in
// its own format (YAML or JSON), keeping every byte outside the edited
// spans: task definition properties, a service's switch from LaunchType
// to a Fargate capacity provider strategy with its awsvpc network
// configuration (new Parameters for subnets and security groups the
// rewrite cannot derive), and an ip target group beside each instance one
// (README "CloudFormation and CDK templates").
func (Translator) Edit(unit []string, rewrites []fleet.Rewrite) fleet.EditResult {
	var res fleet.EditResult
	for _, file := range unit {
		var mine []fleet.Rewrite
		for _, rw := range rewrites {
			if rw.File == file {
				mine = append(mine, rw)
			}
		}
		if len(mine) == 0 {
			continue
		}
		editFile(file, mine, &res)
	}
	return res
}

func editFile(file string, rewrites []fleet.Rewrite, res *fleet.EditResult) {
	src, err := os.ReadFile(file)
	if err != nil {
		res.Diagnostics = append(res.Diagnostics, fleet.Diagnostic{File: file, Level: fleet.LevelError, Message: fmt.Sprintf("cannot read: %v", err)})
		return
	}
	if IsCDKOutput(file) {
		res.Diagnostics = append(res.Diagnostics, fleet.Diagnostic{File: file, Level: fleet.LevelWarning,
			Message: "not edited: this template was synthesized by the AWS CDK (cdk.out) and cdk synth overwrites it; make the changes in the CDK app's source " +
				"(each resource's construct path is in its Metadata aws:cdk:path)"})
		return
	}
	e, err := newTemplateEditor(file, src)
	if err != nil {
		res.Diagnostics = append(res.Diagnostics, fleet.Diagnostic{File: file, Level: fleet.LevelError, Message: err.Error()})
		return
	}
	ed := &fileEdit{e: e, res: res, read: e.t, replaced: map[string]string{}, unknown: unknownPaths(e.t)}
	notesBefore := len(res.Notes)
	// Target groups first, so that services can point at the new ones.
	slices.SortStableFunc(rewrites, func(a, b fleet.Rewrite) int { return kindOrder(a.Kind) - kindOrder(b.Kind) })
	for _, rw := range rewrites {
		ed.rewrite(rw)
	}
	// Notes point at the resource in the file as edited, where the reader
	// of the diff looks.
	for i := notesBefore; i < len(res.Notes); i++ {
		if r := e.t.Resource(res.Notes[i].Resource); r != nil {
			res.Notes[i].Line = r.Key.Line
		}
	}
	if !bytes.Equal(src, e.src) {
		res.Files = append(res.Files, fleet.FileEdit{Path: file, Before: src, After: e.src})
	}
}

func kindOrder(k fleet.RewriteKind) int {
	switch k {
	case fleet.RewriteTargetGroup:
		return 0
	case fleet.RewriteTaskDefinition:
		return 1
	}
	return 2
}

// fileEdit is the state of editing one template.
type fileEdit struct {
	e        *templateEditor
	res      *fleet.EditResult
	read     *Template         // the template as read: diagnostics point into it
	replaced map[string]string // old target group logical ID → new
	// unknown lists, by logical ID, the paths whose values the template
	// computes at deployment: the rewrite leaves them as written.
	unknown map[string][]string
}

// unknownPaths translates the template as read to learn, per resource,
// which values are not known statically.
func unknownPaths(t *Template) map[string][]string {
	docs, _ := Translate(t)
	out := map[string][]string{}
	for _, d := range docs {
		for p := range d.Unknown {
			out[d.Resource.ID] = append(out[d.Resource.ID], strings.ToLower(p))
		}
	}
	return out
}

// leavesAlone reports whether an op touches a value the template computes
// at deployment: such values stay as written. The rewrite's objects lack
// them, so an op at or inside one is not the rewrite's wish; nor is a
// value replaced whole around one. Removing a member that holds one is
// (placement constraints with a computed expression).
func (f *fileEdit) leavesAlone(id string, o op) bool {
	p := strings.ToLower(plainPath(o.path))
	for _, u := range f.unknown[id] {
		if under(p, u) || o.kind != opDelete && under(u, p) {
			return true
		}
	}
	return false
}

// under reports whether path p is q or inside it.
func under(p, q string) bool {
	rest, ok := strings.CutPrefix(p, q)
	return ok && (rest == "" || rest[0] == '.' || rest[0] == '[')
}

// plainPath writes p as the translation's paths are written (a.b[0].c,
// keys as they are).
func plainPath(p fieldpath.Path) string {
	var b strings.Builder
	for _, st := range p {
		if st.IsIndex {
			b.WriteString("[" + strconv.Itoa(st.Index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(st.Key)
	}
	return b.String()
}

func (f *fileEdit) diag(id string, path fieldpath.Path, format string, args ...any) {
	d := fleet.Diagnostic{File: f.e.file, Level: fleet.LevelWarning, Path: id, Message: fmt.Sprintf(format, args...)}
	if len(path) > 0 {
		d.Path += "." + path.String()
	}
	if r := f.read.Resource(id); r != nil {
		d.Line, d.Column = r.Key.Line, r.Key.Column
	}
	f.res.Diagnostics = append(f.res.Diagnostics, d)
}

func (f *fileEdit) note(id string, replaces bool, format string, args ...any) {
	n := fleet.EditNote{File: f.e.file, Resource: id, Replaces: replaces, Text: fmt.Sprintf(format, args...)}
	f.res.Notes = append(f.res.Notes, n)
}

// ops is the difference a rewrite asks for, in the API's names.
func (f *fileEdit) ops(rw fleet.Rewrite) ([]op, bool) {
	before, err1 := decodeOrdered(rw.Before)
	after, err2 := decodeOrdered(rw.After)
	if err := cmpErr(err1, err2); err != nil {
		f.diag(rw.Name, nil, "cannot read the rewrite of this resource: %v", err)
		return nil, false
	}
	var kept []op
	for _, o := range diff(before, after, nil, nil) {
		if !f.leavesAlone(rw.Name, o) {
			kept = append(kept, o)
		}
	}
	return kept, true
}

func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// applyAll makes the ops on resource id, reporting each that cannot be
// made and going on with the others.
func (f *fileEdit) applyAll(id string, ops []op, nm names) {
	for _, o := range ops {
		r := f.e.t.Resource(id)
		if r == nil {
			f.diag(id, nil, "the resource is not in the template any more")
			return
		}
		if pl := f.e.locate(r, o.path, nm); pl.fn != "" && len(pl.rest) == 0 && o.kind == opSet {
			f.note(id, false, "%s was computed by %s; the rewrite writes its value there instead", o.path, pl.fn)
		}
		if err := f.e.apply(r, o, nm); err != nil {
			f.diag(id, o.path, "not edited: %v", err)
		}
	}
}

func (f *fileEdit) rewrite(rw fleet.Rewrite) {
	r := f.e.t.Resource(rw.Name)
	if r == nil {
		f.diag(rw.Name, nil, "not edited: the template has no resource %s", rw.Name)
		return
	}
	switch rw.Kind {
	case fleet.RewriteTargetGroup:
		f.targetGroup(rw)
	case fleet.RewriteService:
		f.service(rw)
	default:
		ops, ok := f.ops(rw)
		if !ok {
			return
		}
		f.applyAll(rw.Name, ops, namesByType[r.Type])
		if len(ops) > 0 {
			// Every property of AWS::ECS::TaskDefinition is create-only: the
			// stack registers a new revision.
			f.note(rw.Name, false, "CloudFormation registers a new revision of this task definition (its properties are create-only) and the services that Ref it move to it")
		}
	}
}
