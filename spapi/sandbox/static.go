package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// StaticModelFiles are the model files LoadStatic reads from the models directory.
var StaticModelFiles = []string{
	"orders_2026-01-01.json",
	"messaging.json",
	"solicitations.json",
	"uploads_2020-11-01.json",
	"sellers.json",
}

// StaticOperationIDs are the operations Sellermail uses; LoadStatic keeps only these.
var StaticOperationIDs = []string{
	"searchOrders", "getOrder",
	"getMessagingActionsForOrder", "GetAttributes",
	"confirmCustomizationDetails", "createConfirmDeliveryDetails", "createLegalDisclosure",
	"createConfirmOrderDetails", "createConfirmServiceDetails", "CreateWarranty",
	"createDigitalAccessKey", "createUnexpectedProblem", "sendInvoice",
	"getSolicitationActionsForOrder", "createProductReviewAndSellerFeedbackSolicitation",
	"createUploadDestinationForResource",
	"getMarketplaceParticipations",
}

// StaticParam is one parameter an operation declares.
type StaticParam struct {
	Name     string
	In       string // "path", "query", "body" or "header"
	Type     string // "string", "array", "integer"...; empty for body
	Required bool
	Greedy   bool // a path parameter whose value keeps its slashes
}

// StaticOperation is one operation of a model.
type StaticOperation struct {
	Model        string // model file name
	OperationID  string
	Method       string // e.g. "GET"
	PathTemplate string // e.g. "/messaging/v1/orders/{amazonOrderId}"
	ContentType  string // the media type the operation produces
	Params       []StaticParam
}

// StaticCase is one x-amzn-api-sandbox static case: the request parameters
// that select it and the answer it gives.
type StaticCase struct {
	Model        string
	OperationID  string
	Method       string
	PathTemplate string
	// Parameters are the values that must match, by parameter name, as the model gives them.
	Parameters map[string]json.RawMessage
	// Status is the HTTP status of the answer.
	Status int
	// Response is the answer body (compact JSON).
	Response json.RawMessage

	op *StaticOperation
}

// StaticCases are the static cases of the models, grouped by operation.
type StaticCases struct {
	Operations []StaticOperation
	Cases      []StaticCase
}

// Operation returns the operation with the given ID.
func (sc *StaticCases) Operation(id string) (StaticOperation, bool) {
	for _, op := range sc.Operations {
		if op.OperationID == id {
			return op, true
		}
	}
	return StaticOperation{}, false
}

// FindModelsDir finds the shared models directory from dir: the env var
// SELLERMAIL_SPAPI_MODELS if set, else shared/spapi-models next to the
// repository holding dir (the first parent with a go.mod).
func FindModelsDir(dir string) (string, error) {
	if d := os.Getenv("SELLERMAIL_SPAPI_MODELS"); d != "" {
		return d, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			m := filepath.Join(filepath.Dir(d), "shared", "spapi-models")
			if _, err := os.Stat(m); err != nil {
				return "", fmt.Errorf("sandbox: models directory %s: %w", m, err)
			}
			return m, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("sandbox: no go.mod above %s", abs)
		}
	}
}

