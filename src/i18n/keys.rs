//! Every user-visible text of the portal, in Bokmål, Nynorsk and English.
//!
//! One row per key with three columns, so a key cannot exist in one language only; the tests
//! below also reject empty texts and placeholders that differ between languages.

macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident => [$nb:expr, $nn:expr, $en:expr $(,)?],)+) => {
        /// A translatable text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $key,)+
        }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &'static [Key] = &[$(Key::$key,)+];

            /// The texts in Bokmål, Nynorsk and English.
            pub fn texts(self) -> [&'static str; 3] {
                match self {
                    $(Key::$key => [$nb, $nn, $en],)+
                }
            }
        }
    };
}

texts! {
    /// The product name in the header and the document title.
    AppName => ["Altinn-portalen", "Altinn-portalen", "Altinn portal"],
    SkipToMain => ["Hopp til hovedinnholdet", "Hopp til hovudinnhaldet", "Skip to main content"],
    Language => ["Språk", "Språk", "Language"],
    LogIn => ["Logg inn", "Logg inn", "Log in"],
    LogOut => ["Logg ut", "Logg ut", "Log out"],
    /// `{name}`: the logged-in user's name.
    LoggedInAs => ["Logget inn som {name}", "Logga inn som {name}", "Logged in as {name}"],
    /// Label of the header's landmark navigation.
    SiteNav => ["Hovedmeny", "Hovudmeny", "Main menu"],

    StartHeading => ["Velkommen", "Velkomen", "Welcome"],
    StartIntro => [
        "Her finner du meldinger og saker fra det offentlige, både dine egne og dem du representerer.",
        "Her finn du meldingar og saker frå det offentlege, både dine eigne og dei du representerer.",
        "Here you find messages and cases from the public sector, both your own and those of the parties you represent.",
    ],
    StartLoginHint => [
        "Du må logge inn for å se innboksen.",
        "Du må logge inn for å sjå innboksen.",
        "You need to log in to see the inbox.",
    ],
    GoToInbox => ["Gå til innboksen", "Gå til innboksen", "Go to the inbox"],

    LoginHeading => ["Innlogging", "Innlogging", "Logging in"],
    LoginRedirecting => [
        "Sender deg videre til innloggingen …",
        "Sender deg vidare til innlogginga …",
        "Taking you to the login page …",
    ],
    LoginFailedHeading => ["Innloggingen mislyktes", "Innlogginga gjekk ikkje", "Login failed"],
    LoginErrorCancelled => [
        "Du avbrøt innloggingen.",
        "Du avbraut innlogginga.",
        "You cancelled the login.",
    ],
    LoginErrorExpired => [
        "Innloggingen tok for lang tid eller ble startet i en annen fane. Prøv på nytt.",
        "Innlogginga tok for lang tid eller vart starta i ei anna fane. Prøv på nytt.",
        "The login took too long or was started in another tab. Please try again.",
    ],
    LoginErrorGeneric => [
        "Vi klarte ikke å logge deg inn. Prøv på nytt om litt.",
        "Vi klarte ikkje å logge deg inn. Prøv på nytt om litt.",
        "We could not log you in. Please try again in a moment.",
    ],
    LoginTryAgain => ["Prøv å logge inn på nytt", "Prøv å logge inn på nytt", "Try logging in again"],

    Inbox => ["Innboks", "Innboks", "Inbox"],
    Drafts => ["Utkast", "Utkast", "Drafts"],
    Sent => ["Sendt", "Sendt", "Sent"],
    Archive => ["Arkiv", "Arkiv", "Archive"],
    Bin => ["Papirkurv", "Papirkorg", "Bin"],
    /// Accessible name of the list of dialogs.
    Dialogs => ["Dialoger", "Dialogar", "Dialogs"],
    LoadingDialogs => ["Henter dialoger …", "Hentar dialogar …", "Loading dialogs …"],
    /// `{n}`: how many dialogs the list shows.
    DialogsShown => ["Antall dialoger: {n}", "Tal på dialogar: {n}", "Number of dialogs: {n}"],
    NoDialogs => [
        "Ingen dialoger her ennå.",
        "Ingen dialogar her enno.",
        "No dialogs here yet.",
    ],
    Unread => ["Ulest", "Ulesen", "Unread"],
    From => ["Fra", "Frå", "From"],
    Updated => ["Oppdatert", "Oppdatert", "Updated"],
    Status => ["Status", "Status", "Status"],
    /// Heading of a dialog page while its title loads.
    DialogHeading => ["Dialog", "Dialog", "Dialog"],
    LoadingDialog => ["Henter dialogen …", "Hentar dialogen …", "Loading the dialog …"],
    BackToInbox => ["Tilbake til innboksen", "Tilbake til innboksen", "Back to the inbox"],
    Summary => ["Sammendrag", "Samandrag", "Summary"],
    Untitled => ["Uten tittel", "Utan tittel", "Untitled"],

    StatusInProgress => ["Under arbeid", "Under arbeid", "In progress"],
    StatusDraft => ["Utkast", "Utkast", "Draft"],
    StatusRequiresAttention => ["Krever handling", "Krev handling", "Requires attention"],
    StatusCompleted => ["Fullført", "Fullført", "Completed"],
    StatusNotApplicable => ["Ingen status", "Ingen status", "No status"],
    StatusAwaiting => ["Venter på svar", "Ventar på svar", "Awaiting response"],

    /// The party picker's button (its accessible name is exactly this).
    ChooseParty => ["Velg aktør", "Vel aktør", "Choose party"],
    /// Shown before the name of the party whose inbox is open.
    ActingFor => ["Du ser innboksen til", "Du ser innboksen til", "Showing the inbox of"],
    /// Accessible name of the list of parties.
    Parties => ["Aktører", "Aktørar", "Parties"],
    PartyYou => ["Deg selv", "Deg sjølv", "You"],
    PartyPerson => ["Person", "Person", "Person"],
    PartyOrganisation => ["Virksomhet", "Verksemd", "Organisation"],
    PartySubUnit => ["Underenhet", "Undereining", "Sub-unit"],
    PartyDeleted => ["Slettet", "Sletta", "Deleted"],
    LoadingParties => ["Henter aktører …", "Hentar aktørar …", "Loading parties …"],
    NoParties => [
        "Du kan ikke representere noen.",
        "Du kan ikkje representere nokon.",
        "You cannot represent anyone.",
    ],
    UnknownParty => ["Ukjent aktør", "Ukjend aktør", "Unknown party"],

    ErrorHeading => ["Noe gikk galt", "Noko gjekk gale", "Something went wrong"],
    ErrorSessionEnded => [
        "Økten din er avsluttet. Logg inn på nytt for å fortsette.",
        "Økta di er avslutta. Logg inn på nytt for å halde fram.",
        "Your session has ended. Log in again to continue.",
    ],
    LogInAgain => ["Logg inn på nytt", "Logg inn på nytt", "Log in again"],
    ErrorNetwork => [
        "Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.",
        "Vi fekk ikkje kontakt med tenesta. Sjekk nettsambandet og prøv igjen.",
        "We could not reach the service. Check your connection and try again.",
    ],
    TryAgain => ["Prøv igjen", "Prøv igjen", "Try again"],
    ErrorForbidden => [
        "Du har ikke tilgang til dette.",
        "Du har ikkje tilgang til dette.",
        "You do not have access to this.",
    ],
    ErrorNotFound => [
        "Vi fant ikke det du ba om.",
        "Vi fann ikkje det du bad om.",
        "We could not find what you asked for.",
    ],
    ErrorUnavailable => [
        "Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt.",
        "Tenesta er ikkje tilgjengeleg akkurat no. Prøv igjen om litt.",
        "The service is unavailable right now. Please try again in a moment.",
    ],
    ErrorGone => [
        "Dette er slettet og finnes ikke lenger.",
        "Dette er sletta og finst ikkje lenger.",
        "This has been deleted and no longer exists.",
    ],
    ErrorDecode => [
        "Vi forsto ikke svaret fra tjenesten.",
        "Vi forstod ikkje svaret frå tenesta.",
        "We could not understand the response from the service.",
    ],
    /// `{status}`: an HTTP status code.
    ErrorCode => ["Feilkode {status}", "Feilkode {status}", "Error code {status}"],

    NotFoundHeading => ["Fant ikke siden", "Fann ikkje sida", "Page not found"],
    NotFoundBody => [
        "Vi finner ikke siden du leter etter. Kanskje adressen er feil, eller siden er flyttet.",
        "Vi finn ikkje sida du leitar etter. Kanskje adressa er feil, eller sida er flytta.",
        "We cannot find the page you are looking for. The address may be wrong, or the page may have moved.",
    ],
    GoHome => ["Gå til forsiden", "Gå til framsida", "Go to the front page"],

    Today => ["I dag", "I dag", "Today"],
    Yesterday => ["I går", "I går", "Yesterday"],
}

