package reports

// Screen says how the terminal formats draw an audit: how wide, in colour
// or not, and how much. The command fills it from the flags and from
// internal/terminal; the zero value is what a pipe gets: full content, no
// width limit, no colour, the summary screen without per-finding detail.
type Screen struct {
	// Width is the number of columns every table must fit; 0 means no
	// limit (cells keep their full text, the long ones wrapped as in a
	// 140-column table).
	Width int
	// Colour turns on ANSI colours for verdicts and severities.
	Colour bool
	// Details adds the per-service verdicts, every finding and every check
	// that could not run after the summary screen (--details, -v).
	Details bool
	// Service, when set, shows that service (name, cluster/service or
	// region/cluster/service) in full instead of the whole estate.
	Service string
	// Inputs is how the next commands name the inputs, as the user typed
	// them (e.g. "examples/demo-fleet" or "--aws"); empty shows "PATH...".
	Inputs string
}

// inputsArg is Inputs for a command line shown to the user.
func (s Screen) inputsArg() string {
	if s.Inputs == "" {
		return "PATH..."
	}
	return s.Inputs
}
