package policy

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Seller messages of two or three sentences, one per language and situation.
var langSamples = []struct {
	name, want, text string
}{
	{"de delay", "de", "Guten Tag, leider verzögert sich die Lieferung Ihrer Bestellung um zwei Tage, weil unser Versanddienstleister einen Engpass hat. Wir entschuldigen uns für die Unannehmlichkeiten und melden uns, sobald das Paket unterwegs ist."},
	{"de customization", "de", "Hallo Frau Schmidt, bevor wir die Gravur anfertigen, möchten wir den Text mit Ihnen abstimmen. Soll der Name „Lena“ in Schreibschrift oder in Druckbuchstaben auf die Tasse? Bitte geben Sie uns kurz Bescheid."},
	{"de damaged", "de", "Sehr geehrter Herr Weber, es tut uns sehr leid, dass die Vase beschädigt bei Ihnen angekommen ist. Wir schicken Ihnen heute kostenlos einen Ersatz, die kaputte Vase müssen Sie nicht zurücksenden."},
	{"en delay", "en", "Hello John, we are sorry to let you know that your order has been delayed by our carrier. The new estimated delivery date is Friday, and we will keep an eye on the parcel for you."},
	{"en address", "en", "Hi Sarah, the carrier could not match the house number in your shipping address. Could you please confirm the full address so that we can make sure the package reaches you?"},
	{"en key", "en", "Thank you for your order. Your activation key is below; it works for one computer and does not expire. If the key is not accepted, please reply to this message and we will look into it."},
	{"fr delay", "fr", "Bonjour Madame Martin, nous sommes désolés de vous informer que votre commande aura un retard de trois jours. Le transporteur nous a confirmé que le colis partira lundi. Nous vous remercions de votre compréhension."},
	{"fr customization", "fr", "Bonjour, avant de graver votre bijou, pouvez-vous nous confirmer l'orthographe du prénom ? Nous avons reçu « Élodie » avec un accent, est-ce bien correct ?"},
	{"it delay", "it", "Gentile cliente, purtroppo la spedizione del suo ordine è in ritardo di due giorni a causa di un problema con il corriere. Ci scusiamo per il disagio e la terremo aggiornata."},
	{"it damaged", "it", "Buongiorno, ci dispiace molto che il prodotto sia arrivato danneggiato. Le spediremo subito un articolo nuovo e non è necessario restituire quello rotto."},
	{"es delay", "es", "Hola Carlos, lamentamos informarle de que su pedido llegará con dos días de retraso porque la empresa de transporte tiene mucho volumen. Le pedimos disculpas por las molestias y le avisaremos cuando esté en camino."},
	{"es address", "es", "Estimada señora García, el transportista no encuentra el número de su dirección de envío. ¿Podría confirmarnos la dirección completa para que el paquete le llegue sin problemas?"},
	{"nl delay", "nl", "Beste meneer de Vries, helaas is uw bestelling vertraagd omdat de vervoerder een storing heeft. Wij verwachten dat het pakket binnen drie dagen bij u wordt bezorgd. Onze excuses voor het ongemak."},
	{"nl address", "nl", "Hallo, het huisnummer in uw adres ontbreekt, waardoor de bezorger het pakket niet kan afleveren. Kunt u het volledige adres aan ons doorgeven?"},
	{"pl delay", "pl", "Dzień dobry, niestety przesyłka z Pana zamówieniem jest opóźniona o dwa dni z powodu problemów u przewoźnika. Przepraszamy za niedogodności i poinformujemy, gdy paczka zostanie nadana."},
	{"pl damaged", "pl", "Szanowna Pani, bardzo nam przykro, że produkt dotarł uszkodzony. Wyślemy nowy egzemplarz jeszcze dzisiaj, a uszkodzonego nie trzeba odsyłać."},
	{"sv delay", "sv", "Hej Anna, tyvärr är din beställning försenad eftersom transportören har problem med leveranserna. Vi räknar med att paketet kommer fram inom tre dagar och ber om ursäkt för besväret."},
	{"sv address", "sv", "Hej, vi saknar portkoden till din adress och budet kan därför inte lämna paketet. Kan du skicka den till oss så att leveransen går som planerat?"},
	{"tr delay", "tr", "Merhaba Ayşe Hanım, maalesef siparişiniz kargo firmasındaki bir yoğunluk nedeniyle iki gün gecikecek. Yaşanan aksaklık için özür dileriz, paketiniz yola çıktığında size haber vereceğiz."},
	{"tr address", "tr", "Sayın müşterimiz, teslimat adresinizde bina numarası eksik görünüyor. Paketin size ulaşabilmesi için lütfen tam adresinizi bizimle paylaşır mısınız?"},
	{"pt delay", "pt", "Olá Maria, infelizmente a sua encomenda está atrasada porque a transportadora teve um problema no armazém. A entrega deve acontecer dentro de três dias e pedimos desculpas pelo incómodo."},
	{"pt address", "pt", "Prezado cliente, o número da porta não consta no endereço de entrega e o estafeta não consegue entregar o pacote. Pode confirmar-nos o endereço completo, por favor?"},
}

