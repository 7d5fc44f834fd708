package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// occurrences records each use of a flag as given, so that the commas of
// one use ("prod-core=subnet-a,subnet-b") stay with it: a string slice
// flag would split them into separate values.
type occurrences struct{ vals []string }

func (o *occurrences) Set(v string) error { o.vals = append(o.vals, v); return nil }
func (o *occurrences) String() string     { return strings.Join(o.vals, " ") }

func occurrencesOf(c *cli.Context, name string) []string {
	if o, ok := c.Generic(name).(*occurrences); ok && o != nil {
		return o.vals
	}
	return nil
}

// readNetworkChoices gathers --subnets, --security-groups and --network.
// Values without CLUSTER= are for every cluster and add up, as before;
// each CLUSTER= value is a choice of its own.
func readNetworkChoices(c *cli.Context) (rewrite.NetworkChoices, error) {
	var n rewrite.NetworkChoices
	var err error
	if n.Subnets, err = flagChoices("--subnets", occurrencesOf(c, "subnets"), "subnet-"); err != nil {
		return n, usagef("%v", err)
	}
	if n.SecurityGroups, err = flagChoices("--security-groups", occurrencesOf(c, "security-groups"), "sg-"); err != nil {
		return n, usagef("%v", err)
	}
	if file := c.String("network"); file != "" {
		subnets, sgs, err := networkFile(file)
		if err != nil {
			return n, usagef("%v", err)
		}
		n.Subnets, n.SecurityGroups = append(n.Subnets, subnets...), append(n.SecurityGroups, sgs...)
	}
	return n, nil
}

func flagChoices(flag string, vals []string, prefix string) ([]rewrite.NetworkChoice, error) {
	var out []rewrite.NetworkChoice
	global := -1
	for _, v := range vals {
		ch, err := rewrite.ParseNetworkChoice(flag, v, prefix)
		if err != nil {
			return nil, err
		}
		if ch.Sel == (rewrite.NetworkSelector{}) && global >= 0 {
			out[global].IDs = append(out[global].IDs, ch.IDs...)
			continue
		}
		if ch.Sel == (rewrite.NetworkSelector{}) {
			global = len(out)
		}
		out = append(out, ch)
	}
	return out, nil
}

// networkEntry is one cluster's entry in a --network file.
type networkEntry struct {
	Subnets        []string `json:"subnets"`
	SecurityGroups []string `json:"securityGroups"`
}

// networkFile reads a --network file: a JSON object whose keys are
// CLUSTER or ACCOUNT/REGION/CLUSTER ("*" for every cluster) and whose
// values give "subnets" and/or "securityGroups".
func networkFile(file string) (subnets, sgs []rewrite.NetworkChoice, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, fmt.Errorf("--network: %w", err)
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, nil, fmt.Errorf("--network %s: want a JSON object of CLUSTER or ACCOUNT/REGION/CLUSTER keys: %w", file, err)
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var e networkEntry
		dec := json.NewDecoder(bytes.NewReader(entries[k]))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, nil, fmt.Errorf("--network %s: key %q: want {\"subnets\": [...], \"securityGroups\": [...]}: %w", file, k, err)
		}
		sel := k
		if k == "*" {
			sel = ""
		}
		s, err := rewrite.ParseNetworkSelector(sel)
		if err != nil {
			return nil, nil, fmt.Errorf("--network %s: key %w", file, err)
		}
		origin := "the network file " + file + " for " + s.String()
		for _, part := range []struct {
			ids    []string
			prefix string
			dst    *[]rewrite.NetworkChoice
			field  string
		}{{e.Subnets, "subnet-", &subnets, "subnets"}, {e.SecurityGroups, "sg-", &sgs, "securityGroups"}} {
			if part.ids == nil {
				continue
			}
			ch, err := rewrite.ParseNetworkChoice(origin, strings.Join(part.ids, ","), part.prefix)
			if err != nil {
				return nil, nil, fmt.Errorf("--network %s: key %q, %s: %w", file, k, part.field, err)
			}
			ch.Sel, ch.Origin = s, origin
			*part.dst = append(*part.dst, ch)
		}
	}
	return subnets, sgs, nil
}
