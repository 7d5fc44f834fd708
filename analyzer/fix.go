package analyzer

// A rule that can find something the rewrite mends declares how, beside
// its check: Rule.Fix gets each of its fixable findings, with the field
// path the check built (Finding.Field), and edits the document through a
// Fixer. The rewrite (package rewrite) implements the Fixer with its
// layout-preserving editor; it applies the fixes of the findings the audit
// gave and never decides by rule ID what to change.

// FixInput names a value a rule's fix may need that the inputs may not
// give (Rule.FixNeeds): the rewrite fails early, naming the option to
// pass, when a fixable finding's fix needs one nothing gives.
type FixInput uint8

const (
	// NeedsLogRegion: the fix writes an awslogs configuration, whose
	// awslogs-region comes from --log-region or the Region an ARN or ECR
	// image of the task definition names.
	NeedsLogRegion FixInput = 1 << iota
	// NeedsExecutionRole: the fix asks for the execution role (directly,
	// or through the awslogs configuration it writes, which
	// exec-role-awslogs then asks for): --execution-role-arn, or the
	// conventional role in the account an ARN or ECR image names.
	NeedsExecutionRole
)

// Fix mends one fixable finding of its rule on the subject's document
// (the task definition being rewritten, as audited) through x. It may make
// no edit when the finding needs what the inputs do not give (e.g. a
// registry secret nobody passed); the finding then stays.
type Fix func(x Fixer, s *Subject, f Finding)

// Fixer edits the document a finding is about, recording each change under
// the finding's rule, and answers what only the rewrite's options decide.
// Of several edits to one path in a round the first wins, except Append.
type Fixer interface {
	// Set writes v (as JSON) at path, adding the member if need be; Delete
	// removes the member (and an array or object it leaves empty, below a
	// container definition); Append adds v to the array at path. lossy
	// says that behaviour the workload had on EC2 is gone; msg says what
	// changed and why, in one line.
	Set(path Path, v any, lossy bool, msg string)
	Delete(path Path, lossy bool, msg string)
	Append(path Path, v any, lossy bool, msg string)
	// HideBefore keeps the replaced value of the last edit out of the
	// change record (a log configuration may hold tokens); HideValues
	// keeps both values out (an environment value may hold a credential).
	HideBefore()
	HideValues()

	// AwslogsOptions are the awslogs options the rewrite writes for a
	// container: group, Region and stream prefix from its options.
	AwslogsOptions(container string) map[string]string
	// RegistryCredential is the Secrets Manager secret the user gave for a
	// private registry, "" when none.
	RegistryCredential(registry string) string
	// ExecutionRole asks for executionRoleArn, for rule's reason (one of
	// the exec-role rules). The rewrite sets it once a round, after the
	// other fixes, to the user's role or the conventional one, naming every
	// reason asked for, and records the change under the first rule that
	// asked for its own finding (else the first that asked).
	ExecutionRole(rule string)
	// TaskSize sets task cpu and memory together to the cheapest Fargate
	// size that fits the containers (with the rewrite's headroom); once a
	// round, however many sizing findings ask.
	TaskSize()
}

// removeField deletes the flagged member; nothing the workload relied on is
// lost (an explicit default, an option Fargate ignores).
func removeField(x Fixer, _ *Subject, f Finding) { x.Delete(f.Field, false, f.Message) }

// dropField deletes the flagged member, losing what it did on EC2; the
// finding's message says what.
func dropField(x Fixer, _ *Subject, f Finding) { x.Delete(f.Field, true, f.Message) }

// fixTaskSize is the fix of the sizing rules: cpu and memory are chosen
// together, so each of them asks for the one size.
func fixTaskSize(x Fixer, _ *Subject, _ Finding) { x.TaskSize() }

// fixExecutionRole is the fix of the exec-role rules.
func fixExecutionRole(x Fixer, _ *Subject, f Finding) { x.ExecutionRole(f.RuleID) }
