package i18n

import (
	"encoding/json"
	"maps"
	"strings"
	"time"
)

// Text is a text kept as its catalogue key and arguments, so it can be
// stored or passed along and read later in whatever language the seller
// chooses then. An argument whose name ends in "Date" holds a day as
// 2006-01-02 and is written the way the language writes days. The zero Text
// is no text.
type Text struct {
	Key  string            `json:"key"`
	Args map[string]string `json:"args,omitempty"`
}

// New returns the Text for key with arguments given as name, value pairs.
func New(key string, nameValues ...string) Text {
	t := Text{Key: key}
	for i := 0; i+1 < len(nameValues); i += 2 {
		if t.Args == nil {
			t.Args = map[string]string{}
		}
		t.Args[nameValues[i]] = nameValues[i+1]
	}
	return t
}

// IsZero reports whether t holds no text.
func (t Text) IsZero() bool { return t.Key == "" }

// In renders t in l.
func (t Text) In(l Lang) string {
	if t.Key == "" {
		return ""
	}
	if len(t.Args) == 0 {
		return T(l, t.Key)
	}
	return T(l, t.Key, localArgs(t.Args, l))
}

// localArgs writes the days among args the way l writes them.
func localArgs(args map[string]string, l Lang) map[string]string {
	out := args
	for k, v := range args {
		if !strings.HasSuffix(k, "Date") {
			continue
		}
		if d, err := time.Parse(time.DateOnly, v); err == nil {
			if maps.Equal(out, args) {
				out = maps.Clone(args) // the caller's map stays as it is
			}
			out[k] = Date(l, d)
		}
	}
	return out
}

// Encode is t as it is stored: JSON, or "" for the zero Text.
func (t Text) Encode() string {
	if t.Key == "" {
		return ""
	}
	b, err := json.Marshal(t)
	if err != nil {
		return ""
	}
	return string(b)
}

// Decode reads a stored Text. Stored values written before texts were kept
// as keys are prose in one language; Decode reports ok false for them, and
// the caller shows them as they are.
func Decode(s string) (t Text, ok bool) {
	if !strings.HasPrefix(s, "{") {
		return Text{}, false
	}
	if err := json.Unmarshal([]byte(s), &t); err != nil || t.Key == "" {
		return Text{}, false
	}
	return t, true
}

// Render shows a stored value in l: a Text in l's words, older prose as
// it was written.
func Render(stored string, l Lang) string {
	if t, ok := Decode(stored); ok {
		return t.In(l)
	}
	return stored
}
