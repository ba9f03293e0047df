package sandbox

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// schemaChecker validates decoded JSON against a model's definitions:
// required properties, types, enums and unknown properties.
type schemaChecker struct {
	defs map[string]map[string]any
	errs []string
}

func loadDefinitions(t testing.TB, file string) *schemaChecker {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(modelsDir(t), file))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Definitions map[string]map[string]any `json:"definitions"`
	}
	mustJSON(t, raw, &m)
	return &schemaChecker{defs: m.Definitions}
}

func (c *schemaChecker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, path+": "+fmt.Sprintf(format, args...))
}

// check validates v against the definition named def.
func (c *schemaChecker) check(def string, v any) []string {
	c.errs = nil
	c.value("$", map[string]any{"$ref": "#/definitions/" + def}, v)
	return c.errs
}

func (c *schemaChecker) value(path string, schema map[string]any, v any) {
	if ref, ok := schema["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/definitions/")
		d, ok := c.defs[name]
		if !ok {
			c.fail(path, "unknown definition %s", name)
			return
		}
		schema = d
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		c.fail(path, "%v not in enum %v", v, enum)
	}
	switch schema["type"] {
	case "string":
		if _, ok := v.(string); !ok {
			c.fail(path, "want string, got %T", v)
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			c.fail(path, "want integer, got %v", v)
		}
	case "number":
		if _, ok := v.(float64); !ok {
			c.fail(path, "want number, got %T", v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			c.fail(path, "want boolean, got %T", v)
		}
	case "array":
		list, ok := v.([]any)
		if !ok {
			c.fail(path, "want array, got %T", v)
			return
		}
		items, _ := schema["items"].(map[string]any)
		for i, x := range list {
			c.value(fmt.Sprintf("%s[%d]", path, i), items, x)
		}
	case "object", nil:
		obj, ok := v.(map[string]any)
		if !ok {
			if schema["type"] == "object" {
				c.fail(path, "want object, got %T", v)
			}
			return
		}
		props, _ := schema["properties"].(map[string]any)
		if req, ok := schema["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					c.fail(path, "required property %s missing", r)
				}
			}
		}
		for k, x := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				if props != nil {
					c.fail(path, "property %s is not in the model", k)
				}
				continue
			}
			c.value(path+"."+k, ps, x)
		}
	}
}

func decodeAny(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

// The checker must catch what it is meant to catch.
func TestSchemaCheckerRejectsMissingRequired(t *testing.T) {
	c := loadDefinitions(t, "orders_2026-01-01.json")
	bad := decodeAny(t, []byte(`{"orderId":"1","createdTime":"x","salesChannel":{"channelName":"AMAZON"},"orderItems":[{"orderItemId":"1","quantityOrdered":1.5}],"bogus":1}`))
	errs := c.check("Order", bad)
	for _, want := range []string{"lastUpdatedTime missing", "product missing", "want integer", "bogus is not in the model"} {
		if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, want) }) {
			t.Errorf("checker missed %q in %v", want, errs)
		}
	}
}
