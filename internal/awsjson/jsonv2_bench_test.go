//go:build goexperiment.jsonv2

package awsjson_test

// The comparison issue 16 asked for: encoding/json/v2 (shipped with Go
// 1.25 and 1.26 behind GOEXPERIMENT=jsonv2) against this package's
// decoder, on the loader's own work: each service of a generated fleet's
// describe-services files and each task definition, into the SDK's
// structs, unknown members refused, names matched regardless of case.
// Run with
//
//	GOEXPERIMENT=jsonv2 go test ./internal/awsjson -run JSONv2 -bench DecodeFleet -benchmem

import (
	"bytes"
	jsonv1 "encoding/json"
	jsonv2 "encoding/json/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleetgen"
)

// fleetItems is every service and task definition of a generated
// 1,000-service fleet, as the raw bytes the loader decodes.
type fleetItems struct {
	services, taskDefs []jsonv1.RawMessage
	bytes              int64
}

func loadFleetItems(tb testing.TB) fleetItems {
	tb.Helper()
	files, err := fleetgen.Generate(fleetgen.Options{Services: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	var it fleetItems
	for _, f := range files {
		var top map[string]jsonv1.RawMessage
		if err := jsonv1.Unmarshal(f.Data, &top); err != nil {
			continue // not an object: left out
		}
		switch {
		case strings.HasSuffix(f.Name, "services.json") && top["services"] != nil:
			var items []jsonv1.RawMessage
			if err := jsonv1.Unmarshal(top["services"], &items); err != nil {
				tb.Fatal(err)
			}
			it.services = append(it.services, items...)
		case top["taskDefinition"] != nil:
			it.taskDefs = append(it.taskDefs, top["taskDefinition"])
		default:
			continue
		}
	}
	for _, r := range append(append([]jsonv1.RawMessage{}, it.services...), it.taskDefs...) {
		it.bytes += int64(len(r))
	}
	if len(it.services) != 1000 || len(it.taskDefs) == 0 {
		tb.Fatalf("%d services, %d task definitions", len(it.services), len(it.taskDefs))
	}
	return it
}

// decoders are the three ways of decoding one item into dst.
var decoders = map[string]func(dec *awsjson.Decoder, raw []byte, dst any) bool{
	"awsjson": func(dec *awsjson.Decoder, raw []byte, dst any) bool { return dec.DecodeStrict(raw, dst) },
	"jsonv2": func(_ *awsjson.Decoder, raw []byte, dst any) bool {
		return jsonv2.Unmarshal(raw, dst, jsonv2.RejectUnknownMembers(true), jsonv2.MatchCaseInsensitiveNames(true)) == nil
	},
	"jsonv1": func(_ *awsjson.Decoder, raw []byte, dst any) bool {
		d := jsonv1.NewDecoder(bytes.NewReader(raw))
		d.DisallowUnknownFields()
		return d.Decode(dst) == nil
	},
}

func decodeAll(tb testing.TB, it fleetItems, decode func(*awsjson.Decoder, []byte, any) bool) ([]types.Service, []types.TaskDefinition) {
	var dec awsjson.Decoder
	svcs := make([]types.Service, len(it.services))
	tds := make([]types.TaskDefinition, len(it.taskDefs))
	for i, r := range it.services {
		if !decode(&dec, r, &svcs[i]) {
			tb.Fatalf("service %d: not decoded", i)
		}
	}
	for i, r := range it.taskDefs {
		if !decode(&dec, r, &tds[i]) {
			tb.Fatalf("task definition %d: not decoded", i)
		}
	}
	return svcs, tds
}

// TestJSONv2DecodesTheFleetAlike: the comparison is of like with like.
func TestJSONv2DecodesTheFleetAlike(t *testing.T) {
	it := loadFleetItems(t)
	t.Logf("%d services, %d task definitions, %d bytes", len(it.services), len(it.taskDefs), it.bytes)
	wantS, wantT := decodeAll(t, it, decoders["jsonv1"])
	for _, name := range []string{"awsjson", "jsonv2"} {
		s, td := decodeAll(t, it, decoders[name])
		if !reflect.DeepEqual(s, wantS) || !reflect.DeepEqual(td, wantT) {
			t.Errorf("%s decodes the fleet differently from encoding/json", name)
		}
	}
}

// BenchmarkDecodeFleet/awsjson, /jsonv2, /jsonv1: one op decodes every
// service and task definition of the 1,000-service fleet.
func BenchmarkDecodeFleet(b *testing.B) {
	it := loadFleetItems(b)
	for _, name := range []string{"awsjson", "jsonv2", "jsonv1"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(it.bytes)
			b.ReportAllocs()
			for b.Loop() {
				decodeAll(b, it, decoders[name])
			}
		})
	}
}
