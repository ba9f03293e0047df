package spapi

import (
	"fmt"
	"time"
)

// FulfillmentStatus is an order's status in Orders v2026-01-01.
type FulfillmentStatus string

// The order statuses Amazon's model lists.
const (
	StatusPendingAvailability FulfillmentStatus = "PENDING_AVAILABILITY"
	StatusPending             FulfillmentStatus = "PENDING"
	StatusUnshipped           FulfillmentStatus = "UNSHIPPED"
	StatusPartiallyShipped    FulfillmentStatus = "PARTIALLY_SHIPPED"
	StatusShipped             FulfillmentStatus = "SHIPPED"
	StatusCancelled           FulfillmentStatus = "CANCELLED"
	StatusUnfulfillable       FulfillmentStatus = "UNFULFILLABLE"
)

// Money is an amount in a currency. Amount is Amazon's decimal string,
// kept exact.
type Money struct {
	Amount       string `json:"amount"`
	CurrencyCode string `json:"currencyCode"`
}

// TimeWindow is a range of times; either end may be zero when Amazon
// did not give it.
type TimeWindow struct {
	Earliest time.Time
	Latest   time.Time
}

// Buyer is the buyer information Amazon returns with includedData=BUYER
// (and only with the matching role). Email is Amazon's anonymized address.
type Buyer struct {
	Name                string
	Email               string
	CompanyName         string
	PurchaseOrderNumber string
}

// Recipient is the part of the delivery address a message may need; street,
// phone and the like are deliberately not kept. Needs includedData=RECIPIENT.
type Recipient struct {
	Name          string
	City          string
	StateOrRegion string
	PostalCode    string
	CountryCode   string
}

// OrderItem is one line of an order.
type OrderItem struct {
	ID                  string
	ASIN                string
	SKU                 string
	Title               string
	Quantity            int
	QuantityFulfilled   int
	QuantityUnfulfilled int
	UnitPrice           *Money // nil when Amazon gives none (e.g. pending orders)
	Condition           string // e.g. "NEW"
	GiftMessage         string
	CustomizedURL       string // link to the buyer's customization, if any
}

// Package is one shipment of an order (includedData=PACKAGES).
type Package struct {
	ReferenceID     string
	Status          string // e.g. "IN_TRANSIT", "DELIVERED"
	Carrier         string
	TrackingNumber  string
	ShippingService string
	ShipTime        time.Time
}

// Order is an order as Orders v2026-01-01 describes it, reduced to what a
// seller message needs.
type Order struct {
	ID              string
	SellerOrderID   string // the seller's own alias, if any
	MarketplaceID   string
	MarketplaceName string
	CreatedTime     time.Time // purchase date
	LastUpdatedTime time.Time
	Programs        []string // e.g. "PRIME", "AMAZON_BUSINESS"

	Status                  FulfillmentStatus
	FulfilledBy             string // "MERCHANT" or "AMAZON"
	FulfillmentServiceLevel string
	ShipBy                  TimeWindow
	DeliverBy               TimeWindow // earliest/latest delivery dates

	Buyer      *Buyer     // nil unless requested and permitted
	Recipient  *Recipient // nil unless requested and permitted
	GrandTotal *Money     // nil unless includedData=PROCEEDS
	Items      []OrderItem
	Packages   []Package

	// RequestID is the x-amzn-RequestId of the answer that carried the order.
	RequestID string
}

// Wire types of the v2026-01-01 model, decoded then flattened into Order.
type (
	wireWindow struct {
		Earliest *time.Time `json:"earliestDateTime"`
		Latest   *time.Time `json:"latestDateTime"`
	}
	wireOrder struct {
		OrderID      string `json:"orderId"`
		OrderAliases []struct {
			AliasID   string `json:"aliasId"`
			AliasType string `json:"aliasType"`
		} `json:"orderAliases"`
		CreatedTime     *time.Time `json:"createdTime"`
		LastUpdatedTime *time.Time `json:"lastUpdatedTime"`
		Programs        []string   `json:"programs"`
		SalesChannel    struct {
			MarketplaceID   string `json:"marketplaceId"`
			MarketplaceName string `json:"marketplaceName"`
		} `json:"salesChannel"`
		Buyer *struct {
			BuyerName                string `json:"buyerName"`
			BuyerEmail               string `json:"buyerEmail"`
			BuyerCompanyName         string `json:"buyerCompanyName"`
			BuyerPurchaseOrderNumber string `json:"buyerPurchaseOrderNumber"`
		} `json:"buyer"`
		Recipient *struct {
			DeliveryAddress *struct {
				Name          string `json:"name"`
				City          string `json:"city"`
				StateOrRegion string `json:"stateOrRegion"`
				PostalCode    string `json:"postalCode"`
				CountryCode   string `json:"countryCode"`
			} `json:"deliveryAddress"`
		} `json:"recipient"`
		Proceeds *struct {
			GrandTotal *Money `json:"grandTotal"`
		} `json:"proceeds"`
		Fulfillment *struct {
			FulfillmentStatus       FulfillmentStatus `json:"fulfillmentStatus"`
			FulfilledBy             string            `json:"fulfilledBy"`
			FulfillmentServiceLevel string            `json:"fulfillmentServiceLevel"`
			ShipByWindow            wireWindow        `json:"shipByWindow"`
			DeliverByWindow         wireWindow        `json:"deliverByWindow"`
		} `json:"fulfillment"`
		OrderItems []wireItem `json:"orderItems"`
		Packages   []struct {
			PackageReferenceID string `json:"packageReferenceId"`
			PackageStatus      *struct {
				Status string `json:"status"`
			} `json:"packageStatus"`
			Carrier         string     `json:"carrier"`
			ShipTime        *time.Time `json:"shipTime"`
			ShippingService string     `json:"shippingService"`
			TrackingNumber  string     `json:"trackingNumber"`
		} `json:"packages"`
	}
	wireItem struct {
		OrderItemID     string `json:"orderItemId"`
		QuantityOrdered int    `json:"quantityOrdered"`
		Product         struct {
			ASIN      string `json:"asin"`
			Title     string `json:"title"`
			SellerSKU string `json:"sellerSku"`
			Condition *struct {
				ConditionType string `json:"conditionType"`
			} `json:"condition"`
			Price *struct {
				UnitPrice *Money `json:"unitPrice"`
			} `json:"price"`
			Customization *struct {
				CustomizedURL string `json:"customizedUrl"`
			} `json:"customization"`
		} `json:"product"`
		Fulfillment *struct {
			QuantityFulfilled   int `json:"quantityFulfilled"`
			QuantityUnfulfilled int `json:"quantityUnfulfilled"`
			Packing             *struct {
				GiftOption *struct {
					GiftMessage string `json:"giftMessage"`
				} `json:"giftOption"`
			} `json:"packing"`
		} `json:"fulfillment"`
	}
)

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

