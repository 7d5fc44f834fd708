package fleet

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader. It must never panic; every
// problem must be a diagnostic naming the input; and whatever it read must
// survive a snapshot round trip. Plain `go test` runs the seeds: the
// fixtures under testdata/shapes, the cases below and testdata/fuzz.
func FuzzLoad(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join(shapesDir, "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", " ", "{}", "[]", "null", `"x"`, "{", `{"services": null}`, `{"services": [null, 1, "a", {}]}`,
		`{"taskDefinition": null, "tags": "x"}`, `{"containerDefinitions": {}}`, `{"Reservations": [{"Instances": [{}]}, 3]}`,
		`{"schemaVersion": 1, "taskDefinitions": [{"taskDefinition": null}], "containerInstances": [{}]}`,
		`{"schemaVersion": 1, "services": [{"serviceName": "a", "clusterArn": "c"}, {"serviceName": "a", "clusterArn": "c"}]}`,
		`{"services": [{"serviceName": "\u00e9\ud800", "createdAt": 1e400, "desiredCount": 1.5}], "failures": [{"arn": 1}]}`,
		`{"family": "a", "revision": 99999999999, "containerDefinitions": [{"dockerLabels": {"a b": "c"}}]}`,
		"\xef\xbb\xbf{\"services\": []}", `{"SERVICES": [], "services": []}`, `{"a":1}{"b":2}`,
		`{"services": [{"serviceName": "a", "ServiceName": "b"}, {"ſerviceName": "c", "tags": [{"key": 1}]}]}`,
		`{"Reservations": [null, {"Instances": [{"InstanceId": "i-\u0031", "CpuOptions": {"CoreCount": 2.0}}]}]}`,
		`["\`, `{"a": "b\`,
	} {
		f.Add([]byte(s))
	}
	for _, s := range foldCases {
		if len(s) < 1000 { // not the deeply nested ones: the fuzzer grows them into inputs that time out elsewhere
			f.Add([]byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, diags := LoadBytes("fuzz.json", data)
		for _, d := range diags {
			if d.File != "fuzz.json" || d.Message == "" || d.Level != LevelError && d.Level != LevelWarning {
				t.Errorf("diagnostic without file, level or message: %+v", d)
			}
		}
		paths := make([]string, len(diags))
		for i, d := range diags {
			paths[i] = d.Path
		}
		Locate(data, paths)
		checkSplit(t, data)
		checkSplitValid(t, data)
		checkOffsets(t, data)
		if validJSON(data) != json.Valid(data) {
			t.Errorf("validJSON %v, json.Valid %v", validJSON(data), json.Valid(data))
		}
		checkSnapshotRoundTrip(t, fl, HasErrors(diags))
		slow, slowDiags := loadBytesJSONOnly("fuzz.json", data)
		sameLoad(t, "fuzz input", fl, diags, slow, slowDiags)
		checkFolded(t, data, fl, diags)
		checkObjectMembers(t, data)
	})
}

// checkObjectMembers compares objectMembers with json.Unmarshal into a map
// of raw members, on valid input.
func checkObjectMembers(t *testing.T, data []byte) {
	if !json.Valid(data) {
		return
	}
	got, ok := objectMembers(data)
	var want map[string]json.RawMessage
	err := json.Unmarshal(data, &want)
	if ok != (err == nil) || !reflect.DeepEqual(got, want) {
		t.Errorf("objectMembers: %v, %v; json.Unmarshal: %v, %v", got, ok, want, err)
	}
}

// checkSplit compares split with encoding/json on valid input.
func checkSplit(t *testing.T, data []byte) {
	if !json.Valid(data) {
		split(data) // must not panic either
		return
	}
	kind, keys, vals := split(data)
	var obj map[string]json.RawMessage
	var arr []json.RawMessage
	switch {
	case json.Unmarshal(data, &obj) == nil && obj != nil:
		got := map[string]json.RawMessage{}
		for i, k := range keys {
			got[k] = vals[i]
		}
		if kind != '{' || !reflect.DeepEqual(got, obj) {
			t.Errorf("split of an object: kind %q, %d members; json.Unmarshal finds %d", kind, len(got), len(obj))
		}
	case json.Unmarshal(data, &arr) == nil && arr != nil:
		if kind != '[' || len(vals) != len(arr) {
			t.Fatalf("split of an array: kind %q, %d elements; json.Unmarshal finds %d", kind, len(vals), len(arr))
		}
		for i := range arr {
			if !bytes.Equal(vals[i], arr[i]) {
				t.Errorf("element %d: %q, want %q", i, vals[i], arr[i])
			}
		}
	default:
		if kind != 0 {
			t.Errorf("split of a scalar: kind %q", kind)
		}
	}
}

// checkSplitValid compares the one-pass splitValid with validJSON and split.
func checkSplitValid(t *testing.T, data []byte) {
	kind, keys, vals, ok := splitValid(data)
	if ok != validJSON(data) {
		t.Fatalf("splitValid says valid %v, validJSON %v", ok, validJSON(data))
	}
	if !ok {
		return
	}
	wantKind, wantKeys, wantVals := split(data)
	if kind != wantKind || !reflect.DeepEqual(keys, wantKeys) || !reflect.DeepEqual(vals, wantVals) {
		t.Errorf("splitValid: %q %q %q; split: %q %q %q", kind, keys, vals, wantKind, wantKeys, wantVals)
	}
}

// checkSnapshotRoundTrip writes what was read as a snapshot and reads it
// back: the same task definitions and services, and no error unless the
// original had one (a document with a bad field is kept, and so is the field).
func checkSnapshotRoundTrip(t *testing.T, fl *Fleet, hadErrors bool) {
	var buf bytes.Buffer
	if err := WriteSnapshot(&buf, fl, SnapshotMeta{}); err != nil {
		t.Fatalf("writing a snapshot: %v", err)
	}
	back, diags := LoadBytes("snapshot.json", buf.Bytes())
	if HasErrors(diags) && !hadErrors {
		t.Errorf("the snapshot of what was read does not read back: %v", diags)
	}
	if len(back.TaskDefinitions) != len(fl.TaskDefinitions) || len(back.Services) != len(fl.Services) {
		t.Errorf("round trip: %d task definitions and %d services, want %d and %d",
			len(back.TaskDefinitions), len(back.Services), len(fl.TaskDefinitions), len(fl.Services))
	}
}

// checkFolded compares the load of data, checked as it is decoded, with
// its load checked whole first.
func checkFolded(t *testing.T, data []byte, fl *Fleet, diags []Diagnostic) {
	type load struct {
		f     *Fleet
		diags []Diagnostic
	}
	before := unfolded(func() load {
		f, diags := LoadBytes("fuzz.json", data)
		return load{f, diags}
	})
	sameLoad(t, "fuzz input, checked whole first", fl, diags, before.f, before.diags)
}
