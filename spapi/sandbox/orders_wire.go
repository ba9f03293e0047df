package sandbox

import "time"

// The types below mirror the Orders v2026-01-01 model's definitions, so
// that clients decode demo answers exactly as they decode Amazon's.

type wMoney struct {
	Amount       string `json:"amount"`
	CurrencyCode string `json:"currencyCode"`
}

type wRange struct {
	EarliestDateTime string `json:"earliestDateTime,omitempty"`
	LatestDateTime   string `json:"latestDateTime,omitempty"`
}

type wSalesChannel struct {
	ChannelName     string `json:"channelName"`
	MarketplaceID   string `json:"marketplaceId,omitempty"`
	MarketplaceName string `json:"marketplaceName,omitempty"`
}

type wBuyer struct {
	BuyerName  string `json:"buyerName,omitempty"`
	BuyerEmail string `json:"buyerEmail,omitempty"`
}

type wAddress struct {
	Name          string `json:"name,omitempty"`
	AddressLine1  string `json:"addressLine1,omitempty"`
	City          string `json:"city,omitempty"`
	StateOrRegion string `json:"stateOrRegion,omitempty"`
	PostalCode    string `json:"postalCode,omitempty"`
	CountryCode   string `json:"countryCode,omitempty"`
	AddressType   string `json:"addressType,omitempty"`
}

type wRecipient struct {
	DeliveryAddress *wAddress `json:"deliveryAddress,omitempty"`
}

type wBreakdown struct {
	Type     string `json:"type"`
	Subtotal wMoney `json:"subtotal"`
}

type wOrderProceeds struct {
	GrandTotal *wMoney      `json:"grandTotal,omitempty"`
	Breakdowns []wBreakdown `json:"breakdowns,omitempty"`
}

type wOrderFulfillment struct {
	FulfillmentStatus       string  `json:"fulfillmentStatus"`
	FulfilledBy             string  `json:"fulfilledBy,omitempty"`
	FulfillmentServiceLevel string  `json:"fulfillmentServiceLevel,omitempty"`
	ShipByWindow            *wRange `json:"shipByWindow,omitempty"`
	DeliverByWindow         *wRange `json:"deliverByWindow,omitempty"`
}

type wCondition struct {
	ConditionType    string `json:"conditionType,omitempty"`
	ConditionSubtype string `json:"conditionSubtype,omitempty"`
}

type wPrice struct {
	UnitPrice *wMoney `json:"unitPrice,omitempty"`
}

type wCustomization struct {
	CustomizedURL string `json:"customizedUrl,omitempty"`
}

type wProduct struct {
	ASIN          string          `json:"asin,omitempty"`
	Title         string          `json:"title,omitempty"`
	SellerSKU     string          `json:"sellerSku,omitempty"`
	Condition     *wCondition     `json:"condition,omitempty"`
	Price         *wPrice         `json:"price,omitempty"`
	Customization *wCustomization `json:"customization,omitempty"`
}

type wItemProceeds struct {
	ProceedsTotal *wMoney      `json:"proceedsTotal,omitempty"`
	Breakdowns    []wBreakdown `json:"breakdowns,omitempty"`
}

type wItemFulfillment struct {
	QuantityFulfilled   int `json:"quantityFulfilled"`
	QuantityUnfulfilled int `json:"quantityUnfulfilled"`
}

type wCancellationExecution struct {
	CancelledBy  string `json:"cancelledBy,omitempty"`
	CancelReason string `json:"cancelReason,omitempty"`
}

type wItemCancellation struct {
	CancellationExecution *wCancellationExecution `json:"cancellationExecution,omitempty"`
}

type wItem struct {
	OrderItemID     string             `json:"orderItemId"`
	QuantityOrdered int                `json:"quantityOrdered"`
	Product         wProduct           `json:"product"`
	Proceeds        *wItemProceeds     `json:"proceeds,omitempty"`
	Cancellation    *wItemCancellation `json:"cancellation,omitempty"`
	Fulfillment     *wItemFulfillment  `json:"fulfillment,omitempty"`
}

type wPackageStatus struct {
	Status string `json:"status"`
}

type wPackageItem struct {
	OrderItemID string `json:"orderItemId"`
	Quantity    int    `json:"quantity"`
}

type wPackage struct {
	PackageReferenceID string          `json:"packageReferenceId"`
	CreatedTime        string          `json:"createdTime,omitempty"`
	PackageStatus      *wPackageStatus `json:"packageStatus,omitempty"`
	Carrier            string          `json:"carrier,omitempty"`
	ShipTime           string          `json:"shipTime,omitempty"`
	TrackingNumber     string          `json:"trackingNumber,omitempty"`
	PackageItems       []wPackageItem  `json:"packageItems,omitempty"`
}

type wOrder struct {
	OrderID         string             `json:"orderId"`
	CreatedTime     string             `json:"createdTime"`
	LastUpdatedTime string             `json:"lastUpdatedTime"`
	Programs        []string           `json:"programs,omitempty"`
	SalesChannel    wSalesChannel      `json:"salesChannel"`
	Buyer           *wBuyer            `json:"buyer,omitempty"`
	Recipient       *wRecipient        `json:"recipient,omitempty"`
	Proceeds        *wOrderProceeds    `json:"proceeds,omitempty"`
	Fulfillment     *wOrderFulfillment `json:"fulfillment,omitempty"`
	OrderItems      []wItem            `json:"orderItems"`
	Packages        []wPackage         `json:"packages,omitempty"`
}

