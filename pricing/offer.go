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
	// Prices maps each item found to its price (first SKU wins).
	Prices map[Item]decimal.Decimal
}

// offerReader walks an offer file with a token-level JSON decoder, so
// memory stays bounded by the largest single product or term (a few KB)
// rather than the file (about 450 MB for one region of AmazonEC2).
type offerReader struct {
	dec    *json.Decoder
	region string
	// itemOf says which item a product prices; ok false drops it.
	itemOf func(p *product) (Item, bool)
	items  map[string]Item // kept SKU → item
	// early holds prices met before the products section (the format does
	// not promise products come first), for every SKU.
	early        map[string]decimal.Decimal
	productsSeen bool
	offer        *Offer
}

// ParseOffer reads an offer file (the bulk JSON format) from r, keeping
// what itemOf recognises. A truncated or malformed file is an error.
func ParseOffer(r io.Reader, region string, itemOf func(p *product) (Item, bool)) (*Offer, error) {
	o := &offerReader{dec: json.NewDecoder(r), region: region, itemOf: itemOf,
		items: map[string]Item{}, early: map[string]decimal.Decimal{},
		offer: &Offer{Prices: map[Item]decimal.Decimal{}}}
	if err := o.read(); err != nil {
		return nil, fmt.Errorf("at byte %d: %w", o.dec.InputOffset(), noEOF(err))
	}
	return o.offer, nil
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
	for sku, price := range o.early {
		o.setPrice(sku, price)
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
		o.items[sku] = item
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
	price, ok, err := hourlyUSD(terms)
	if err != nil {
		return fmt.Errorf("terms of %s: %w", sku, err)
	}
	if !ok {
		return nil
	}
	if !o.productsSeen {
		o.early[sku] = price
		return nil
	}
	o.setPrice(sku, price)
	return nil
}

func (o *offerReader) setPrice(sku string, price decimal.Decimal) {
	item, ok := o.items[sku]
	if !ok {
		return
	}
	if _, dup := o.offer.Prices[item]; !dup {
		o.offer.Prices[item] = price
	}
}

// hourlyUSD picks the first-tier USD price of a SKU's on-demand term;
// prices are parsed as decimals straight from their strings.
func hourlyUSD(terms map[string]term) (decimal.Decimal, bool, error) {
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
				return decimal.Zero, false, fmt.Errorf("price %q of %s is not a decimal", usd, dc)
			}
			if v.IsNegative() {
				return decimal.Zero, false, fmt.Errorf("price %s of %s is negative", usd, dc)
			}
			return v, true, nil
		}
	}
	return decimal.Zero, false, nil
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
