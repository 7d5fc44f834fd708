package pricing

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awspricing "github.com/aws/aws-sdk-go-v2/service/pricing"
)

// priceListDocs turns a recorded offer file into GetProducts PriceList
// entries: one JSON document (as a string) per product, with its terms.
func priceListDocs(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var offer struct {
		OfferCode, Version, PublicationDate string
		Products                            map[string]json.RawMessage
		Terms                               struct{ OnDemand map[string]json.RawMessage }
	}
	if err := json.Unmarshal(data, &offer); err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, sku := range slices.Sorted(maps.Keys(offer.Products)) {
		doc, _ := json.Marshal(map[string]any{
			"product": offer.Products[sku], "serviceCode": offer.OfferCode, "version": offer.Version,
			"publicationDate": offer.PublicationDate, "terms": map[string]any{"OnDemand": offer.Terms.OnDemand[sku]},
		})
		docs = append(docs, string(doc))
	}
	return docs
}

// fakePricingAPI speaks awsJson1_1 like api.pricing.us-east-1.amazonaws.com:
// POST /, X-Amz-Target AWSPriceListService.GetProducts, two pages per call.
func fakePricingAPI(t *testing.T) (*httptest.Server, *[]map[string]any) {
	docs := map[string][]string{"AmazonECS": priceListDocs(t, ecsOfferFile), "AmazonEC2": priceListDocs(t, ec2OfferFile),
		"AmazonVPC": priceListDocs(t, vpcOfferFile)}
	var requests []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Amz-Target") != "AWSPriceListService.GetProducts" || !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256") {
			http.Error(w, `{"__type":"AccessDeniedException","message":"bad request"}`, http.StatusBadRequest)
			return
		}
		var in map[string]any
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			t.Errorf("request body: %v", err)
		}
		io.Copy(io.Discard, r.Body)
		requests = append(requests, in)
		all := matching(docs[in["ServiceCode"].(string)], in["Filters"])
		page, next := all[:len(all)/2], "page-2"
		if in["NextToken"] == "page-2" {
			page, next = all[len(all)/2:], ""
		}
		out := map[string]any{"FormatVersion": "aws_v1", "PriceList": page}
		if next != "" {
			out["NextToken"] = next
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	return srv, &requests
}

func TestFetchAPI(t *testing.T) {
	srv, requests := fakePricingAPI(t)
	client := awspricing.New(awspricing.Options{
		Region:           APIRegion("us-east-1"),
		BaseEndpoint:     aws.String(srv.URL),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		HTTPClient:       srv.Client(),
		RetryMaxAttempts: 1,
	})
	bulk := bulkServer(t, nil)
	got, err := FetchAPI(context.Background(), client, &Bulk{BaseURL: bulk.URL, Client: bulk.Client()}, []string{"us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	if want := 2 * (1 + len(ec2Queries) + 1); len(*requests) != want {
		t.Errorf("requests = %d, want %d (ECS, %d EC2 queries and VPC, 2 pages each)", len(*requests), want, len(ec2Queries))
	}
	first := (*requests)[0]
	if first["FormatVersion"] != "aws_v1" || !strings.Contains(mustJSON(first["Filters"]), `"Field":"regionCode","Type":"TERM_MATCH","Value":"us-east-1"`) {
		t.Errorf("request = %v", first)
	}
	ecs, ec2 := got[0].Offers[0], got[0].Offers[1]
	wantPrices(t, ecs.Prices, map[Item]string{
		FargateVCPU: "0.04048", FargateGB: "0.004445", FargateARMVCPU: "0.03238", FargateARMGB: "0.00356",
		FargateWindowsVCPU: "0.09148", FargateWindowsGB: "0.01005", FargateWindowsOS: "0.046", FargateStorageGB: "0.000111",
	})
	if !ec2.Prices[EC2Item("t3.medium")].Equal(dec("0.0416")) || ecs.Version != "20260911124425" {
		t.Errorf("ec2 prices %v, ecs version %s", ec2.Prices, ecs.Version)
	}
	// The API path keeps and refuses the same rows as the bulk files.
	bulkEC2 := parseFile(t, ec2OfferFile, EC2Product)
	wantSame(t, "EC2", ec2, bulkEC2)
	vpc, sp := got[0].Offers[2], got[0].Offers[3]
	wantPrices(t, vpc.Prices, map[Item]string{PublicIPv4Hour: "0.005"})
	if !sp.Prices[EC2SavingsPlanItem(Term3y, "m5.large")].Equal(dec("0.0459")) {
		t.Errorf("savings plan rates %v", sp.Prices)
	}
}

func wantSame(t *testing.T, what string, got, want *Offer) {
	t.Helper()
	if len(got.Prices) != len(want.Prices) || strings.Join(got.Problems, "\n") != strings.Join(want.Problems, "\n") {
		t.Errorf("%s: API kept %d prices, problems %v; bulk kept %d, problems %v", what, len(got.Prices), got.Problems, len(want.Prices), want.Problems)
	}
	for it, v := range want.Prices {
		if !got.Prices[it].Equal(v) {
			t.Errorf("%s: %s = %s by the API, %s by the bulk file", what, it, got.Prices[it], v)
		}
	}
}

// matching keeps the documents whose product matches every TERM_MATCH
// filter, on productFamily or an attribute, as GetProducts does.
func matching(docs []string, filters any) []string {
	fs, _ := filters.([]any)
	var out []string
	for _, d := range docs {
		var doc struct {
			Product struct {
				ProductFamily string            `json:"productFamily"`
				Attributes    map[string]string `json:"attributes"`
			} `json:"product"`
		}
		json.Unmarshal([]byte(d), &doc)
		ok := true
		for _, f := range fs {
			m := f.(map[string]any)
			field, value := m["Field"].(string), m["Value"].(string)
			have := doc.Product.Attributes[field]
			if field == "productFamily" {
				have = doc.Product.ProductFamily
			}
			ok = ok && have == value
		}
		if ok {
			out = append(out, d)
		}
	}
	return out
}

func TestAPIRegion(t *testing.T) {
	for in, want := range map[string]string{"eu-west-3": "eu-central-1", "ap-southeast-2": "ap-south-1", "us-west-2": "us-east-1", "sa-east-1": "us-east-1", "cn-north-1": "cn-northwest-1"} {
		if got := APIRegion(in); got != want {
			t.Errorf("APIRegion(%s) = %s, want %s", in, got, want)
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
