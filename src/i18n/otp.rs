//! Phone verification's texts (staff only; its wasm module carries them).
//!
//! A table of its own so that only code in the page's module looks it up: the split tool then
//! moves the strings into that module (see `keys.rs` for the table format).

texts! {
    OtpKey;
    OtpIntro => [
        "Send en engangskode på SMS til nummeret innringeren oppgir. Be innringeren lese opp koden, og skriv den inn her.",
        "Send ein eingongskode på SMS til nummeret innringaren oppgjev. Be innringaren lese opp koden, og skriv han inn her.",
        "Send a one-time code by SMS to the number the caller gives you. Ask the caller to read the code back, and enter it here.",
    ],
    OtpLoginHint => [
        "Du må logge inn for å verifisere telefonnumre.",
        "Du må logge inn for å verifisere telefonnummer.",
        "You need to log in to verify phone numbers.",
    ],
    OtpNoAccessHeading => ["Ingen tilgang", "Inga tilgang", "No access"],
    OtpNoAccessBody => [
        "Bare ansatte i brukerstøtten kan verifisere telefonnumre. Kontakt administratoren din hvis du trenger tilgang.",
        "Berre tilsette i brukarstøtta kan verifisere telefonnummer. Kontakt administratoren din om du treng tilgang.",
        "Only service desk staff can verify phone numbers. Contact your administrator if you need access.",
    ],
    OtpPhoneNumber => ["Telefonnummer", "Telefonnummer", "Phone number"],
    OtpPhoneHint => [
        "Norsk mobilnummer med eller uten +47, eller et utenlandsk nummer med + og landskode.",
        "Norsk mobilnummer med eller utan +47, eller eit utanlandsk nummer med + og landskode.",
        "A Norwegian mobile number with or without +47, or a foreign number with + and the country code.",
    ],
    OtpPhoneLooksWrong => [
        "Dette ser ikke ut som et telefonnummer. Sjekk sifrene.",
        "Dette ser ikkje ut som eit telefonnummer. Sjekk sifra.",
        "This does not look like a phone number. Check the digits.",
    ],
    /// Shown for the server's `phoneNumber` field error, whose own words are English only.
    OtpInvalidPhone => [
        "Skriv inn et gyldig mobilnummer: 8 sifre som begynner med 4 eller 9, eller et utenlandsk nummer med + og landskode.",
        "Skriv inn eit gyldig mobilnummer: 8 siffer som byrjar med 4 eller 9, eller eit utanlandsk nummer med + og landskode.",
        "Enter a valid mobile number: 8 digits starting with 4 or 9, or a foreign number with + and the country code.",
    ],
    OtpCaseReference => ["Saksreferanse", "Saksreferanse", "Case reference"],
    OtpCaseReferenceHint => [
        "Valgfritt, for eksempel saksnummeret i kundesystemet.",
        "Valfritt, til dømes saksnummeret i kundesystemet.",
        "Optional, for example the case number in the service desk system.",
    ],
    OtpSendCode => ["Send kode", "Send kode", "Send code"],
    OtpSendNewCode => ["Send ny kode", "Send ny kode", "Send new code"],
    OtpSending => ["Sender koden …", "Sender koden …", "Sending the code …"],
    /// `{number}`: the masked phone number.
    OtpCodeSentTo => ["Koden er sendt til {number}.", "Koden er send til {number}.", "Code sent to {number}."],
    /// `{reference}`: the case reference.
    OtpForCase => ["Sak: {reference}", "Sak: {reference}", "Case: {reference}"],
    OtpTimeLeft => ["Tid igjen", "Tid att", "Time left"],
    OtpSmsStatus => ["SMS-status", "SMS-status", "SMS status"],
    OtpAttemptsLeftLabel => ["Forsøk igjen", "Forsøk att", "Attempts left"],
    OtpExpiresInOneMinute => [
        "Koden utløper om 1 minutt.",
        "Koden går ut om 1 minutt.",
        "The code expires in 1 minute.",
    ],
    /// `{n}`: whole minutes, 2 or more.
    OtpExpiresInMinutes => [
        "Koden utløper om {n} minutter.",
        "Koden går ut om {n} minutt.",
        "The code expires in {n} minutes.",
    ],
    OtpExpiresInHalfMinute => [
        "Koden utløper om 30 sekunder.",
        "Koden går ut om 30 sekund.",
        "The code expires in 30 seconds.",
    ],
    OtpDeliverySending => ["Sender SMS-en …", "Sender SMS-en …", "Sending the SMS …"],
    OtpDeliveryAccepted => [
        "Mottatt av mobiloperatøren, ennå ikke bekreftet levert.",
        "Motteken av mobiloperatøren, enno ikkje stadfesta levert.",
        "Accepted by the mobile operator, not yet confirmed delivered.",
    ],
    OtpDeliveryDelivered => ["Levert til telefonen.", "Levert til telefonen.", "Delivered to the phone."],
    OtpDeliveryFailed => ["SMS-en ble ikke levert.", "SMS-en vart ikkje levert.", "The SMS was not delivered."],
    OtpDeliveryUnknown => [
        "Leveringsstatusen er ikke kjent ennå.",
        "Leveringsstatusen er ikkje kjend enno.",
        "The delivery status is not known yet.",
    ],
    /// The SMS status of a failed delivery. `{reason}`: one of the `OtpReason…` texts.
    OtpDeliveryNotDelivered => ["Ikke levert: {reason}.", "Ikkje levert: {reason}.", "Not delivered: {reason}."],
    /// `{reason}`: one of the `OtpReason…` texts.
    OtpDeliveryFailedBecause => [
        "SMS-en ble ikke levert: {reason}. Sjekk nummeret med innringeren, og send en ny kode.",
        "SMS-en vart ikkje levert: {reason}. Sjekk nummeret med innringaren, og send ein ny kode.",
        "The SMS was not delivered: {reason}. Check the number with the caller and send a new code.",
    ],
    OtpReasonInvalidRecipient => [
        "nummeret kan ikke motta SMS (ugyldig mottaker)",
        "nummeret kan ikkje ta imot SMS (ugyldig mottakar)",
        "the number cannot receive SMS (invalid recipient)",
    ],
    OtpReasonTtlExpired => [
        "meldingen ble ikke levert før den gikk ut på tid",
        "meldinga vart ikkje levert før ho gjekk ut på tid",
        "the message was not delivered before its time ran out",
    ],
    OtpReasonPhoneUnreachable => [
        "telefonen var ikke tilgjengelig (avslått eller uten dekning)",
        "telefonen var ikkje tilgjengeleg (slått av eller utan dekning)",
        "the phone could not be reached (switched off or out of coverage)",
    ],
    OtpReasonBarred => [
        "nummeret er sperret for SMS",
        "nummeret er sperra for SMS",
        "the number is barred from receiving SMS",
    ],
    OtpReasonUndelivered => [
        "operatøren melder at meldingen ikke kom fram",
        "operatøren melder at meldinga ikkje kom fram",
        "the operator reports that the message did not arrive",
    ],
    OtpReasonOrderFailed => [
        "SMS-en kunne ikke bestilles hos varslingstjenesten",
        "SMS-en kunne ikkje tingast hos varslingstenesta",
        "the SMS could not be ordered from the notification service",
    ],
    OtpReasonGeneric => [
        "SMS-tjenesten meldte om en feil",
        "SMS-tenesta melde om ein feil",
        "the SMS service reported an error",
    ],
    OtpCode => ["Kode", "Kode", "Code"],
    OtpCodeHint => [
        "De 6 sifrene fra SMS-en. Mellomrom fjernes.",
        "Dei 6 sifra frå SMS-en. Mellomrom blir fjerna.",
        "The 6 digits from the SMS. Spaces are removed.",
    ],
    OtpCodeIncomplete => [
        "Skriv inn alle de 6 sifrene i koden.",
        "Skriv inn alle dei 6 sifra i koden.",
        "Enter all 6 digits of the code.",
    ],
    OtpVerify => ["Verifiser", "Verifiser", "Verify"],
    OtpCodeSent => [
        "Koden er sendt. Be innringeren lese den opp.",
        "Koden er send. Be innringaren lese han opp.",
        "Code sent. Ask the caller to read it back.",
    ],
    OtpNewCodeSent => [
        "En ny kode er sendt. Den forrige koden virker ikke lenger.",
        "Ein ny kode er send. Den førre koden verkar ikkje lenger.",
        "A new code has been sent. The previous code no longer works.",
    ],
    /// The success message; it must contain "Verified" (en) / "Verifisert" (nb, nn).
    /// `{number}`: the masked phone number.
    OtpVerified => [
        "Verifisert. Innringeren har tilgang til {number}.",
        "Verifisert. Innringaren har tilgang til {number}.",
        "Verified. The caller has access to {number}.",
    ],
    /// `{n}`: attempts left.
    OtpWrongCode => ["Feil kode. Forsøk igjen: {n}.", "Feil kode. Forsøk att: {n}.", "Wrong code. Attempts left: {n}."],
    OtpWrongCodeNoCount => ["Feil kode.", "Feil kode.", "Wrong code."],
    OtpLocked => [
        "For mange feil forsøk. Koden er sperret. Send en ny kode.",
        "For mange feil forsøk. Koden er sperra. Send ein ny kode.",
        "Too many wrong attempts. The code is locked. Send a new code.",
    ],
    OtpExpired => [
        "Koden er utløpt. Send en ny kode.",
        "Koden har gått ut. Send ein ny kode.",
        "The code has expired. Send a new code.",
    ],
    OtpUsed => [
        "Denne koden er allerede brukt.",
        "Denne koden er alt brukt.",
        "This code has already been used.",
    ],
    OtpSuperseded => [
        "En nyere kode er sendt til dette nummeret. Bruk den nyeste koden.",
        "Ein nyare kode er send til dette nummeret. Bruk den nyaste koden.",
        "A newer code has been sent to this number. Use the newest code.",
    ],
    /// `{n}`: mm:ss until a new code may be sent.
    OtpRateLimited => [
        "Det er sendt for mange koder. Prøv igjen om {n}.",
        "Det er sendt for mange kodar. Prøv igjen om {n}.",
        "Too many codes have been sent. Try again in {n}.",
    ],
    OtpRateLimitedNoTime => [
        "Det er sendt for mange koder. Prøv igjen senere.",
        "Det er sendt for mange kodar. Prøv igjen seinare.",
        "Too many codes have been sent. Try again later.",
    ],
    /// `{n}`: mm:ss until a new code may be sent to the number.
    OtpCooldown => [
        "Det ble nettopp sendt en kode til dette nummeret. Du kan sende en ny om {n}.",
        "Det vart nettopp send ein kode til dette nummeret. Du kan sende ein ny om {n}.",
        "A code was just sent to this number. You can send a new one in {n}.",
    ],
    /// `{time}`: mm:ss until "Send new code" may be used.
    OtpResendIn => [
        "Du kan sende en ny kode om {time}.",
        "Du kan sende ein ny kode om {time}.",
        "You can send a new code in {time}.",
    ],
    OtpVerifyAnother => ["Verifiser et annet nummer", "Verifiser eit anna nummer", "Verify another number"],
    OtpRecentVerifications => ["Siste verifiseringer", "Siste verifiseringar", "Recent verifications"],
    OtpLoadingVerifications => ["Henter verifiseringer …", "Hentar verifiseringar …", "Loading verifications …"],
    OtpNoVerifications => ["Ingen verifiseringer ennå.", "Ingen verifiseringar enno.", "No verifications yet."],
    OtpTime => ["Tidspunkt", "Tidspunkt", "Time"],
    OtpHandledBy => ["Utført av", "Utført av", "Handled by"],
    OtpResultPending => ["Venter", "Ventar", "Pending"],
    OtpResultVerified => ["Verifisert", "Verifisert", "Verified"],
    OtpResultLocked => ["Sperret", "Sperra", "Locked"],
    OtpResultExpired => ["Utløpt", "Gått ut", "Expired"],
    OtpResultSuperseded => ["Erstattet av ny kode", "Erstatta av ny kode", "Replaced by a new code"],
    /// `{n}`: wrong codes entered.
    OtpFailedAttempts => ["Feil forsøk: {n}", "Feil forsøk: {n}", "Wrong attempts: {n}"],
}
