package policy

// category is what a lexicon phrase stands for. Rules combine categories
// (a review word and an incentive word in one sentence) rather than matching
// long sentences, which keeps the lexicons short and the precision high.
type category uint8

const (
	catReviewStrong    category = iota // unambiguous product review or rating words
	catReviewWeak                      // "feedback", "avis", "Bewertung" in an unclear sense
	catNotReview                       // "avis de passage", "Bewertung Ihres Falls": cancels review words inside it
	catSolicit                         // "leave", "hinterlassen": words that ask for something
	catIncentive                       // money, vouchers, free products
	catNotIncentive                    // "feel free", "kostenloser Ersatz": cancels incentive words inside it
	catExchange                        // "in exchange", "als Dankeschön für": ties two things together
	catPositiveReview                  // "positive review", "5 Sterne"
	catStars                           // "5 stars": positive only when a review is asked for
	catIfHappy                         // "if you are happy"
	catIfUnhappy                       // "if you are not satisfied", "bei Problemen"
	catContactUs                       // "contact us", "melden Sie sich"
	catGatingStrong                    // "before leaving a review, contact us"
	catReviewChange                    // change or remove a product review
	catFeedbackChange                  // change or remove seller feedback
	catPersuasion                      // "would mean the world to us"
	catMarketing                       // coupons, newsletters, other products
	catNextOrder                       // "on your next order": marketing when an incentive is near
	catOffAmazon                       // social networks, own website, phone calls, PayPal
	catOptOut                          // unsubscribe
	catConfirmation                    // "has been shipped"
	catSubstance                       // a real reason to write: a problem, a question, a request
	catThanks                          // thanks and good wishes
	catGreeting                        // "Hallo", "Dear"
	catClosing                         // "Best regards", "Ihr Team"
	catOutOfStock                      // "out of stock", "ausverkauft"
	catCancelRequest                   // "please cancel your order"
	catSubstitute                      // "a similar product", "in another colour"
	catImpersonation                   // "your Amazon team"
	catInsult                          // insults and profanity
	catThreat                          // "legal action", "Anwalt"
	catPhoneOK                         // warranty providers, carriers, manufacturers: their numbers may be given
	catAmazonSignature                 // "Amazon Customer Service": impersonation when it signs the message
	catInReturn                        // "im Gegenzug", "in exchange": ties a benefit to what the next sentence asks
	catDealHint                        // "10 %", "code": makes "on your next order" a discount
	catCancelAct                       // the act of cancelling: "stornieren", "cancel", "annuler"
	catCancelPointer                   // where the buyer cancels: "Meine Bestellungen", "Your Orders", "cancel items"
	catRefund                          // money back: "erstatten", "refund", "rembourser"
	catSensitive                       // bank details, card numbers, passwords, ID documents
	catProvide                         // asking for something: "send us", "teilen Sie uns mit", "envoyez-nous"
	catPayOff                          // payment outside Amazon: "per PayPal zahlen", "pay by bank transfer"
	catBlame                           // blaming the buyer, sarcasm: "if you had read the description"
	catGatingPublic                    // "bevor Sie Ihrem Ärger öffentlich Luft machen": a public review, unnamed
	catNotOffAmazon                    // "solo podemos atenderte por la mensajería de Amazon": the contact stays on Amazon
	catTopic                           // what a message may be about ("Adresse", "engraving"): substance unless it only confirms
	catCritical                        // what [Important] is for: address, appointment, customization
	catChangePronoun                   // "diese jetzt aktualisieren", "update it": a change of whatever was named before
	catInsultMild                      // "dumm", "stupid": an insult only when aimed at the buyer ("ein dummer Fehler von uns")
	catContactVerb                     // "schicken Sie es an", "call", "reach": off Amazon when the seller's own address follows
	catRuleTalk                        // "Amazon verbietet …", "not allowed": the rule stated, nothing offered
	catInnuendo                        // "you know what would help us ;)": a review hinted at, never named
	catCount
)

