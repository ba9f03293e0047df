package policy

import "fmt"

var severityNames = [...]string{Style: "style", Warn: "warn", Risk: "risk", Block: "block"}

// String returns "style", "warn", "risk" or "block", and "none" for the zero Severity.
func (s Severity) String() string {
	if s >= Style && s <= Block {
		return severityNames[s]
	}
	if s == 0 {
		return "none"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity is the inverse of String for the four severities.
func ParseSeverity(name string) (Severity, error) {
	for s := Style; s <= Block; s++ {
		if severityNames[s] == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("policy: unknown severity %q (want style, warn, risk or block)", name)
}

// MarshalText encodes the severity by name, so JSON output reads "block" rather than 4.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Style || s > Block {
		return nil, fmt.Errorf("policy: cannot encode severity %d", int(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText decodes a name written by MarshalText.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
