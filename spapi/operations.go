package spapi

// operation describes one SP-API operation the client calls: its name as in
// Amazon's model (used for its rate-limit bucket and in errors), the
// documented default usage plan, and whether it changes something at Amazon
// (a send, which must never be repeated blindly).
type operation struct {
	name  string
	rate  float64 // requests per second
	burst int
	send  bool
}

// The operations, with the usage plans stated in Amazon's models.
// sendInvoice states none; Amazon's SDK uses the messaging plan (1/5).
var (
	opSearchOrders       = operation{name: "searchOrders", rate: 0.0056, burst: 20}
	opGetOrder           = operation{name: "getOrder", rate: 0.5, burst: 30}
	opGetMessagingAction = operation{name: "getMessagingActionsForOrder", rate: 1, burst: 5}
	opGetAttributes      = operation{name: "GetAttributes", rate: 1, burst: 5}
	opGetSolicitations   = operation{name: "getSolicitationActionsForOrder", rate: 1, burst: 5}
	opCreateSolicitation = operation{name: "createProductReviewAndSellerFeedbackSolicitation", rate: 1, burst: 5, send: true}
	opCreateUploadDest   = operation{name: "createUploadDestinationForResource", rate: 10, burst: 10}
	opParticipations     = operation{name: "getMarketplaceParticipations", rate: 0.016, burst: 15}
)

// allOperations lists every operation, the message sends included, so New
// can create one bucket each.
func allOperations() []operation {
	ops := []operation{opSearchOrders, opGetOrder, opGetMessagingAction, opGetAttributes,
		opGetSolicitations, opCreateSolicitation, opCreateUploadDest, opParticipations}
	for _, k := range messageKinds {
		ops = append(ops, k.op)
	}
	return ops
}