func (w wireWindow) window() TimeWindow {
	return TimeWindow{Earliest: deref(w.Earliest), Latest: deref(w.Latest)}
}

// order flattens the wire form, rejecting an order without the fields the
// model requires to identify it.
func (w *wireOrder) order() (Order, error) {
	if w.OrderID == "" {
		return Order{}, fmt.Errorf("%w: order without orderId", ErrMalformedResponse)
	}
	if w.CreatedTime == nil {
		return Order{}, fmt.Errorf("%w: order %s without createdTime", ErrMalformedResponse, clip(w.OrderID, 40))
	}
	o := Order{
		ID:              w.OrderID,
		MarketplaceID:   w.SalesChannel.MarketplaceID,
		MarketplaceName: w.SalesChannel.MarketplaceName,
		CreatedTime:     *w.CreatedTime,
		LastUpdatedTime: deref(w.LastUpdatedTime),
		Programs:        w.Programs,
	}
	for _, a := range w.OrderAliases {
		if a.AliasType == "SELLER_ORDER_ID" {
			o.SellerOrderID = a.AliasID
		}
	}
	if f := w.Fulfillment; f != nil {
		o.Status = f.FulfillmentStatus
		o.FulfilledBy = f.FulfilledBy
		o.FulfillmentServiceLevel = f.FulfillmentServiceLevel
		o.ShipBy = f.ShipByWindow.window()
		o.DeliverBy = f.DeliverByWindow.window()
	}
	if b := w.Buyer; b != nil {
		o.Buyer = &Buyer{Name: b.BuyerName, Email: b.BuyerEmail, CompanyName: b.BuyerCompanyName, PurchaseOrderNumber: b.BuyerPurchaseOrderNumber}
	}
	if r := w.Recipient; r != nil && r.DeliveryAddress != nil {
		a := r.DeliveryAddress
		o.Recipient = &Recipient{Name: a.Name, City: a.City, StateOrRegion: a.StateOrRegion, PostalCode: a.PostalCode, CountryCode: a.CountryCode}
	}
	if w.Proceeds != nil {
		o.GrandTotal = w.Proceeds.GrandTotal
	}
	for _, it := range w.OrderItems {
		item := OrderItem{
			ID: it.OrderItemID, ASIN: it.Product.ASIN, SKU: it.Product.SellerSKU, Title: it.Product.Title,
			Quantity: it.QuantityOrdered,
		}
		if it.Product.Condition != nil {
			item.Condition = it.Product.Condition.ConditionType
		}
		if it.Product.Price != nil {
			item.UnitPrice = it.Product.Price.UnitPrice
		}
		if it.Product.Customization != nil {
			item.CustomizedURL = it.Product.Customization.CustomizedURL
		}
		if f := it.Fulfillment; f != nil {
			item.QuantityFulfilled, item.QuantityUnfulfilled = f.QuantityFulfilled, f.QuantityUnfulfilled
			if f.Packing != nil && f.Packing.GiftOption != nil {
				item.GiftMessage = f.Packing.GiftOption.GiftMessage
			}
		}
		o.Items = append(o.Items, item)
	}
	for _, p := range w.Packages {
		pk := Package{ReferenceID: p.PackageReferenceID, Carrier: p.Carrier, TrackingNumber: p.TrackingNumber,
			ShippingService: p.ShippingService, ShipTime: deref(p.ShipTime)}
		if p.PackageStatus != nil {
			pk.Status = p.PackageStatus.Status
		}
		o.Packages = append(o.Packages, pk)
	}
	return o, nil
}
