package pricing

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bulkServer serves testdata/bulk like the Price List bulk endpoint; a
// handler in override replaces the file at that path.
func bulkServer(t *testing.T, override map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir("testdata/bulk"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := override[r.URL.Path]; ok {
			h(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestBulkFetchAndRefresh(t *testing.T) {
	srv := bulkServer(t, nil)
	got, err := (&Bulk{BaseURL: srv.URL, Client: srv.Client()}).Fetch(context.Background(), []string{"us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Offers) != 4 {
		t.Fatalf("fetched %+v", got)
	}
	now := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	book := Refreshed(Default(), got, "bulk API", now)
	if book.AsOf != "2026-11-22" || !strings.Contains(book.Source, "bulk API") || !strings.Contains(book.Source, "rates of us-east-1") ||
		!strings.Contains(book.Source, "kept from the book it refreshed (as of "+Default().AsOf+")") {
		t.Errorf("about = %+v", book.About())
	}
	e, ok := book.Entry("us-east-1", EC2Item("m5.large"))
	if !ok || e.Confidence != "A" || !strings.Contains(book.SourceText(e.Source), "version 20261101000000") {
		t.Errorf("m5.large = %+v %q", e, book.SourceText(e.Source))
	}
	// The offer no longer lists m7i.large: the fetched region drops the
	// embedded figure rather than keep a stale one...
	if _, ok := book.Entry("us-east-1", EC2Item("m7i.large")); ok {
		t.Error("stale EC2 price kept after a refresh of its region")
	}
	// ...while figures the Price List does not carry keep their source.
	if e, _ := book.Entry("us-east-1", FargateSpotVCPU); e.Source != "spot-2026-09-28" {
		t.Errorf("Spot source = %q", e.Source)
	}
	if _, ok := Default().Entry("us-east-1", EC2Item("m7i.large")); !ok {
		t.Error("Refreshed modified its base")
	}
	// NAT, EBS, Windows, bare metal, public IPv4 (AmazonVPC) and the
	// Compute Savings Plan rates come from the bulk files too.
	for it, want := range map[Item]string{NATHour: "0.045", NATGB: "0.045", EBSGp3GBMonth: "0.08", EBSGp2GBMonth: "0.1",
		EC2WindowsItem("m5.2xlarge"): "0.752", EC2Item("m5.metal"): "4.608", PublicIPv4Hour: "0.005",
		EC2SavingsPlanItem(Term1y, "m5.large"): "0.0679", SavingsPlanItem(Term3y, FargateARMVCPU): "0.01749"} {
		e, ok := book.Regions["us-east-1"][it]
		if !ok || e.Value.String() != want || e.Confidence != "A" {
			t.Errorf("%s = %+v (found %t), want %s from the bulk files", it, e, ok, want)
		}
	}
	if c := book.RegionCoverage("us-east-1"); !c.Complete || c.EC2Types != 7 {
		t.Errorf("coverage after a refresh = %+v", c)
	}
	path := filepath.Join(t.TempDir(), "prices.json")
	if err := book.Save(path); err != nil {
		t.Fatal(err)
	}
	again, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := again.Price("us-east-1", NATGB); !m.Amount().Equal(dec("0.045")) {
		t.Errorf("NAT GB after reload = %v", m.Amount())
	}
}

func TestBulkFetchErrors(t *testing.T) {
	ec2Path := "/offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.json"
	full, err := os.ReadFile("testdata/bulk" + ec2Path)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, want string
		regions    []string
		override   map[string]http.HandlerFunc
	}{
		{"truncated offer", "truncated", []string{"us-east-1"}, map[string]http.HandlerFunc{ec2Path: func(w http.ResponseWriter, _ *http.Request) {
			w.Write(full[:len(full)*2/3])
		}}},
		{"server error", "HTTP 503", []string{"us-east-1"}, map[string]http.HandlerFunc{ec2Path: func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "slow down", http.StatusServiceUnavailable)
		}}},
		{"not an offer", "no usable prices", []string{"us-east-1"}, map[string]http.HandlerFunc{ec2Path: func(w http.ResponseWriter, _ *http.Request) {
			w.Write([]byte(`{"formatVersion":"v1.0"}`))
		}}},
		{"unknown region", "region xx-nowhere-1 is not in the AmazonECS region index", []string{"xx-nowhere-1"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := bulkServer(t, tc.override)
			_, err := (&Bulk{BaseURL: srv.URL}).Fetch(context.Background(), tc.regions)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