// model is the part of a Swagger 2.0 file LoadStatic reads.
type model struct {
	Produces   []string                              `json:"produces"`
	Parameters map[string]modelParam                 `json:"parameters"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
}

type modelParam struct {
	Ref      string `json:"$ref"`
	Name     string `json:"name"`
	In       string `json:"in"`
	Type     string `json:"type"`
	Required bool   `json:"required"`
	Greedy   bool   `json:"x-amazon-spds-greedy-path-parameter"`
}

type modelOp struct {
	OperationID string                   `json:"operationId"`
	Produces    []string                 `json:"produces"`
	Parameters  []modelParam             `json:"parameters"`
	Responses   map[string]modelResponse `json:"responses"`
}

type modelResponse struct {
	Sandbox struct {
		Static []struct {
			Request struct {
				Parameters map[string]struct {
					Value json.RawMessage `json:"value"`
				} `json:"parameters"`
			} `json:"request"`
			Response json.RawMessage `json:"response"`
		} `json:"static"`
	} `json:"x-amzn-api-sandbox"`
}

// LoadStatic reads the static sandbox cases of StaticOperationIDs from the
// StaticModelFiles in modelsDir.
func LoadStatic(modelsDir string) (*StaticCases, error) {
	sc := &StaticCases{}
	for _, file := range StaticModelFiles {
		raw, err := os.ReadFile(filepath.Join(modelsDir, file))
		if err != nil {
			return nil, fmt.Errorf("sandbox: %w", err)
		}
		if err := sc.addModel(file, raw); err != nil {
			return nil, fmt.Errorf("sandbox: %s: %w", file, err)
		}
	}
	for i := range sc.Cases {
		for j := range sc.Operations {
			if sc.Operations[j].OperationID == sc.Cases[i].OperationID {
				sc.Cases[i].op = &sc.Operations[j]
			}
		}
	}
	return sc, nil
}

func (sc *StaticCases) addModel(file string, raw []byte) error {
	var m model
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	paths := make([]string, 0, len(m.Paths))
	for p := range m.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		var shared []modelParam
		if pp, ok := m.Paths[p]["parameters"]; ok {
			if err := json.Unmarshal(pp, &shared); err != nil {
				return fmt.Errorf("%s parameters: %w", p, err)
			}
		}
		for _, method := range []string{"get", "put", "post", "delete", "patch"} {
			rawOp, ok := m.Paths[p][method]
			if !ok {
				continue
			}
			var o modelOp
			if err := json.Unmarshal(rawOp, &o); err != nil {
				return fmt.Errorf("%s %s: %w", method, p, err)
			}
			if !slices.Contains(StaticOperationIDs, o.OperationID) {
				continue
			}
			op := StaticOperation{Model: file, OperationID: o.OperationID, Method: strings.ToUpper(method), PathTemplate: p, ContentType: contentJSON}
			if len(o.Produces) > 0 {
				op.ContentType = o.Produces[0]
			} else if len(m.Produces) > 0 {
				op.ContentType = m.Produces[0]
			}
			for _, mp := range append(shared, o.Parameters...) {
				if mp.Ref != "" {
					mp = m.Parameters[strings.TrimPrefix(mp.Ref, "#/parameters/")]
				}
				op.Params = append(op.Params, StaticParam{Name: mp.Name, In: mp.In, Type: mp.Type, Required: mp.Required, Greedy: mp.Greedy})
			}
			sc.Operations = append(sc.Operations, op)
			sc.addCases(op, o.Responses)
		}
	}
	return nil
}

func (sc *StaticCases) addCases(op StaticOperation, responses map[string]modelResponse) {
	codes := make([]int, 0, len(responses))
	for k := range responses {
		if n, err := strconv.Atoi(k); err == nil {
			codes = append(codes, n)
		}
	}
	sort.Ints(codes)
	for _, code := range codes {
		for _, st := range responses[strconv.Itoa(code)].Sandbox.Static {
			c := StaticCase{Model: op.Model, OperationID: op.OperationID, Method: op.Method, PathTemplate: op.PathTemplate,
				Parameters: map[string]json.RawMessage{}, Status: code}
			for name, v := range st.Request.Parameters {
				c.Parameters[name] = v.Value
			}
			var buf bytes.Buffer
			if json.Compact(&buf, st.Response) == nil {
				c.Response = buf.Bytes()
			} else {
				c.Response = st.Response
			}
			sc.Cases = append(sc.Cases, c)
		}
	}
}

// StaticMarketplaceID is the marketplace sent for required marketplaceIds
// parameters a case does not list, as Amazon's sandbox expects.
const StaticMarketplaceID = "ATVPDKIKX0DER"

// paramValues turns a case value into query strings: a JSON array gives its elements.
func paramValues(raw json.RawMessage) []string {
	var list []any
	if json.Unmarshal(raw, &list) == nil {
		out := make([]string, 0, len(list))
		for _, x := range list {
			out = append(out, scalarString(x))
		}
		return out
	}
	var x any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if d.Decode(&x) != nil {
		return nil
	}
	return []string{scalarString(x)}
}

func scalarString(x any) string {
	switch v := x.(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

// Path is the request path of the case with its path parameters filled in.
func (c StaticCase) Path() string {
	p := c.PathTemplate
	for name, raw := range c.Parameters {
		vals := paramValues(raw)
		if len(vals) != 1 {
			continue
		}
		esc := url.PathEscape(vals[0])
		if c.op != nil {
			for _, sp := range c.op.Params {
				if sp.Name == name && sp.Greedy {
					esc = vals[0]
				}
			}
		}
		p = strings.ReplaceAll(p, "{"+name+"}", esc)
	}
	return p
}

// Query is the case's query parameters, each array element a separate
// value, plus StaticMarketplaceID for a required marketplaceIds it omits.
func (c StaticCase) Query() url.Values {
	q := url.Values{}
	if c.op == nil {
		return q
	}
	for _, sp := range c.op.Params {
		if sp.In != "query" {
			continue
		}
		if raw, ok := c.Parameters[sp.Name]; ok {
			q[sp.Name] = paramValues(raw)
		} else if sp.Required && sp.Name == "marketplaceIds" {
			q.Set(sp.Name, StaticMarketplaceID)
		}
	}
	return q
}

// Body is the case's request body, or nil when the case lists none.
func (c StaticCase) Body() []byte {
	if c.op == nil {
		return nil
	}
	for _, sp := range c.op.Params {
		if sp.In == "body" {
			if raw, ok := c.Parameters[sp.Name]; ok {
				return raw
			}
		}
	}
	return nil
}
