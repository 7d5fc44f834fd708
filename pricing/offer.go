package pricing

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// product is the part of a Price List product the price book reads; the
// attribute names are the Price List's own, see
// https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html
type product struct {
	SKU           string     `json:"sku"`
	ProductFamily string     `json:"productFamily"`
	Attributes    attributes `json:"attributes"`
}

type attributes struct {
	RegionCode      string `json:"regionCode"`
	UsageType       string `json:"usagetype"`
	InstanceType    string `json:"instanceType"`
	OperatingSystem string `json:"operatingSystem"`
	Tenancy         string `json:"tenancy"`
	PreInstalledSw  string `json:"preInstalledSw"`
	CapacityStatus  string `json:"capacitystatus"`
	LicenseModel    string `json:"licenseModel"`
	MarketOption    string `json:"marketoption"`
	VolumeAPIName   string `json:"volumeApiName"`
	VCPU            string `json:"vcpu"`
	Memory          string `json:"memory"`
}

// term is one on-demand offer term of a SKU.
type term struct {
	EffectiveDate   string `json:"effectiveDate"`
	PriceDimensions map[string]struct {
		Unit         string            `json:"unit"`
		BeginRange   string            `json:"beginRange"`
		PricePerUnit map[string]string `json:"pricePerUnit"`
	} `json:"priceDimensions"`
}

// Offer is what the price book keeps from one region's offer file: the
// kept products' items and their on-demand USD prices.
type Offer struct {
	OfferCode, Version, PublicationDate string
	// Prices maps each item found to its price.
	Prices map[Item]decimal.Decimal
	// Problems names the rows refused (a unit that is not hourly or per
	// GB, a zero price, SKUs pricing one item differently), sorted.
	Problems []string
}

// offerReader walks an offer file with a token-level JSON decoder, so
// memory stays bounded by the largest single product or term (a few KB)
// rather than the file (about 450 MB for one region of AmazonEC2).
type offerReader struct {
	dec    *json.Decoder
	region string
	// itemOf says which item a product prices; ok false drops it.
	itemOf func(p *product) (Item, bool)
	items  map[string]keptProduct
	// early holds the price dimensions met before the products section
	// (the format does not promise products come first), for every SKU.
	early        map[string][]dimension
	productsSeen bool
	offer        *Offer
	rows         *rowSet
}

// keptProduct is what a kept SKU prices and its rank (see row.Rank).
type keptProduct struct {
	item Item
	rank int
}

// dimension is a first-tier USD price dimension of a SKU's on-demand term.
type dimension struct {
	price decimal.Decimal
	unit  string
}

// ParseOffer reads an offer file (the bulk JSON format) from r, keeping
// what itemOf recognises. A truncated or malformed file is an error.
func ParseOffer(r io.Reader, region string, itemOf func(p *product) (Item, bool)) (*Offer, error) {
	offer := &Offer{Prices: map[Item]decimal.Decimal{}}
	o := &offerReader{dec: json.NewDecoder(r), region: region, itemOf: itemOf,
		items: map[string]keptProduct{}, early: map[string][]dimension{},
		offer: offer, rows: newRowSet(offer)}
	if err := o.read(); err != nil {
		return nil, fmt.Errorf("at byte %d: %w", o.dec.InputOffset(), noEOF(err))
	}
	o.rows.finish()
	return offer, nil
}

