package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// ruleJSON is a rule as the rules command's JSON shows it.
type ruleJSON struct {
	ID       string `json:"id"`
	Scope    string `json:"scope"`
	Severity string `json:"severity"`
	// Severities are all the severities the audit can give the rule's
	// findings (Severity among them), highest first.
	Severities  []string `json:"severities"`
	Title       string   `json:"title"`
	Rationale   string   `json:"rationale"`
	Remediation string   `json:"remediation"`
	Fallback    string   `json:"fallback,omitempty"`
	Unverified  string   `json:"unverified,omitempty"`
	References  []string `json:"references"`
}

// RenderRules writes the rule catalogue as a table, JSON or Markdown.
func RenderRules(w io.Writer, format string, rules []analyzer.Rule) error {
	switch format {
	case "table":
		t := newTable(w, "RULE", "SCOPE", "SEVERITY", "TITLE")
		for _, r := range rules {
			if err := t.Append(r.ID, string(r.Scope), r.SeverityText(), r.Title); err != nil {
				return err
			}
		}
		return t.Render()
	case "json":
		out := make([]ruleJSON, len(rules))
		for i, r := range rules {
			out[i] = ruleJSON{r.ID, string(r.Scope), r.Severity.String(), severityNames(r), r.Title, r.Rationale, r.Remediation, r.Fallback, r.Unverified, r.References}
		}
		return writeJSON(w, out)
	case "markdown":
		return rulesMarkdown(w, rules)
	}
	return fmt.Errorf("unknown format %q (want table, json or markdown)", format)
}

// rulesMarkdown is the catalogue as the README shows it.
func rulesMarkdown(w io.Writer, rules []analyzer.Rule) error {
	var b strings.Builder
	b.WriteString("| Rule | Scope | Severity | What it finds |\n|---|---|---|---|\n")
	for _, r := range rules {
		title := mdCell(r.Title)
		if r.Unverified != "" {
			title += " (partly unverified)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Scope, r.SeverityText(), title)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ExplainRule writes everything known about one rule, for `rules explain`.
func ExplainRule(w io.Writer, r analyzer.Rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Severity:    %s\nScope:       %s\n\n", r.SeverityText(), r.Scope)
	fmt.Fprintf(&b, "Why:\n%s\n\n", wrap(r.Rationale, 78, "  "))
	fmt.Fprintf(&b, "What to do:\n%s\n\n", wrap(r.Remediation, 78, "  "))
	if r.Fallback != "" {
		fmt.Fprintf(&b, "If it cannot be fixed:\n%s\n\n", wrap(r.Fallback, 78, "  "))
	}
	if r.Unverified != "" {
		fmt.Fprintf(&b, "Unverified:\n%s\n\n", wrap(r.Unverified, 78, "  "))
	}
	b.WriteString("References:\n")
	for _, ref := range r.References {
		fmt.Fprintf(&b, "  %s\n", ref)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks text into lines of at most width runes, each indented.
// longWord is the length above which wrap may cut a word.
const longWord = 32

func wrap(text string, width int, indent string) string {
	var lines []string
	line, lineLen := "", 0 // lineLen in runes: names and messages may hold any letter
	for _, word := range strings.Fields(text) {
		runes := []rune(word)
		for cut := len(runes) > longWord; cut && len(runes) > width && width > 0; {
			// A long word wider than the column (an image reference, an
			// ARN) is cut, or it alone would widen the table past its
			// limit; shorter ones (a variable name) stay whole. It is
			// cut between characters, never inside one.
			if line != "" {
				lines = append(lines, indent+line)
				line, lineLen = "", 0
			}
			lines = append(lines, indent+string(runes[:width]))
			runes = runes[width:]
		}
		word = string(runes)
		switch {
		case line != "" && lineLen+1+len(runes) > width:
			lines = append(lines, indent+line)
			line, lineLen = word, len(runes)
		case line == "":
			line, lineLen = word, len(runes)
		default:
			line, lineLen = line+" "+word, lineLen+1+len(runes)
		}
	}
	if line != "" {
		lines = append(lines, indent+line)
	}
	return strings.Join(lines, "\n")
}

// mdCell escapes a value for a Markdown table cell.
func mdCell(s string) string { return mdCellEscaper.Replace(s) }

// mdCellEscaper is built once: building a Replacer per cell was a tenth
// of rewrite --out's allocations (issue 17).
var mdCellEscaper = strings.NewReplacer("|", "\\|", "\n", " ")

func severityNames(r analyzer.Rule) []string {
	var out []string
	for _, s := range r.Severities() {
		out = append(out, s.String())
	}
	return out
}
