//! The demo login page's texts (its wasm module carries them).
//!
//! A table of its own so that only code in the page's module looks it up: the split tool then
//! moves the strings into that module (see `keys.rs` for the table format).

texts! {
    DemoLoginKey;
    DemoLoginHeading => ["Demoinnlogging", "Demoinnlogging", "Demo login"],
    DemoLoginIntro => [
        "Logg inn som en testperson uten ID-porten. Bare for demonstrasjoner i testmiljøer.",
        "Logg inn som ein testperson utan ID-porten. Berre for demonstrasjonar i testmiljø.",
        "Log in as a test person without ID-porten. Only for demonstrations in test environments.",
    ],
    NationalIdentityNumber => ["Fødselsnummer", "Fødselsnummer", "National identity number"],
    NationalIdentityNumberHint => ["11 siffer", "11 siffer", "11 digits"],
    DemoLoginInvalidNumber => [
        "Dette er ikke et gyldig fødselsnummer. Sjekk at du har skrevet 11 siffer riktig.",
        "Dette er ikkje eit gyldig fødselsnummer. Sjekk at du har skrive 11 siffer rett.",
        "This is not a valid national identity number. Check that you typed the 11 digits correctly.",
    ],
    DemoLoginGeneratorFailed => [
        "Testtoken-generatoren svarte ikke som den skulle. Prøv igjen senere, eller med en annen testperson.",
        "Testtoken-generatoren svara ikkje som han skulle. Prøv igjen seinare, eller med ein annan testperson.",
        "The test token generator did not answer as expected. Try again later, or with another test person.",
    ],
    DemoLoginUnavailable => [
        "Demoinnlogging er ikke tilgjengelig her.",
        "Demoinnlogging er ikkje tilgjengeleg her.",
        "Demo login is not available here.",
    ],
    DemoLoginFailed => [
        "Innloggingen mislyktes. Prøv igjen.",
        "Innlogginga gjekk ikkje. Prøv igjen.",
        "The login failed. Please try again.",
    ],
}
