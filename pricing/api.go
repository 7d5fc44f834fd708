package pricing

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	awspricing "github.com/aws/aws-sdk-go-v2/service/pricing"
	"github.com/aws/aws-sdk-go-v2/service/pricing/types"
	"github.com/shopspring/decimal"
)

// ProductsAPI is the Price List Query API call the updater needs; the
// SDK's *pricing.Client satisfies it.
type ProductsAPI interface {
	GetProducts(ctx context.Context, in *awspricing.GetProductsInput, opts ...func(*awspricing.Options)) (*awspricing.GetProductsOutput, error)
}

// APIRegion is the Price List API endpoint region to use for pricing
// region: the API answers only in us-east-1, eu-central-1 and ap-south-1
// (and cn-northwest-1 for China), whatever region is priced.
func APIRegion(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "cn-northwest-1"
	case strings.HasPrefix(region, "ap-"):
		return "ap-south-1"
	case strings.HasPrefix(region, "eu-"):
		return "eu-central-1"
	}
	return "us-east-1"
}

// ec2Queries are the AmazonEC2 GetProducts filters whose union holds every
// row EC2Product keeps: Linux and Windows on shared hosts, bare metal on
// Dedicated tenancy, NAT gateways, gp3 and gp2 volumes. Filtering server
// side keeps the answer to thousands of products instead of millions.
var ec2Queries = []map[string]string{
	{"productFamily": "Compute Instance", "operatingSystem": "Linux", "tenancy": "Shared",
		"preInstalledSw": "NA", "capacitystatus": "Used", "licenseModel": "No License required", "marketoption": "OnDemand"},
	{"productFamily": "Compute Instance", "operatingSystem": "Windows", "tenancy": "Shared",
		"preInstalledSw": "NA", "capacitystatus": "Used", "licenseModel": "No License required", "marketoption": "OnDemand"},
	{"productFamily": "Compute Instance (bare metal)", "operatingSystem": "Linux",
		"preInstalledSw": "NA", "capacitystatus": "Used", "licenseModel": "No License required", "marketoption": "OnDemand"},
	{"productFamily": "NAT Gateway"},
	{"productFamily": "Storage", "volumeApiName": "gp3"},
	{"productFamily": "Storage", "volumeApiName": "gp2"},
}

// FetchAPI reads the same figures as the bulk files through GetProducts
// (needs credentials with pricing:GetProducts). The Query API has no
// Savings Plan rates; when sp is non-nil they are read from its public
// bulk files (no credentials needed), so both sources fill the same items.
func FetchAPI(ctx context.Context, api ProductsAPI, sp *Bulk, regions []string) ([]RegionOffers, error) {
	var out []RegionOffers
	for _, r := range regions {
		ecs, err := apiOffer(ctx, api, "AmazonECS", r, []map[string]string{nil}, ECSItem)
		if err != nil {
			return nil, err
		}
		ec2, err := apiOffer(ctx, api, "AmazonEC2", r, ec2Queries, EC2Product)
		if err != nil {
			return nil, err
		}
		// AmazonVPC is small per region; its IPv4 rows carry a region prefix
		// in the usage type, so they are matched client side.
		vpc, err := apiOffer(ctx, api, "AmazonVPC", r, []map[string]string{nil}, VPCItem)
		if err != nil {
			return nil, err
		}
		ro := RegionOffers{Region: r, Offers: []*Offer{ecs, ec2, vpc}}
		if sp != nil {
			o, err := sp.savingsPlans(ctx, r)
			if err != nil {
				return nil, err
			}
			ro.Offers = append(ro.Offers, o)
		}
		out = append(out, ro)
	}
	return out, nil
}

// apiProduct is one GetProducts PriceList element (a JSON document in a string).
type apiProduct struct {
	Product         product `json:"product"`
	Version         string  `json:"version"`
	PublicationDate string  `json:"publicationDate"`
	Terms           struct {
		OnDemand map[string]term `json:"OnDemand"`
	} `json:"terms"`
}

// apiOffer runs one GetProducts query per filter set and gathers the rows
// into one offer, judged by the same rules as the bulk files.
func apiOffer(ctx context.Context, api ProductsAPI, code, region string, queries []map[string]string, itemOf func(*product) (Item, bool)) (*Offer, error) {
	o := &Offer{OfferCode: code, Prices: map[Item]decimal.Decimal{}}
	rows := newRowSet(o)
	for _, filters := range queries {
		in := &awspricing.GetProductsInput{ServiceCode: &code, FormatVersion: strp("aws_v1"), MaxResults: int32p(100)}
		in.Filters = append(in.Filters, types.Filter{Field: strp("regionCode"), Type: types.FilterTypeTermMatch, Value: strp(region)})
		for _, k := range slices.Sorted(maps.Keys(filters)) {
			in.Filters = append(in.Filters, types.Filter{Field: strp(k), Type: types.FilterTypeTermMatch, Value: strp(filters[k])})
		}
		p := awspricing.NewGetProductsPaginator(api, in)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, fmt.Errorf("GetProducts %s in %s: %w", code, region, err)
			}
			for i, doc := range page.PriceList {
				if err := o.addAPIProduct(rows, doc, itemOf); err != nil {
					return nil, fmt.Errorf("GetProducts %s in %s, price list entry %d: %w", code, region, i, err)
				}
			}
		}
	}
	rows.finish()
	if len(o.Prices) == 0 {
		return nil, fmt.Errorf("GetProducts %s in %s returned no usable prices (is %s a region?)", code, region, region)
	}
	return o, nil
}

func (o *Offer) addAPIProduct(rows *rowSet, doc string, itemOf func(*product) (Item, bool)) error {
	var ap apiProduct
	if err := json.Unmarshal([]byte(doc), &ap); err != nil {
		return fmt.Errorf("malformed product document: %w", err)
	}
	if o.Version == "" {
		o.Version, o.PublicationDate = ap.Version, ap.PublicationDate
	}
	item, ok := itemOf(&ap.Product)
	if !ok {
		return nil
	}
	dims, err := firstTierUSD(ap.Terms.OnDemand)
	if err != nil {
		return err
	}
	addDimensions(rows, ap.Product.SKU, keptProduct{item: item, rank: rankOf(&ap.Product)}, dims)
	return nil
}

func strp(s string) *string { return &s }
func int32p(v int32) *int32 { return &v }
