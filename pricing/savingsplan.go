package pricing

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
)

// The Compute Savings Plan price files have a shape of their own: products
// is an array of plans, and terms.savingsPlan lists each plan's rates, one
// per discounted on-demand SKU. Format:
// https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-savings-plans.html

// DefaultSavingsPlanIndexPath is the region index of the Compute Savings
// Plan price files, relative to the bulk base URL.
const DefaultSavingsPlanIndexPath = "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json"

type spPlan struct {
	SKU           string `json:"sku"`
	ProductFamily string `json:"productFamily"`
	Attributes    struct {
		PurchaseOption string `json:"purchaseOption"`
		PurchaseTerm   string `json:"purchaseTerm"`
	} `json:"attributes"`
}

type spTerm struct {
	SKU                 string `json:"sku"`
	LeaseContractLength struct {
		Duration json.Number `json:"duration"`
		Unit     string      `json:"unit"`
	} `json:"leaseContractLength"`
	Rates []struct {
		DiscountedSKU         string `json:"discountedSku"`
		DiscountedUsageType   string `json:"discountedUsageType"`
		DiscountedOperation   string `json:"discountedOperation"`
		DiscountedServiceCode string `json:"discountedServiceCode"`
		Unit                  string `json:"unit"`
		DiscountedRate        struct {
			Price    string `json:"price"`
			Currency string `json:"currency"`
		} `json:"discountedRate"`
	} `json:"rates"`
}

// spRate is a rate kept while the plans it belongs to may not be read yet.
type spRate struct {
	plan string
	r    row
	// term is the lease length from the rate's own term; the plan's
	// purchaseTerm decides where the term gives none.
	term Term
}

// ParseSavingsPlanOffer reads a Compute Savings Plan price file (one
// region) and keeps the No Upfront 1- and 3-year rates of Fargate (x86,
// ARM, Windows) and of EC2 instance types on Linux and Windows.
func ParseSavingsPlanOffer(r io.Reader) (*Offer, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	offer := &Offer{OfferCode: "AWSComputeSavingsPlan", Prices: map[Item]decimal.Decimal{}}
	plans := map[string]spPlan{}
	var rates []spRate
	err := eachMember(dec, func(key string) error {
		switch key {
		case "version":
			return dec.Decode(&offer.Version)
		case "publicationDate":
			return dec.Decode(&offer.PublicationDate)
		case "products":
			return eachElement(dec, func() error {
				var p spPlan
				if err := dec.Decode(&p); err != nil {
					return fmt.Errorf("plan: %w", err)
				}
				plans[p.SKU] = p
				return nil
			})
		case "terms":
			return eachMember(dec, func(kind string) error {
				if kind != "savingsPlan" {
					return skipValue(dec)
				}
				return eachElement(dec, func() error {
					var t spTerm
					if err := dec.Decode(&t); err != nil {
						return fmt.Errorf("savings plan term: %w", err)
					}
					kept, err := keptRates(t)
					rates = append(rates, kept...)
					return err
				})
			})
		}
		return skipValue(dec)
	})
	if err != nil {
		return nil, fmt.Errorf("at byte %d: %w", dec.InputOffset(), noEOF(err))
	}
	rows := newRowSet(offer)
	for _, k := range rates {
		p, ok := plans[k.plan]
		if !ok || p.ProductFamily != "ComputeSavingsPlans" || p.Attributes.PurchaseOption != "No Upfront" {
			continue
		}
		term := k.term
		if term == "" {
			term = map[string]Term{"1yr": Term1y, "3yr": Term3y}[p.Attributes.PurchaseTerm]
		}
		if term == "" {
			continue
		}
		r := k.r
		r.Item = spItem(term, r.Item)
		rows.add(r)
	}
	rows.finish()
	return offer, nil
}