func (o *offerReader) read() error {
	if err := expectDelim(o.dec, '{'); err != nil {
		return err
	}
	for o.dec.More() {
		key, err := readKey(o.dec)
		if err != nil {
			return err
		}
		switch key {
		case "offerCode":
			err = o.dec.Decode(&o.offer.OfferCode)
		case "version":
			err = o.dec.Decode(&o.offer.Version)
		case "publicationDate":
			err = o.dec.Decode(&o.offer.PublicationDate)
		case "products":
			err = eachMember(o.dec, o.readProduct)
			o.productsSeen = true
		case "terms":
			err = eachMember(o.dec, o.readTermType)
		default:
			err = skipValue(o.dec)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	if err := expectDelim(o.dec, '}'); err != nil {
		return err
	}
	for _, sku := range slices.Sorted(maps.Keys(o.early)) {
		o.setPrice(sku, o.early[sku])
	}
	return nil
}

func (o *offerReader) readProduct(sku string) error {
	var p product
	if err := o.dec.Decode(&p); err != nil {
		return fmt.Errorf("product %s: %w", sku, err)
	}
	if p.Attributes.RegionCode != "" && o.region != "" && p.Attributes.RegionCode != o.region {
		return nil
	}
	if item, ok := o.itemOf(&p); ok {
		o.items[sku] = keptProduct{item: item, rank: rankOf(&p)}
	}
	return nil
}

func (o *offerReader) readTermType(termType string) error {
	if termType != "OnDemand" {
		return skipValue(o.dec)
	}
	return eachMember(o.dec, o.readSKUTerms)
}

// readSKUTerms reads the on-demand terms of one SKU, skipping SKUs the
// products section did not keep without decoding them.
func (o *offerReader) readSKUTerms(sku string) error {
	if _, kept := o.items[sku]; o.productsSeen && !kept {
		return skipValue(o.dec)
	}
	var terms map[string]term
	if err := o.dec.Decode(&terms); err != nil {
		return fmt.Errorf("terms of %s: %w", sku, err)
	}
	dims, err := firstTierUSD(terms)
	if err != nil {
		return fmt.Errorf("terms of %s: %w", sku, err)
	}
	if !o.productsSeen {
		o.early[sku] = dims
		return nil
	}
	o.setPrice(sku, dims)
	return nil
}

func (o *offerReader) setPrice(sku string, dims []dimension) {
	kept, ok := o.items[sku]
	if !ok {
		return
	}
	addDimensions(o.rows, sku, kept, dims)
}

// addDimensions offers each first-tier dimension of a kept SKU as a row.
// A SKU normally has one; an on-demand term that also lists a fee in
// another unit has each judged on its own, so the fee is refused by name
// rather than taken for the hourly price.
func addDimensions(rows *rowSet, sku string, kept keptProduct, dims []dimension) {
	for _, d := range dims {
		rows.add(row{SKU: sku, Item: kept.item, Price: d.price, Unit: d.unit, Rank: kept.rank})
	}
}

// rankOf ranks a product's rows: Dedicated tenancy (kept only for bare
// metal types) below Shared.
func rankOf(p *product) int {
	if p.Attributes.Tenancy == "Dedicated" {
		return 1
	}
	return 0
}

// firstTierUSD lists the first-tier USD price dimensions of a SKU's
// on-demand terms; prices are parsed as decimals straight from their
// strings.
func firstTierUSD(terms map[string]term) ([]dimension, error) {
	var out []dimension
	for _, code := range slices.Sorted(maps.Keys(terms)) {
		t := terms[code]
		for _, dc := range slices.Sorted(maps.Keys(t.PriceDimensions)) {
			d := t.PriceDimensions[dc]
			usd, ok := d.PricePerUnit["USD"]
			if !ok || d.BeginRange != "" && d.BeginRange != "0" {
				continue
			}
			v, err := decimal.NewFromString(usd)
			if err != nil {
				return nil, fmt.Errorf("price %q of %s is not a decimal", usd, dc)
			}
			if v.IsNegative() {
				return nil, fmt.Errorf("price %s of %s is negative", usd, dc)
			}
			out = append(out, dimension{price: v, unit: d.Unit})
		}
	}
	return out, nil
}

// eachMember walks an object one member at a time, calling fn with each
// key while the decoder sits before the value; fn must consume the value.
func eachMember(dec *json.Decoder, fn func(key string) error) error {
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		key, err := readKey(dec)
		if err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
	}
	return expectDelim(dec, '}')
}

// skipValue consumes one value. Containers are walked one level deep and
// each element decoded on its own, so a huge section (the Reserved terms)
// never sits in memory whole.
func skipValue(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return noEOF(err)
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	for dec.More() {
		if d == '{' {
			if _, err := readKey(dec); err != nil {
				return err
			}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return noEOF(err)
		}
	}
	_, err = dec.Token()
	return noEOF(err)
}

func readKey(dec *json.Decoder) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", noEOF(err)
	}
	k, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("expected an object key, found %v", tok)
	}
	return k, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return noEOF(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("expected %q, found %v", want, tok)
	}
	return nil
}

// noEOF turns an end of input inside a document into the truncation it
// is, once (errors pass through several levels).
func noEOF(err error) error {
	eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
	if !eof || strings.Contains(err.Error(), "truncated") {
		return err
	}
	return fmt.Errorf("file ends early (truncated?): %w", io.ErrUnexpectedEOF)
}
