package spapi

import (
	"context"
	"net/http"
	"net/url"
)

// ActionProductReview is the one solicitation type Amazon offers: its
// "Request a Review" email.
const ActionProductReview = "productReviewAndSellerFeedback"

// SolicitationActions returns the solicitations Amazon offers for an order
// (getSolicitationActionsForOrder). Check Has(ActionProductReview) before
// requesting a review.
func (c *Client) SolicitationActions(ctx context.Context, orderID, marketplaceID string) (*Actions, error) {
	return c.actions(ctx, opGetSolicitations, "/solicitations/v1/orders/", orderID, marketplaceID)
}

// RequestReview sends Amazon's review and seller-feedback request for an
// order (createProductReviewAndSellerFeedbackSolicitation). Amazon allows one
// per order; like every send it is not retried once it may have arrived.
func (c *Client) RequestReview(ctx context.Context, orderID, marketplaceID string) (SendResult, error) {
	if err := checkOrderID(orderID); err != nil {
		return SendResult{}, err
	}
	if err := c.checkMarketplace(marketplaceID); err != nil {
		return SendResult{}, err
	}
	resp, err := c.call(ctx, apiRequest{
		op: opCreateSolicitation, method: http.MethodPost,
		path:  "/solicitations/v1/orders/" + url.PathEscape(orderID) + "/solicitations/" + ActionProductReview,
		query: url.Values{"marketplaceIds": {marketplaceID}},
	})
	if err != nil {
		return SendResult{}, err
	}
	return SendResult{RequestID: resp.requestID}, nil
}