// keptRates turns a plan's rates into rows for the on-demand items they
// discount; the row's Item is the on-demand item until the plan's term is
// known (spItem).
func keptRates(t spTerm) ([]spRate, error) {
	var term Term
	if t.LeaseContractLength.Unit == "year" || t.LeaseContractLength.Unit == "" {
		term = map[string]Term{"1": Term1y, "3": Term3y}[t.LeaseContractLength.Duration.String()]
	}
	var out []spRate
	for _, rt := range t.Rates {
		it, ok := discountedItem(rt.DiscountedServiceCode, rt.DiscountedUsageType, rt.DiscountedOperation)
		if !ok || rt.DiscountedRate.Currency != "USD" {
			continue
		}
		price, err := decimal.NewFromString(rt.DiscountedRate.Price)
		if err != nil || price.IsNegative() {
			return nil, fmt.Errorf("plan %s: rate %q for %s is not a price", t.SKU, rt.DiscountedRate.Price, rt.DiscountedUsageType)
		}
		out = append(out, spRate{plan: t.SKU, term: term,
			r: row{SKU: t.SKU + "." + rt.DiscountedSKU, Item: it, Price: price, Unit: rt.Unit}})
	}
	return out, nil
}

// discountedItem names the on-demand item a Savings Plan rate discounts:
// a Fargate usage type, or an EC2 shared-tenancy instance hour on Linux
// (operation RunInstances) or Windows (RunInstances:0002).
func discountedItem(service, usageType, operation string) (Item, bool) {
	switch service {
	case "AmazonECS":
		return ECSItem(&product{Attributes: attributes{UsageType: usageType}})
	case "AmazonEC2":
		_, typ, ok := strings.Cut(usageType, "BoxUsage:")
		if !ok || typ == "" {
			return "", false
		}
		switch operation {
		case "RunInstances":
			return EC2Item(typ), true
		case "RunInstances:0002":
			return EC2WindowsItem(typ), true
		}
	}
	return "", false
}

// spItem is the Savings Plan item of an on-demand item for a term.
func spItem(t Term, onDemand Item) Item {
	if typ, ok := onDemand.InstanceType(); ok {
		return EC2SavingsPlanItem(t, typ)
	}
	if typ, ok := strings.CutPrefix(string(onDemand), "ec2-windows:"); ok {
		return EC2WindowsSavingsPlanItem(t, typ)
	}
	return SavingsPlanItem(t, onDemand)
}

// eachElement walks an array one element at a time; fn must consume it.
func eachElement(dec *json.Decoder, fn func() error) error {
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	for dec.More() {
		if err := fn(); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

// spRegionIndex is the Savings Plan region index: unlike the offers',
// regions is an array.
type spRegionIndex struct {
	Regions []struct {
		RegionCode string `json:"regionCode"`
		VersionURL string `json:"versionUrl"`
	} `json:"regions"`
}

// savingsPlans downloads and parses the Compute Savings Plan file of region.
func (b *Bulk) savingsPlans(ctx context.Context, region string) (*Offer, error) {
	var idx spRegionIndex
	if err := b.getJSON(ctx, DefaultSavingsPlanIndexPath, "Compute Savings Plan region index", &idx); err != nil {
		return nil, err
	}
	for _, r := range idx.Regions {
		if r.RegionCode != region {
			continue
		}
		body, err := b.get(ctx, r.VersionURL)
		if err != nil {
			return nil, fmt.Errorf("downloading Compute Savings Plan rates for %s: %w", region, err)
		}
		defer body.Close()
		if b.Progress != nil {
			fmt.Fprintf(b.Progress, "reading Compute Savings Plan rates for %s from %s\n", region, b.url(r.VersionURL))
		}
		o, err := ParseSavingsPlanOffer(body)
		if err != nil {
			return nil, fmt.Errorf("reading Compute Savings Plan rates for %s (%s): %w", region, b.url(r.VersionURL), err)
		}
		if len(o.Prices) == 0 {
			return nil, fmt.Errorf("reading Compute Savings Plan rates for %s (%s): no No Upfront rates found", region, b.url(r.VersionURL))
		}
		return o, nil
	}
	return nil, fmt.Errorf("region %s is not in the Compute Savings Plan region index (%d regions listed)", region, len(idx.Regions))
}
