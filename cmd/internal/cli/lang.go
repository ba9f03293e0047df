package cli

import (
	"strings"

	"sellermail/policy"
)

// uiLang picks the language of messages: --ui-lang, else the system locale
// (LC_ALL, LC_MESSAGES, LANG), else English.
func uiLang(flagVal string, getenv func(string) string) policy.UILang {
	if flagVal != "" {
		return pickLang(flagVal)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return pickLang(v)
		}
	}
	return policy.English
}

func pickLang(locale string) policy.UILang {
	if strings.HasPrefix(strings.ToLower(locale), "de") {
		return policy.German
	}
	return policy.English
}

// tr picks the English or German wording of a short CLI string.
func tr(ui policy.UILang, en, de string) string {
	if ui == policy.German {
		return de
	}
	return en
}