func TestDetectLanguageSellerMessages(t *testing.T) {
	for _, s := range langSamples {
		t.Run(s.name, func(t *testing.T) {
			got := DetectLanguage(s.text)
			if got.Code != s.want {
				t.Errorf("DetectLanguage = %q (%.2f), want %q", got.Code, got.Confidence, s.want)
			}
			if got.Confidence < 0.5 {
				t.Errorf("confidence %.2f for a clear %s text, want at least 0.5", got.Confidence, s.want)
			}
		})
	}
}

func TestDetectLanguageShortOrEmptyIsUnknown(t *testing.T) {
	for _, text := range []string{
		"",
		"   \n\t ",
		"Danke!",
		"Thank you",
		"Merci beaucoup",
		"Grazie mille",
		"OK",
		"302-1234567-1234567",
		"https://www.dhl.de/sendungsverfolgung?id=00340434161234567890",
		"info@example.com",
		"{{order_id}} [Name] ${store} {product}",
		"Lieferung",
		"!!! ??? ...",
		"12,99 € 03.04.2026",
	} {
		got := DetectLanguage(text)
		if got.Code != "" {
			t.Errorf("DetectLanguage(%q) = %q (%.2f), want unknown", text, got.Code, got.Confidence)
		}
		if got.Confidence > ldUnknownCap {
			t.Errorf("DetectLanguage(%q) confidence %.2f above %.2f for an unknown result", text, got.Confidence, ldUnknownCap)
		}
	}
}

func TestDetectLanguageIgnoresPlaceholdersLinksAndNumbers(t *testing.T) {
	// The noise is English-looking or language-free; only the German words count.
	noise := " {{order_id}} [Your Name] ${store_name} {product title} <b>" +
		" https://www.the-best-shop.com/and/the/order info@the-shop.com 302-1234567-1234567" +
		" 4006381333931 12,99 EUR 24.12.2026 @the_shop_for_you "
	text := "Hallo" + noise + "wir haben Ihre Bestellung erhalten und schicken das Paket" + noise + "morgen mit DHL los."
	got := DetectLanguage(text)
	if got.Code != "de" {
		t.Errorf("DetectLanguage = %q (%.2f), want de", got.Code, got.Confidence)
	}
	// Placeholders whose contents would outvote the German text.
	tmpl := "Hallo {{fill: the name of the buyer as it is on the order}}, die Lieferung verzögert sich leider um [number of the days that it will be late] Tage."
	if got := DetectLanguage(tmpl); got.Code != "de" {
		t.Errorf("template: DetectLanguage = %q (%.2f), want de", got.Code, got.Confidence)
	}
}

func TestDetectLanguageMixedTexts(t *testing.T) {
	tests := []struct {
		name, want, text string
	}{
		{
			"german with english product name", "de",
			"Hallo, Ihr „Wireless Charger for the Car“ ist leider noch nicht bei uns eingetroffen. Wir schicken ihn Ihnen, sobald er da ist, und geben Ihnen dann Bescheid.",
		},
		{
			"english with german quote", "en",
			"Hello, the carrier left a note saying „Empfänger nicht angetroffen“. We have asked them to try the delivery again tomorrow and will let you know if there is any change.",
		},
		{
			"half german half english", "",
			"Wir haben Ihre Bestellung und das Paket ist bei der Post. We have your order and the parcel is with the carrier.",
		},
		{
			"spanish and portuguese side by side", "",
			"Lamentamos el retraso de su pedido y le pedimos disculpas. Lamentamos o atraso da sua encomenda e pedimos desculpas.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DetectLanguage(tt.text)
			if got.Code != tt.want {
				t.Errorf("DetectLanguage = %q (%.2f), want %q", got.Code, got.Confidence, tt.want)
			}
		})
	}
}

