package analyzer

var ephemeralStorageRange = Rule{
	ID:       "ephemeral-storage-range",
	Scope:    ScopeTask,
	Severity: Fixable,
	Title:    "`ephemeralStorage.sizeInGiB` is below the accepted range",
	Rationale: "Fargate gives every task 20 GiB of ephemeral storage by default, and `sizeInGiB` accepts 21 to 200; a smaller " +
		"value (including 20, which some older pages still allow) is rejected.",
	Remediation: "Omit the `ephemeralStorage` block to get the 20 GiB default (the rewrite does). Sizes above 200 GiB are reported by ephemeral-storage-capacity.",
	References: []string{
		"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html",
		"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html",
	},
	Check: checkEphemeralStorageRange,
	Fix:   fixEphemeralStorageRange,
}

// Ephemeral storage limits in GiB (API_EphemeralStorage).
const (
	ephemeralDefaultGiB = 20
	ephemeralMinGiB     = 21
	ephemeralMaxGiB     = 200
)

func checkEphemeralStorageRange(s *Subject) []Finding {
	es := s.Def().EphemeralStorage
	if es == nil || es.SizeInGiB >= ephemeralMinGiB {
		return nil
	}
	return s.one(Flag(at("ephemeralStorage", "sizeInGiB"), es.SizeInGiB,
		"ephemeral storage of %d GiB is below the accepted minimum of %d; the block is removed and the task gets the %d GiB default",
		es.SizeInGiB, ephemeralMinGiB, ephemeralDefaultGiB))
}

// fixEphemeralStorageRange removes the block, leaving Fargate's default.
func fixEphemeralStorageRange(x Fixer, _ *Subject, f Finding) {
	x.Delete(at("ephemeralStorage"), false, f.Message)
}