#[cfg(test)]
mod tests {
    use super::Key;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_key_has_a_text_in_every_language() {
        for key in Key::ALL {
            for (text, lang) in key.texts().iter().zip(["nb", "nn", "en"]) {
                assert!(!text.trim().is_empty(), "{key:?} is missing in {lang}");
                assert_eq!(text.trim(), *text, "{key:?} has stray whitespace in {lang}");
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn placeholders_agree_between_languages() {
        for key in Key::ALL {
            let [nb, nn, en] = key.texts();
            assert_eq!(placeholders(nb), placeholders(nn), "{key:?}");
            assert_eq!(placeholders(nb), placeholders(en), "{key:?}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn english_texts_the_tests_rely_on() {
        let en = |key: Key| key.texts()[2];
        assert_eq!(en(Key::ChooseParty), "Choose party");
        assert_eq!(en(Key::Dialogs), "Dialogs");
        assert_eq!(en(Key::Inbox), "Inbox");
        assert_eq!(en(Key::LogIn), "Log in");
        assert_eq!(en(Key::LogOut), "Log out");
        assert_eq!(en(Key::NotFoundHeading), "Page not found");
        assert_eq!(Key::ChooseParty.texts()[0], "Velg aktør");
        assert_eq!(Key::Dialogs.texts()[0], "Dialoger");
    }
}
