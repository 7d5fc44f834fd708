// Package analyzer is the rule engine: it runs the Fargate rules over a
// fleet and returns findings and a verdict per task definition and service.
//
// Rules are pure functions of the fleet. Nothing in this package reads
// files, talks to AWS or prints; the callers do.
package analyzer