// classes are word lists shared by several phrases.
//
// The clause layer (clause.go) adds who acts and how (negated, conditional,
// requested, offered, wished); the rules combine both.
var classes = map[string]string{
	"num":      "#|one|two|three|four|five|ein|eine|zwei|drei|vier|fünf|un|une|deux|trois|quatre|cinq|uno|una|due|tre|quattro|cinque|dos|cuatro|cinco",
	"five":     "5|five|fünf|cinq|cinque|cinco",
	"star":     "star|stars|stern|sterne|sternen|sternchen|étoile|étoiles|stella|stelle|stellina|stelline|estrella|estrellas|estrellita|estrellitas",
	"rev_en":   "review|reviews|rating|ratings|feedback",
	"rev_de":   "*rezension|bewertung*|produktbewertung*|kundenbewertung*|verkäuferbewertung*|sternebewertung*|feedback",
	"rev_fr":   "avis|commentaire|commentaires|évaluation|évaluations|note",
	"rev_it":   "recensione|recensioni|valutazione|valutazioni|feedback",
	"rev_es":   "reseña|reseñas|opinión|opiniones|valoración|valoraciones|calificación|comentario|comentarios",
	"prodrev":  "review|reviews|rating|ratings|*rezension|bewertung*|produktbewertung*|kundenbewertung*|sternebewertung*|avis|commentaire|évaluation|recensione|recensioni|valutazione|reseña|reseñas|opinión|valoración|calificación",
	"fb":       "feedback|verkäuferbewertung*|verkäuferfeedback",
	"chg_en":   "bump|upgrade|raise|improve|change|changing|update|updating|remove|removing|delete|deleting|revise|revising|edit|editing|modify|amend|reconsider|withdraw|retract|adjust",
	"chg_de":   "rausnehm*|herausnehm*|runternehm*|änder*|abänder*|geänder*|anpass*|anzupass*|angepasst|aktualisier*|lösch*|gelösch*|entfern*|zurückzieh*|zurückgezog*|zurücknehm*|zurückzunehm*|überdenk*|korrigier*|überarbeit*|revidier*",
	"chg_rom":  "revoir|revoyez|revoyiez|togliere|tolga|togli|toglierla|retocar|retoque|ritoccare|ritocchi|retoucher|retouchez|modifier|supprimer|retirer|changer|reconsidérer|modifiez|supprimez|retirez|changez|modificare|rimuovere|cancellare|eliminare|cambiare|aggiornare|ritirare|modifichi|cambi|elimini|rimuova|cancelli|aggiorni|modificar|cambiar|eliminar|borrar|retirar|actualizar|quitar|elimina|elimine|borra|borre|cambia|cambie|modifica|modifique|actualiza|actualice|quita|quite|retira|retire",
	"pos":      "nette|netten|schöne|schönen|nice|lovely|kind|belle|bella|bonita|positive|positiv|positiven|positiver|positives|positivo|positiva|positivi|positivas|positivos|positif|positifs|good|great|glowing|excellent|top|highest|gute|guten|gutes|tolle|super|bonne|bon|buona|buon|buena|buen",
	"posafter": "positive|positiv|positif|positifs|positiva|positivo|positive|positivas|positivos|élogieux|favorable|favorevole|favorables",
	"happy":    "chuffed|thrilled|rimasto|rimasta|happy|satisfied|pleased|delighted|content|zufrieden|glücklich|begeistert|satisfait|satisfaite|satisfaits|contente|soddisfatto|soddisfatta|soddisfatti|contento|contenta|satisfecho|satisfecha|satisfechos",
	"leave_en": "leave|write|post|submit|share|give|drop|add",
	"leave_de": "lasciaci|lasciateci|lasciarci|déjanos|déjenos|dejadnos|gib|gebt|gibst|hinterlassen|hinterlässt|schreiben|verfassen|abgeben|abzugeben|geben|vergeben|teilen|zu|schreibst",
	"contact":  "contact|reach|message|write|email|kontaktieren|melden|schreiben|wenden|contacter|contactez|contattare|contattarci|contattaci|contactar|contáctenos|contáctanos|escríbanos",
}
