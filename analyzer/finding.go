package analyzer

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
)

// Finding is one rule firing on one field.
type Finding struct {
	RuleID   string   `json:"ruleId"`
	Severity Severity `json:"severity"`
	// Account and Region are the subject's (see fleet.Identity); empty when
	// the inputs did not say.
	Account        string `json:"account"`
	Region         string `json:"region"`
	Cluster        string `json:"cluster"`
	Service        string `json:"service"`
	TaskDefinition string `json:"taskDefinition"`
	Container      string `json:"container"`
	// Field is the path of the field inside its document, as the rule
	// built it; a fix edits the member it names.
	Field Path `json:"-"`
	// Path is Field written out, e.g.
	// containerDefinitions[1].linuxParameters.capabilities.add[0].
	Path string `json:"path"`
	// Value is the offending value as JSON text (strings unquoted); never a
	// secret or an environment value.
	Value      string `json:"value"`
	Message    string `json:"message"`
	Unverified bool   `json:"unverified,omitempty"`
	// File and DocPath locate the document the finding is about.
	File    string `json:"file,omitempty"`
	DocPath string `json:"-"`

	// needs marks a check that could not run; see NotChecked.
	needs string
	// sure marks a finding that does not rest on the rule's Unverified fact
	// (set by Sure), so the engine leaves Unverified false.
	sure bool
}

// NotChecked records a rule that could not be evaluated for lack of data.
type NotChecked struct {
	RuleID         string `json:"ruleId"`
	Account        string `json:"account"`
	Region         string `json:"region"`
	Cluster        string `json:"cluster"`
	Service        string `json:"service"`
	TaskDefinition string `json:"taskDefinition"`
	Container      string `json:"container"`
	Needs          string `json:"needs"`
}

// Flag builds a finding for the field at path (built with at and idx).
func Flag(path Path, value any, format string, args ...any) Finding {
	sc := flagScratches.Get().(*flagScratch)
	b := path.Append(sc.buf[:0])
	pathText := sc.text(b)
	b = fmt.Appendf(b[:0], format, args...)
	message := sc.text(b)
	sc.buf = b[:0]
	valueText := sc.value(value)
	flagScratches.Put(sc)
	return Finding{Field: path, Path: pathText, Value: valueText, Message: message}
}

// Unchecked reports that the rule could not be evaluated and what data it
// needs (e.g. "the target group's type: add aws elbv2 describe-target-groups output").
func Unchecked(needs string) Finding { return Finding{needs: needs} }

// IsUnchecked reports whether the finding only says that its rule could
// not be evaluated (see Unchecked), for callers that run checks directly.
func (f Finding) IsUnchecked() bool { return f.needs != "" }

// In attaches a container name to a finding.
func (f Finding) In(container string) Finding { f.Container = container; return f }

// Sure says this finding does not depend on the fact the rule marks as
// unverified (e.g. cap-add's blockers hold whatever Fargate's default
// capability set is; only its "default-set entry" findings rest on it).
func (f Finding) Sure() Finding { f.sure = true; return f }

// As overrides the rule's severity for this finding.
func (f Finding) As(s Severity) Finding { f.Severity = s; return f }

// renderValue gives the value as JSON text; strings stay unquoted, nil and
// nil pointers give "".
func renderValue(v any) string {
	rv, ok := pointee(v)
	if !ok {
		return ""
	}
	if rv.Kind() == reflect.String {
		return rv.String()
	}
	return string(valueJSON(rv))
}

// pointee is v with its pointers followed; false for nil and a nil
// pointer, which render as "".
func pointee(v any) (reflect.Value, bool) {
	if v == nil {
		return reflect.Value{}, false
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return reflect.Value{}, false
		}
		rv = rv.Elem()
	}
	return rv, true
}

// valueJSON is rv's JSON text, or fmt's text of it when it has none.
func valueJSON(rv reflect.Value) []byte {
	b, err := json.Marshal(rv.Interface())
	if err != nil {
		return []byte(fmt.Sprint(rv.Interface()))
	}
	return b
}

// sortFindings orders by cluster (a service's cluster then by account and
// region, so each cluster's findings stay together), service, task
// definition, container, rule, path, and account and region last, so
// output is the same on every run and a fleet whose names are unique reads
// in the order it had before identities.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Cluster != b.Cluster {
			return a.Cluster < b.Cluster
		}
		if a.Cluster != "" && (a.Account != b.Account || a.Region != b.Region) {
			return a.Account < b.Account || a.Account == b.Account && a.Region < b.Region
		}
		for _, p := range [][2]string{
			{a.Service, b.Service}, {a.TaskDefinition, b.TaskDefinition},
			{a.Container, b.Container}, {a.RuleID, b.RuleID}, {a.Path, b.Path}, {a.Account, b.Account}, {a.Region, b.Region},
		} {
			if p[0] != p[1] {
				return p[0] < p[1]
			}
		}
		return false
	})
}
