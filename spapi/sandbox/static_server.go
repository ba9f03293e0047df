package sandbox

import (
	"bytes"
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strings"
)

// routeStatic serves every operation of sc with its static cases, under
// the throttling Amazon applies to its sandbox hosts.
func (s *Server) routeStatic(sc *StaticCases) {
	if sc == nil {
		sc = &StaticCases{}
	}
	for i := range sc.Operations {
		op := &sc.Operations[i]
		tmpl := op.PathTemplate
		for _, p := range op.Params {
			if p.In == "path" && p.Greedy {
				tmpl = strings.Replace(tmpl, "{"+p.Name+"}", "{"+p.Name+"...}", 1)
			}
		}
		s.handle(op.Method+" "+tmpl, route{op: op.OperationID, plan: StaticSandboxPlan, auth: true, h: func(c *call) reply {
			return answerStatic(sc, op, c)
		}})
	}
}

func answerStatic(sc *StaticCases, op *StaticOperation, c *call) reply {
	q := c.r.URL.Query()
	for _, p := range op.Params {
		if p.In == "query" && p.Required && q.Get(p.Name) == "" {
			return badInput("Missing required parameter: " + p.Name + ".")
		}
	}
	best := matchStatic(sc, op, c.r.PathValue, q, c.body)
	if best == nil {
		return badInput("Could not match input arguments")
	}
	return reply{status: best.Status, contentType: op.ContentType, body: best.Response}
}

// matchStatic picks the case of op whose parameters all match the request,
// preferring the one that names the most parameters.
func matchStatic(sc *StaticCases, op *StaticOperation, pathValue func(string) string, q url.Values, body []byte) *StaticCase {
	var best *StaticCase
	for i := range sc.Cases {
		c := &sc.Cases[i]
		if c.OperationID != op.OperationID || !caseMatches(c, op, pathValue, q, body) {
			continue
		}
		if best == nil || len(c.Parameters) > len(best.Parameters) {
			best = c
		}
	}
	return best
}

func caseMatches(c *StaticCase, op *StaticOperation, pathValue func(string) string, q url.Values, body []byte) bool {
	for name, want := range c.Parameters {
		in := ""
		for _, p := range op.Params {
			if p.Name == name {
				in = p.In
			}
		}
		switch in {
		case "path":
			if v := paramValues(want); len(v) != 1 || pathValue(name) != v[0] {
				return false
			}
		case "query":
			if !sameValues(paramValues(want), splitQuery(q[name])) {
				return false
			}
		case "body":
			if !sameJSON(want, body) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// splitQuery flattens repeated and comma-separated values (Swagger's csv default).
func splitQuery(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, part := range strings.Split(v, ",") {
			if part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

func sameValues(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// sameJSON compares two JSON documents by value.
func sameJSON(a, b []byte) bool {
	x, okA := decodeJSON(a)
	y, okB := decodeJSON(b)
	return okA && okB && reflect.DeepEqual(x, y)
}

func decodeJSON(b []byte) (any, bool) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil || d.More() {
		return nil, false
	}
	return v, true
}
