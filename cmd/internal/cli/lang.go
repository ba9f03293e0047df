package cli

import (
	"sellermail/app/i18n"
)

// uiLang picks the language of messages: --ui-lang, else the system locale
// (LC_ALL, LC_MESSAGES, LANG), else English.
func uiLang(flagVal string, getenv func(string) string) i18n.Lang {
	if flagVal != "" {
		return i18n.FromLocale(flagVal)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return i18n.FromLocale(v)
		}
	}
	return i18n.English
}
