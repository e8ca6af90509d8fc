//! Every user-visible text of the portal, in Bokmål, Nynorsk and English.
//!
//! The texts of the shell and the inbox, which the first download carries. Pages fetched on
//! demand have tables of their own (see [`super`]). One row per key with three columns, so a
//! key cannot exist in one language only; the tests below also reject empty texts and
//! placeholders that differ between languages.

texts! {
    /// A translatable text of the shell: header, start, login, inbox, errors.
    Key;
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
    /// `/api/login` when only demo login is configured.
    LoginErrorNotConfigured => [
        "Innlogging med ID-porten er ikke satt opp her. Bruk demoinnlogging.",
        "Innlogging med ID-porten er ikkje sett opp her. Bruk demoinnlogging.",
        "Login with ID-porten is not set up here. Use demo login.",
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
    Updated => ["Oppdatert", "Oppdatert", "Updated"],
    Status => ["Status", "Status", "Status"],
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

    PageLoadFailedHeading => ["Siden kunne ikke lastes", "Sida kunne ikkje lastast", "The page could not be loaded"],
    PageLoadFailedBody => [
        "Denne delen av portalen ble ikke hentet. Sjekk nettforbindelsen og last inn portalen på nytt.",
        "Denne delen av portalen vart ikkje henta. Sjekk nettsambandet og last inn portalen på nytt.",
        "This part of the portal could not be fetched. Check your connection and load the portal again.",
    ],
    PageLoadFailedReload => ["Last inn på nytt", "Last inn på nytt", "Reload"],
    NotFoundHeading => ["Fant ikke siden", "Fann ikkje sida", "Page not found"],
    NotFoundBody => [
        "Vi finner ikke siden du leter etter. Kanskje adressen er feil, eller siden er flyttet.",
        "Vi finn ikkje sida du leitar etter. Kanskje adressa er feil, eller sida er flytta.",
        "We cannot find the page you are looking for. The address may be wrong, or the page may have moved.",
    ],
    GoHome => ["Gå til forsiden", "Gå til framsida", "Go to the front page"],

    Today => ["I dag", "I dag", "Today"],
    Yesterday => ["I går", "I går", "Yesterday"],

    // --- Phone verification (issue 4) ---
    /// Heading, nav link and page title of `/verify-phone` (tests rely on the English).
    OtpVerifyPhone => ["Verifiser telefonnummer", "Verifiser telefonnummer", "Verify phone number"],
    OtpResult => ["Resultat", "Resultat", "Result"],
    // --- Inbox list (issue 3) ---
    /// Label of the navigation between inbox views.
    ListViews => ["Mapper", "Mapper", "Folders"],
    ListSavedSearches => ["Lagrede søk", "Lagra søk", "Saved searches"],
    /// The search box's accessible name (exactly this in English).
    ListSearch => ["Søk", "Søk", "Search"],
    /// `{n}`: the minimum number of characters.
    ListSearchHint => [
        "Skriv minst {n} tegn.",
        "Skriv minst {n} teikn.",
        "Type at least {n} characters.",
    ],
    ListFilters => ["Filtre", "Filter", "Filters"],
    ListSender => ["Avsender", "Avsendar", "Sender"],
    ListService => ["Tjeneste", "Teneste", "Service"],
    ListReadStatus => ["Lesestatus", "Lesestatus", "Read status"],
    FilterReadAll => ["Alle", "Alle", "All"],
    FilterUnread => ["Uleste", "Ulesne", "Unread"],
    FilterRead => ["Leste", "Lesne", "Read"],
    UpdatedAny => ["Når som helst", "Når som helst", "Any time"],
    UpdatedToday => ["I dag", "I dag", "Today"],
    UpdatedLast7Days => ["Siste 7 dager", "Siste 7 dagar", "Last 7 days"],
    UpdatedLast30Days => ["Siste 30 dager", "Siste 30 dagar", "Last 30 days"],
    UpdatedLast12Months => ["Siste 12 måneder", "Siste 12 månader", "Last 12 months"],
    UpdatedCustom => ["Velg periode", "Vel periode", "Custom range"],
    UpdatedFrom => ["Fra dato", "Frå dato", "From date"],
    UpdatedTo => ["Til dato", "Til dato", "To date"],
    ListSortBy => ["Sorter etter", "Sorter etter", "Sort by"],
    SortContentUpdated => ["Sist oppdatert", "Sist oppdatert", "Last updated"],
    SortCreated => ["Opprettet", "Oppretta", "Created"],
    SortDue => ["Frist", "Frist", "Due date"],
    ListClearFilters => ["Nullstill filtre", "Nullstill filter", "Clear filters"],
    ListLoadMore => ["Last inn flere", "Last inn fleire", "Load more"],
    /// `{n}`: how many dialogs were added to the list.
    ListMoreLoaded => [
        "{n} flere dialoger lastet inn",
        "{n} fleire dialogar lasta inn",
        "{n} more dialogs loaded",
    ],
    ListOneMoreLoaded => [
        "1 dialog til lastet inn",
        "1 dialog til lasta inn",
        "1 more dialog loaded",
    ],
    ListNoMatches => [
        "Ingen dialoger passer til søket.",
        "Ingen dialogar passar til søket.",
        "No dialogs match your search.",
    ],
    ListSearchTooBroad => [
        "Søket tok for lang tid. Avgrens det, for eksempel med en kortere periode under «Oppdatert» eller færre aktører.",
        "Søket tok for lang tid. Avgrens det, til dømes med ein kortare periode under «Oppdatert» eller færre aktørar.",
        "The search took too long. Narrow your search, for example with a shorter period under \"Updated\" or fewer parties.",
    ],
    ListDue => ["Frist", "Frist", "Due"],
    /// `{n}`: number of attachments.
    ListAttachments => ["{n} vedlegg", "{n} vedlegg", "{n} attachments"],
    ListOneAttachment => ["1 vedlegg", "1 vedlegg", "1 attachment"],
    /// `{title}`: a dialog's title. The checkbox's accessible name starts with "Select".
    ListSelect => ["Velg {title}", "Vel {title}", "Select {title}"],
    ListSelectAll => ["Velg alle viste", "Vel alle viste", "Select all shown"],
    /// `{n}`: number of selected dialogs.
    ListSelected => ["{n} valgt", "{n} valt", "{n} selected"],
    ListClearSelection => ["Fjern valg", "Fjern val", "Clear selection"],
    ListBulkActions => ["Handlinger for valgte", "Handlingar for valde", "Actions for selected"],
    /// `{n}`: the largest number of dialogs one bulk change may touch.
    ListTooMany => [
        "Du kan endre høyst {n} dialoger om gangen.",
        "Du kan endre høgst {n} dialogar om gongen.",
        "You can change at most {n} dialogs at a time.",
    ],
    /// `{title}`: a dialog's title.
    ListRowActions => ["Handlinger for {title}", "Handlingar for {title}", "Actions for {title}"],
    ListMoveToArchive => ["Flytt til arkiv", "Flytt til arkiv", "Move to archive"],
    ListMoveToBin => ["Flytt til papirkurv", "Flytt til papirkorg", "Move to bin"],
    ListRestoreToInbox => ["Flytt til innboks", "Flytt til innboks", "Restore to inbox"],
    ListMarkAsUnread => ["Marker som ulest", "Merk som ulesen", "Mark as unread"],
    /// `{n}`: number of dialogs changed.
    ListMovedToArchive => [
        "{n} flyttet til arkivet.",
        "{n} flytta til arkivet.",
        "{n} moved to the archive.",
    ],
    ListMovedToBin => [
        "{n} flyttet til papirkurven.",
        "{n} flytta til papirkorga.",
        "{n} moved to the bin.",
    ],
    ListMovedToInbox => [
        "{n} flyttet til innboksen.",
        "{n} flytta til innboksen.",
        "{n} moved to the inbox.",
    ],
    ListMarkedUnread => [
        "{n} markert som ulest.",
        "{n} merkt som ulesen.",
        "{n} marked as unread.",
    ],
    ListUndo => ["Angre", "Angre", "Undo"],
    ListUndone => ["Endringen er angret.", "Endringa er angra.", "The change was undone."],
    ListConflict => [
        "Dialogen ble endret etter at listen ble hentet. Listen er oppdatert; prøv igjen.",
        "Dialogen vart endra etter at lista vart henta. Lista er oppdatert; prøv igjen.",
        "The dialog changed after the list was loaded. The list has been reloaded; please try again.",
    ],
    PartyFilter => ["Søk etter aktør", "Søk etter aktør", "Filter parties"],
    PartyFilterHint => [
        "Navn eller organisasjonsnummer",
        "Namn eller organisasjonsnummer",
        "Name or organisation number",
    ],
    /// The party list's code could not be fetched (offline, or a new release replaced it).
    PartyListFailed => [
        "Listen over aktører kunne ikke lastes. Sjekk nettforbindelsen og åpne listen på nytt, eller last inn siden på nytt.",
        "Lista over aktørar kunne ikkje lastast. Sjekk nettsambandet og opne lista på nytt, eller last inn sida på nytt.",
        "The list of parties could not be loaded. Check your connection and open the list again, or reload the page.",
    ],
    PartyShowDeleted => ["Vis slettede", "Vis sletta", "Show deleted"],
    PartyAllOrganisations => ["Alle virksomheter", "Alle verksemder", "All organisations"],
    PartyAllPersons => ["Alle personer", "Alle personar", "All persons"],
    PartyNoMatch => ["Ingen aktører passer.", "Ingen aktørar passar.", "No parties match."],
    /// `{n}`: number of parties that match the filter.
    PartyMatches => ["{n} aktører", "{n} aktørar", "{n} parties"],
    PartyOneMatch => ["1 aktør", "1 aktør", "1 party"],
    PartyHierarchyOnly => [
        "Bare tilgang til underenheter",
        "Berre tilgang til undereiningar",
        "Access to sub-units only",
    ],
    /// `{from}`–`{to}` of `{total}`: the chunk of parties searched now.
    PartyChunk => [
        "Viser aktører {from}–{to} av {total}",
        "Viser aktørar {from}–{to} av {total}",
        "Showing parties {from}–{to} of {total}",
    ],
    PartyNextChunk => ["Neste aktører", "Neste aktørar", "Next parties"],
    PartyPreviousChunk => ["Forrige aktører", "Førre aktørar", "Previous parties"],
    ListSaveSearch => ["Lagre søk", "Lagre søk", "Save search"],
    ListSearchName => ["Navn på søket", "Namn på søket", "Name of the search"],
    ListSave => ["Lagre", "Lagre", "Save"],
    ListCancel => ["Avbryt", "Avbryt", "Cancel"],
    ListNameRequired => [
        "Skriv et navn på 1–100 tegn.",
        "Skriv eit namn på 1–100 teikn.",
        "Enter a name of 1–100 characters.",
    ],
    /// `{name}`: a saved search's name.
    ListSearchSaved => ["Søket «{name}» er lagret.", "Søket «{name}» er lagra.", "Saved the search \"{name}\"."],
    // --- Dialog details (issue 3) ---

    /// The developer API log: its toggle button and the panel's heading.
    ApiLog => ["API-logg", "API-logg", "API log"],
    ApiLogIntro => [
        "Kallene serveren gjorde mot Altinn for denne siden, nyeste først. Tokener og fødselsnumre er skjult.",
        "Kalla serveren gjorde mot Altinn for denne sida, nyaste først. Token og fødselsnummer er skjulte.",
        "The calls the server made to Altinn for this page, newest first. Tokens and national identity numbers are hidden.",
    ],
    ApiLogEmpty => [
        "Ingen kall til Altinn fra denne siden ennå.",
        "Ingen kall til Altinn frå denne sida enno.",
        "No calls to Altinn from this page yet.",
    ],
    ApiLogLoading => ["Henter API-loggen …", "Hentar API-loggen …", "Loading the API log …"],
    ApiLogFailed => [
        "Vi klarte ikke å hente API-loggen.",
        "Vi klarte ikkje å hente API-loggen.",
        "We could not load the API log.",
    ],
    /// `{status}`: an HTTP status code.
    ApiLogStatus => ["HTTP {status}", "HTTP {status}", "HTTP {status}"],
    /// `{ms}`: milliseconds.
    ApiLogDuration => ["{ms} ms", "{ms} ms", "{ms} ms"],
    ApiLogTimeout => ["Tidsavbrudd", "Tidsavbrot", "Timed out"],
    ApiLogNoConnection => ["Ingen forbindelse", "Inga tilkopling", "No connection"],
    ApiLogProblem => ["Feilsvar (ProblemDetails)", "Feilsvar (ProblemDetails)", "Error answer (ProblemDetails)"],
    ApiLogProblemCut => ["Forkortet.", "Forkorta.", "Shortened."],
    ApiLogDialogporten => ["Dialogporten", "Dialogporten", "Dialogporten"],
    ApiLogNotifications => ["Varslinger", "Varslingar", "Notifications"],
    ApiLogServiceOwner => ["Tjenesteeier", "Tenesteeigar", "Service owner"],
    ApiLogToken => ["Token", "Token", "Token"],
    /// The start page's link to demo login (only where the server offers it).
    DemoLoginLink => ["Demoinnlogging", "Demoinnlogging", "Demo login"],
    /// Month names for the dialog list's month headings ("November 2026").
    MonthJanuary => ["Januar", "Januar", "January"],
    MonthFebruary => ["Februar", "Februar", "February"],
    MonthMarch => ["Mars", "Mars", "March"],
    MonthApril => ["April", "April", "April"],
    MonthMay => ["Mai", "Mai", "May"],
    MonthJune => ["Juni", "Juni", "June"],
    MonthJuly => ["Juli", "Juli", "July"],
    MonthAugust => ["August", "August", "August"],
    MonthSeptember => ["September", "September", "September"],
    MonthOctober => ["Oktober", "Oktober", "October"],
    MonthNovember => ["November", "November", "November"],
    MonthDecember => ["Desember", "Desember", "December"],
    /// The dialog list's last group when sorted by due date: dialogs without one.
    ListNoDueDate => ["Uten frist", "Utan frist", "No due date"],
}

#[cfg(test)]
mod tests {
    use crate::i18n::{DemoLoginKey, DialogKey, Key, OtpKey, SavedSearchKey, Text};
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

    /// Every table's keys with their texts.
    fn all_texts() -> Vec<(String, [&'static str; 3])> {
        fn rows<K: Text>(all: &[K]) -> impl Iterator<Item = (String, [&'static str; 3])> + '_ {
            all.iter().map(|key| (format!("{key:?}"), key.texts()))
        }
        rows(Key::ALL)
            .chain(rows(DialogKey::ALL))
            .chain(rows(OtpKey::ALL))
            .chain(rows(SavedSearchKey::ALL))
            .chain(rows(DemoLoginKey::ALL))
            .collect()
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn every_key_has_a_text_in_every_language() {
        for (key, texts) in all_texts() {
            for (text, lang) in texts.iter().zip(["nb", "nn", "en"]) {
                assert!(!text.trim().is_empty(), "{key} is missing in {lang}");
                assert_eq!(text.trim(), *text, "{key} has stray whitespace in {lang}");
            }
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn placeholders_agree_between_languages() {
        for (key, [nb, nn, en]) in all_texts() {
            assert_eq!(placeholders(nb), placeholders(nn), "{key}");
            assert_eq!(placeholders(nb), placeholders(en), "{key}");
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_key_name_is_used_by_one_table_only() {
        let mut names: Vec<String> = all_texts().into_iter().map(|(key, _)| key).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a key name appears in two tables");
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
