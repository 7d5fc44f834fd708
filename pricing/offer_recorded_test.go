package pricing

import (
	"os"
	"testing"
)

// A recorded excerpt of a real AmazonEC2 offer file (us-west-2, version
// 20180504231021; provenance in testdata/recorded/README.md) parses
// without a refusal and prices nothing: every row in it is one the book
// does not read — a bare-metal Windows + SQL Server row on Host tenancy,
// Windows + SQL Web and Linux + SQL Enterprise rows, zero-priced Dedicated
// Host on-demand rows (their products are not hosts the book prices), and
// Reserved terms whose "Upfront Fee" dimension (unit Quantity) sits beside
// the hourly one. The placeholder excerpts under testdata/bulk test the
// refusals; this one holds the parser to AWS's own shape.
func TestRecordedEC2OfferExcerpt(t *testing.T) {
	f, err := os.Open("testdata/recorded/AmazonEC2-us-west-2-20180504231021.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o, err := ParseOfferOf(f, "us-west-2", "AmazonEC2")
	if err != nil {
		t.Fatal(err)
	}
	if o.Version != "20180504231021" || o.PublicationDate != "2018-05-04T23:10:21Z" {
		t.Errorf("version %q, published %q", o.Version, o.PublicationDate)
	}
	if len(o.Problems) > 0 {
		t.Errorf("rows refused in a real file: %v", o.Problems)
	}
	if len(o.Prices) > 0 {
		t.Errorf("priced rows the book does not read: %v", o.Prices)
	}
}
