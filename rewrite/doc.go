// Package rewrite turns EC2-launch-type task definitions and services into
// their Fargate form.
//
// A rewrite is a list of edits, each with the rule ID of the audit finding it
// fixes, made by that rule's fix (analyzer.Rule.Fix, through the Fixer a
// round implements) and applied to the original JSON document's bytes: key order, number
// formatting, user-owned map keys and fields newer than our SDK survive
// unless an edit touches them. New documents (update-service,
// create-target-group, create-service requests) are built fresh, since no
// input document has their shape, from the settings the service rules'
// fixes ask for (analyzer.Rule.FixService, through the ServiceFixer
// serviceFixer implements; docs/rewrite-service.md).
package rewrite
