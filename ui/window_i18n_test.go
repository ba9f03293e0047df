package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"sellermail/app/i18n"
	"sellermail/spapi"
)

// Every text the window's screens use exists in English and German.
func TestWindowTextsTranslated(t *testing.T) {
	en, de := catalogue(i18n.English), catalogue(i18n.German)
	key := regexp.MustCompile(`"((?:window|welcome|setup|orders|sync|detail|review|reviews|settings|tab|demo)\.[a-z.]+)"`)
	files := []string{"window.go", "welcome.go", "setup.go", "orders.go", "sync.go", "order_detail.go", "reviews.go",
		"mainscreen.go", "workspace.go", "settings.go", "format.go"}
	var used []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			used = append(used, m[1])
		}
	}
	// Keys built at run time.
	for _, f := range []string{"clientid", "clientsecret", "refreshtoken"} {
		used = append(used, "setup.invalid."+f)
	}
	for _, st := range orderStatuses {
		used = append(used, "orders.status."+strings.ToLower(string(st)))
	}
	if len(used) < 80 {
		t.Fatalf("found only %d keys; is the pattern right?", len(used))
	}
	for _, k := range used {
		if strings.HasSuffix(k, ".") {
			continue
		}
		if strings.TrimSpace(en[k]) == "" || strings.TrimSpace(de[k]) == "" {
			t.Errorf("%q: English %q, German %q", k, en[k], de[k])
		}
	}
	if got := statusName(string(spapi.StatusShipped)); got != "Shipped" && got != "Versandt" {
		t.Errorf("statusName(SHIPPED) = %q", got)
	}
}

// catalogue is l's texts by key.
func catalogue(l i18n.Lang) map[string]string {
	m := map[string]string{}
	for _, k := range i18n.Keys(l) {
		m[k] = i18n.T(l, k)
	}
	return m
}
