// Package migrate carries out a runbook.Plan through the AWS SDK: the
// same steps, in the same order, that runbook.sh runs with the AWS CLI.
// Every step is written to a Journal before and after it runs, so an
// interrupted run resumes where it stopped and a service's steps can be
// undone newest first.
package migrate
