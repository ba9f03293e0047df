package spapi

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// usagePlan reads the "| rate | burst |" row of an operation's description.
var usagePlan = regexp.MustCompile(`\|\s*([0-9.]+)\s*\|\s*([0-9]+)\s*\|`)

// TestOperationsMatchAmazonModels checks the client's operation table
// (paths, operation IDs, usage plans) against Amazon's models at run time.
func TestOperationsMatchAmazonModels(t *testing.T) {
	type entry struct {
		file, path, method string
		op                 operation
	}
	entries := []entry{
		{"orders_2026-01-01.json", "/orders/2026-01-01/orders", "get", opSearchOrders},
		{"orders_2026-01-01.json", "/orders/2026-01-01/orders/{orderId}", "get", opGetOrder},
		{"messaging.json", "/messaging/v1/orders/{amazonOrderId}", "get", opGetMessagingAction},
		{"messaging.json", "/messaging/v1/orders/{amazonOrderId}/attributes", "get", opGetAttributes},
		{"solicitations.json", "/solicitations/v1/orders/{amazonOrderId}", "get", opGetSolicitations},
		{"solicitations.json", "/solicitations/v1/orders/{amazonOrderId}/solicitations/productReviewAndSellerFeedback", "post", opCreateSolicitation},
		{"uploads_2020-11-01.json", "/uploads/2020-11-01/uploadDestinations/{resource}", "post", opCreateUploadDest},
		{"sellers.json", "/sellers/v1/marketplaceParticipations", "get", opParticipations},
	}
	for _, k := range messageKinds {
		entries = append(entries, entry{"messaging.json", "/messaging/v1/orders/{amazonOrderId}/messages/" + string(k.kind), "post", k.op})
	}
	models := map[string]map[string]any{}
	for _, e := range entries {
		m, ok := models[e.file]
		if !ok {
			m = loadModel(t, e.file)
			models[e.file] = m
		}
		op, ok := dig(m, "paths", e.path, e.method).(map[string]any)
		if !ok {
			t.Errorf("%s: no %s %s in the model", e.op.name, e.method, e.path)
			continue
		}
		if op["operationId"] != e.op.name {
			t.Errorf("%s %s: operationId %v, client calls it %s", e.method, e.path, op["operationId"], e.op.name)
		}
		plan := usagePlan.FindStringSubmatch(op["description"].(string))
		if plan == nil {
			if e.op.name != "sendInvoice" {
				t.Errorf("%s: model states no usage plan", e.op.name)
			}
			continue
		}
		rate, _ := strconv.ParseFloat(plan[1], 64)
		burst, _ := strconv.Atoi(plan[2])
		if rate != e.op.rate || burst != e.op.burst {
			t.Errorf("%s: model plan %g/%d, client %g/%d", e.op.name, rate, burst, e.op.rate, e.op.burst)
		}
		if e.op.send != (e.method == "post" && e.op.name != opCreateUploadDest.name) {
			t.Errorf("%s: send flag %t", e.op.name, e.op.send)
		}
	}
}

// TestMessageLimitsMatchTheModel checks each kind's text limit and
// attachment rules against messaging.json's request definitions.
func TestMessageLimitsMatchTheModel(t *testing.T) {
	m := loadModel(t, "messaging.json")
	sends := 0
	for path, v := range m["paths"].(map[string]any) {
		post, ok := dig(v, "post").(map[string]any)
		if !ok || !strings.Contains(path, "/messages/") {
			continue
		}
		sends++
		kind := MessageKind(path[strings.LastIndex(path, "/")+1:])
		spec, ok := specOf(kind)
		if !ok {
			t.Errorf("model offers %s, client does not", kind)
			continue
		}
		var ref string
		for _, p := range post["parameters"].([]any) {
			if r, ok := dig(p, "schema", "$ref").(string); ok {
				ref = strings.TrimPrefix(r, "#/definitions/")
			}
		}
		props := dig(m, "definitions", ref, "properties").(map[string]any)
		maxText := 0
		if l, ok := dig(props, "text", "maxLength").(float64); ok {
			maxText = int(l)
		}
		if maxText != spec.maxText {
			t.Errorf("%s: model text limit %d, client %d", kind, maxText, spec.maxText)
		}
		_, hasAtt := props["attachments"]
		if hasAtt != spec.attach {
			t.Errorf("%s: model attachments %t, client %t", kind, hasAtt, spec.attach)
		}
		if max, ok := dig(props, "attachments", "maxLength").(float64); ok && int(max) != maxAttachments {
			t.Errorf("%s: model allows %v attachments", kind, max)
		}
		if min, ok := dig(props, "attachments", "minLength").(float64); ok && int(min) != spec.minAttach {
			t.Errorf("%s: model needs %v attachments, client %d", kind, min, spec.minAttach)
		}
		_, hasCoverage := props["coverageStartDate"]
		if hasCoverage != spec.coverage {
			t.Errorf("%s: coverage %t vs %t", kind, hasCoverage, spec.coverage)
		}
	}
	if sends != len(messageKinds) {
		t.Errorf("model has %d send operations, client %d", sends, len(messageKinds))
	}
}
