-- Reasons are stored as catalogue keys with their arguments (app/i18n), so a
-- seller who switches the language reads them in the new one. This maps the
-- fixed reasons earlier versions wrote as prose, in English or German, to
-- their keys; other prose (Amazon's answers) stays and is shown as written.
-- Findings keep their rule, severity and span; their explanations are
-- policy's text in the language of the moment they are shown.

UPDATE messages SET error = '{"key":"reason.interrupted"}'
WHERE error IN ('Sellermail stopped while this message was being sent, so it may or may not have reached Amazon. Check Buyer-Seller Messages in Seller Central before sending it again.', 'Sellermail wurde beendet, während diese Nachricht gesendet wurde; sie hat Amazon vielleicht erreicht, vielleicht nicht. Prüfen Sie die Käufer-Verkäufer-Nachrichten in Seller Central, bevor Sie sie erneut senden.');
UPDATE messages SET error = '{"key":"reason.discarded"}'
WHERE error IN ('Discarded by the seller.', 'Vom Verkäufer verworfen.');
UPDATE messages SET error = '{"key":"reason.notreceived"}'
WHERE error IN ('Not received by Amazon, as the seller checked.', 'Laut Prüfung des Verkäufers nicht bei Amazon angekommen.');
UPDATE messages SET error = '{"key":"error.outcomeunknown"}'
WHERE error IN ('The connection to Amazon broke after the message was handed over, so it may or may not have been sent. Check Buyer-Seller Messages in Seller Central before sending it again.', 'Die Verbindung zu Amazon brach ab, nachdem die Nachricht übergeben war; sie wurde vielleicht gesendet, vielleicht nicht. Prüfen Sie die Käufer-Verkäufer-Nachrichten in Seller Central, bevor Sie sie erneut senden.');
UPDATE review_requests SET error = '{"key":"reason.review.interrupted"}'
WHERE error IN ('Sellermail stopped while this review request was being sent; Amazon may have received it.', 'Sellermail wurde beendet, während diese Bewertungsanfrage gesendet wurde; Amazon hat sie vielleicht erhalten.');
UPDATE review_requests SET error = '{"key":"reason.notreceived"}'
WHERE error IN ('Not received by Amazon, as the seller checked.', 'Laut Prüfung des Verkäufers nicht bei Amazon angekommen.');
UPDATE review_requests SET error = '{"key":"error.review.outcomeunknown"}'
WHERE error IN ('The connection to Amazon broke after the review request was handed over, so Amazon may or may not have received it. Sellermail will not send it again by itself: open the order in Seller Central, see whether "Request a Review" is still offered, and record what you find.', 'Die Verbindung zu Amazon brach ab, nachdem die Bewertungsanfrage übergeben war; Amazon hat sie vielleicht erhalten, vielleicht nicht. Sellermail sendet sie nicht von selbst erneut: Öffnen Sie die Bestellung in Seller Central, prüfen Sie, ob "Bewertung anfordern" noch angeboten wird, und tragen Sie das Ergebnis ein.');

UPDATE messages SET findings = (
    SELECT json_group_array(json_remove(value, '$.Message', '$.Fix') ORDER BY key)
    FROM json_each(messages.findings))
WHERE findings <> '' AND json_valid(findings) AND json_type(findings) = 'array';
