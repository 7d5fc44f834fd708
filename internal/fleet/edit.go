package fleet

// Rewriting infrastructure as code in place (README "Rewriting Terraform
// and CloudFormation in place"): the rewrite works on the fleet model as
// for any input and gives, per translated resource, the document it wants
// (Rewrite). An Editor, the Translator that read the unit, turns those
// wishes into edits of the unit's files in the file's own style, keeping
// every byte outside the edited spans. The command shows the edits as a
// diff, writes them in place, or writes a copy of the tree.

// An Editor is a Translator that can write rewrites back into the source
// it read.
type Editor interface {
	Translator
	// Edit reads the unit's files afresh and returns the edits that give
	// the unit's resources their rewrites. rewrites name resources of this
	// unit only. An edit that cannot be made is a Diagnostic naming the
	// file, resource and field; the other edits are still returned.
	Edit(unit []string, rewrites []Rewrite) EditResult
}

// RewriteKind says what a Rewrite's resource is.
type RewriteKind string

const (
	RewriteTaskDefinition RewriteKind = "task-definition"
	RewriteService        RewriteKind = "service"
	RewriteTargetGroup    RewriteKind = "target-group"
)

// Rewrite is what the rewrite wants of one translated resource.
type Rewrite struct {
	// File and Name name the resource as translated (Translated.File and
	// Translated.Name: the IaC file and the resource's address or logical
	// ID).
	File, Name string
	Kind       RewriteKind
	// Prefix is the resource object's path inside the Translated's Data
	// ("services[0]" for a service, "" for a task definition): Before and
	// After are that object, and every path below is relative to it.
	Prefix string
	// Before is the object as translated; After is the object as the
	// rewrite wants it, in the same shape (the API's member names). The
	// editor writes the difference. Members of Before that Unknown lists
	// (values not known statically) are absent from both and left alone.
	Before, After []byte
	// Inputs are values After needs but that neither the source nor the
	// user gave (the subnets and security groups of a service's awsvpc
	// configuration when they cannot be derived): by path in After (absent
	// there), what the value is. The editor adds a variable (Terraform) or
	// a parameter (CloudFormation) for each, never a placeholder string.
	Inputs map[string]string
	// Replacement, for a target group, is the name the rewrite gives the
	// ip target group that stands in for this instance one (a target
	// group's type cannot change in place): the editor adds the new
	// resource beside the old one and points the services' load balancers
	// that use the old one at it (After of those services keeps the old
	// resource's ARN as translated; the editor redirects it).
	Replacement string
	// Changes are the rewrite's explanations of the difference, for notes
	// the editor attaches to its edits.
	Changes []string
}

// EditResult is what an Editor makes of a unit's rewrites.
type EditResult struct {
	// Files are the files the edits change, each with its bytes as read
	// and as edited (Before lets the caller refuse to write over a file
	// that changed since).
	Files []FileEdit
	// Notes say what the edits do that the reader of the diff must know:
	// a resource the change replaces (and the pattern written to keep the
	// service up), a variable or parameter added for the user to set.
	Notes []EditNote
	// Diagnostics are the edits that could not be made, with why.
	Diagnostics []Diagnostic
}

// FileEdit is one file's bytes as read and as edited.
type FileEdit struct {
	Path          string
	Before, After []byte
}

// EditNote is one thing an edit does that its reader must know.
type EditNote struct {
	File     string
	Line     int
	Resource string // the resource's address or logical ID
	Text     string
	// Replaces is true when applying the edit replaces the resource
	// (Terraform plans a destroy and create; CloudFormation a replacement).
	Replaces bool
}

// EditorOf gives the Editor that translated file and the unit it read
// file in, when file is an IaC file whose Translator can edit.
func (f *Fleet) EditorOf(file string) (Editor, []string, bool) {
	u, ok := f.units[file]
	if !ok {
		return nil, nil, false
	}
	e, ok := u.translator.(Editor)
	if !ok {
		return nil, nil, false
	}
	return e, u.files, true
}

// TranslatedPrefix gives the path inside its Translated's Data of the
// document filed under src (Doc.Source of a translated task definition,
// service or target group): Rewrite.Prefix. ok is false when src is not a
// translated resource.
func (f *Fleet) TranslatedPrefix(src Source) (prefix string, ok bool) {
	for _, t := range f.translated[src.File] {
		if t.name == src.Path {
			return t.prefix, true
		}
	}
	return "", false
}

// IaCKind names the kind of infrastructure as code file was translated
// from ("Terraform", "CloudFormation": its Translator's Kind), or "" when
// file is not IaC.
func (f *Fleet) IaCKind(file string) string {
	u, ok := f.units[file]
	if !ok {
		return ""
	}
	return u.translator.Kind()
}