type wPagination struct {
	NextToken string `json:"nextToken,omitempty"`
}

type wSearchOrdersResponse struct {
	Orders            []wOrder     `json:"orders"`
	Pagination        *wPagination `json:"pagination,omitempty"`
	LastUpdatedBefore string       `json:"lastUpdatedBefore,omitempty"`
	CreatedBefore     string       `json:"createdBefore,omitempty"`
}

type wGetOrderResponse struct {
	Order wOrder `json:"order"`
}

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// dataset is a set of includedData values.
type dataset map[string]bool

// toWire renders o with the datasets the caller asked for.
func (o *demoOrder) toWire(inc dataset) wOrder {
	cur := o.m.Currency
	w := wOrder{
		OrderID:         o.id,
		CreatedTime:     ts(o.created),
		LastUpdatedTime: ts(o.updated),
		Programs:        o.programs,
		SalesChannel:    wSalesChannel{ChannelName: "AMAZON", MarketplaceID: o.m.ID, MarketplaceName: o.m.Name},
		OrderItems:      make([]wItem, 0, len(o.items)),
	}
	pending := o.status == statusPending || o.status == statusPendingAvailability
	if inc["BUYER"] {
		w.Buyer = &wBuyer{BuyerEmail: o.buyerEmail}
		if o.fulfilledBy == "MERCHANT" && !pending && o.status != statusCancelled {
			w.Buyer.BuyerName = o.buyerName
		}
	}
	if inc["RECIPIENT"] && !pending && o.status != statusCancelled {
		addr := &wAddress{City: o.place.city, StateOrRegion: o.place.region, PostalCode: o.place.postal, CountryCode: o.m.CountryCode, AddressType: "RESIDENTIAL"}
		if o.fulfilledBy == "MERCHANT" {
			addr.Name, addr.AddressLine1 = o.buyerName, o.street
		}
		w.Recipient = &wRecipient{DeliveryAddress: addr}
	}
	if inc["PROCEEDS"] && !pending {
		var items int64
		for _, it := range o.items {
			items += it.unitCents * int64(it.qty)
		}
		w.Proceeds = &wOrderProceeds{GrandTotal: &wMoney{money(o.totalCents()), cur},
			Breakdowns: []wBreakdown{{Type: "ITEM", Subtotal: wMoney{money(items), cur}}, {Type: "SHIPPING", Subtotal: wMoney{money(o.shippingCents), cur}}}}
	}
	if inc["FULFILLMENT"] {
		w.Fulfillment = &wOrderFulfillment{
			FulfillmentStatus:       o.status,
			FulfilledBy:             o.fulfilledBy,
			FulfillmentServiceLevel: o.serviceLevel,
			ShipByWindow:            &wRange{ts(o.shipEarliest), ts(o.shipLatest)},
			DeliverByWindow:         &wRange{ts(o.deliverEarliest), ts(o.deliverLatest)},
		}
	}
	for _, it := range o.items {
		wi := wItem{OrderItemID: it.id, QuantityOrdered: it.qty, Product: wProduct{
			ASIN: it.p.asin, Title: it.p.title[o.m.lang], SellerSKU: it.p.sku,
			Condition: &wCondition{ConditionType: "NEW", ConditionSubtype: "NEW"},
		}}
		if !pending {
			wi.Product.Price = &wPrice{UnitPrice: &wMoney{money(it.unitCents), cur}}
		}
		if it.p.customizable {
			wi.Product.Customization = &wCustomization{CustomizedURL: "https://zme-caps.amazon.com/t/" + it.id + "/customization.zip"}
		}
		if inc["PROCEEDS"] && !pending {
			total := it.unitCents * int64(it.qty)
			wi.Proceeds = &wItemProceeds{ProceedsTotal: &wMoney{money(total), cur}, Breakdowns: []wBreakdown{{Type: "ITEM", Subtotal: wMoney{money(total), cur}}}}
		}
		if inc["FULFILLMENT"] {
			wi.Fulfillment = &wItemFulfillment{QuantityFulfilled: it.shipped, QuantityUnfulfilled: it.qty - it.shipped}
		}
		if inc["CANCELLATION"] && o.status == statusCancelled {
			wi.Cancellation = &wItemCancellation{CancellationExecution: &wCancellationExecution{CancelledBy: "BUYER", CancelReason: "BUYER_CANCELED"}}
		}
		w.OrderItems = append(w.OrderItems, wi)
	}
	if inc["PACKAGES"] && !o.shippedAt.IsZero() {
		status := "IN_TRANSIT"
		if !o.deliveredAt.IsZero() {
			status = "DELIVERED"
		}
		p := wPackage{PackageReferenceID: o.packageID, CreatedTime: ts(o.shippedAt), PackageStatus: &wPackageStatus{status},
			Carrier: o.carrier, ShipTime: ts(o.shippedAt), TrackingNumber: o.tracking}
		for _, it := range o.items {
			if it.shipped > 0 {
				p.PackageItems = append(p.PackageItems, wPackageItem{it.id, it.shipped})
			}
		}
		w.Packages = []wPackage{p}
	}
	return w
}
