package reports

// deltaText is one hidden delta as a sentence: "title: amount per month;
// note", or "title: unknown: reason".
func deltaText(d DeltaRow) string {
	if d.Unknown != "" {
		return d.Title + ": unknown: " + d.Unknown
	}
	return d.Title + ": " + d.Monthly.String() + " per month; " + d.Note
}

// deltasTitle heads the hidden deltas wherever they are listed as text.
const deltasTitle = "Hidden deltas of the move (not in the figures above)"