func TestDetectLanguageIsCaseInsensitive(t *testing.T) {
	text := "SEHR GEEHRTE DAMEN UND HERREN, LEIDER IST DIE LIEFERUNG IHRER BESTELLUNG VERZÖGERT. WIR MELDEN UNS BEI IHNEN."
	if got := DetectLanguage(text); got.Code != "de" {
		t.Errorf("DetectLanguage(upper case) = %q (%.2f), want de", got.Code, got.Confidence)
	}
}

func TestDetectLanguageConfidenceGrowsWithEvidence(t *testing.T) {
	short := DetectLanguage("Wir haben Ihre Bestellung und das Paket.")
	long := DetectLanguage(langSamples[0].text + " " + langSamples[1].text)
	if short.Code != "de" || long.Code != "de" {
		t.Fatalf("codes %q, %q, want de for both", short.Code, long.Code)
	}
	if long.Confidence <= short.Confidence {
		t.Errorf("confidence %.2f for a long text, %.2f for a short one; want the long one higher", long.Confidence, short.Confidence)
	}
}

func TestDetectLanguageElision(t *testing.T) {
	// French and Italian elided articles are counted: l'ordine, dell'articolo, l'orthographe, d'un.
	if got := DetectLanguage("L'ordine dell'articolo è arrivato all'indirizzo nell'ufficio."); got.Code != "it" {
		t.Errorf("Italian elisions: %q (%.2f), want it", got.Code, got.Confidence)
	}
	if got := DetectLanguage("L'orthographe d'un prénom n'est qu'un détail, c'est l'essentiel."); got.Code != "fr" {
		t.Errorf("French elisions: %q (%.2f), want fr", got.Code, got.Confidence)
	}
}

func FuzzDetectLanguage(f *testing.F) {
	for _, s := range langSamples {
		f.Add(s.text)
	}
	for _, s := range []string{"", "{", "{{", "${", "[", "<", "l'", "'", "a'b", "\xff\xfe", "ß\u0130\u0131", "www.", "a.b", strings.Repeat("x", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := DetectLanguage(text)
		if got.Confidence < 0 || got.Confidence > 1 || got.Confidence != got.Confidence {
			t.Fatalf("confidence %v outside [0,1]", got.Confidence)
		}
		if got.Code == "" && got.Confidence > ldUnknownCap {
			t.Fatalf("unknown result with confidence %v", got.Confidence)
		}
		if got.Code != "" && !strings.Contains(" de en fr it es nl pl sv tr pt ", " "+got.Code+" ") {
			t.Fatalf("unexpected code %q", got.Code)
		}
		if again := DetectLanguage(text); again != got {
			t.Fatalf("not deterministic: %+v then %+v", got, again)
		}
		if !utf8.ValidString(got.Code) {
			t.Fatalf("invalid code %q", got.Code)
		}
	})
}

func TestDetectLanguageDoesNotAllocate(t *testing.T) {
	text := ldBenchText()
	if n := testing.AllocsPerRun(20, func() { DetectLanguage(text) }); n != 0 {
		t.Errorf("DetectLanguage allocates %v times per call, want 0", n)
	}
}

// ldBenchText is a realistic 2,000-character German message with an order
// ID, a tracking link and a placeholder.
func ldBenchText() string {
	var b strings.Builder
	for b.Len() < 2000 {
		b.WriteString(langSamples[0].text)
		b.WriteString(" Bestellung 302-1234567-1234567, Sendung https://www.dhl.de/de/privatkunden.html?piececode=00340434161234567890 für {{buyer_name}}. ")
		b.WriteString(langSamples[2].text)
		b.WriteString("\n\n")
	}
	s := b.String()
	for len(s) > 2000 {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

func BenchmarkDetectLanguage2000(b *testing.B) {
	text := ldBenchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		DetectLanguage(text)
	}
}

func TestLangWordTableFitsMaxWord(t *testing.T) {
	for w := range ldWords {
		if len(w) > ldMaxWord {
			t.Errorf("%q is %d bytes, longer than ldMaxWord (%d), so it is never looked up", w, len(w), ldMaxWord)
		}
	}
}
