// Package analyzer is the rule engine: it runs the Fargate rules over a
// fleet and returns findings and a verdict per task definition and service.
//
// Rules are pure functions of the fleet. Nothing in this package reads
// files, talks to AWS or prints; the callers do. Audit runs checks on
// several subjects at once, so a check must not write to the fleet or to
// any other shared state; a lookup that is worth caching belongs in the
// audit's memo (memo.go), filled before the checks start.
//
// A finding carries the path of its field as steps (Finding.Field, built
// with at and idx). A task rule that can call a finding fixable declares
// its fix beside its check (Rule.Fix): the edits that mend it, made
// through a Fixer that package rewrite implements.
package analyzer
