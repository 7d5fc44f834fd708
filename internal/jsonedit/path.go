package jsonedit

import "github.com/ecs2fargate/ecs2fargate/internal/fieldpath"

// Path addresses a value inside a document, e.g.
// containerDefinitions[0].logConfiguration.options["awslogs-group"]; it is
// the model's field path (package fieldpath), which the audit's findings
// carry, so an edit takes a finding's path as it is.
type Path = fieldpath.Path

// Step is one element of a Path: an object key or an array index.
type Step = fieldpath.Step

// Key and Index build steps.
func Key(k string) Step { return fieldpath.Key(k) }
func Index(i int) Step  { return fieldpath.Index(i) }

// ParsePath reads the analyzer's path notation (fieldpath.Parse).
func ParsePath(s string) (Path, error) { return fieldpath.Parse(s) }
