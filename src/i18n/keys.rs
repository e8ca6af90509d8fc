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
    OtpResult => ["Resultat", "Resultat", "Result"],
    OtpTime => ["Tidspunkt", "Tidspunkt", "Time"],
    OtpHandledBy => ["Utført av", "Utført av", "Handled by"],
    OtpResultPending => ["Venter", "Ventar", "Pending"],
    OtpResultVerified => ["Verifisert", "Verifisert", "Verified"],
    OtpResultLocked => ["Sperret", "Sperra", "Locked"],
    OtpResultExpired => ["Utløpt", "Gått ut", "Expired"],
    OtpResultSuperseded => ["Erstattet av ny kode", "Erstatta av ny kode", "Replaced by a new code"],
    /// `{n}`: wrong codes entered.
    OtpFailedAttempts => ["Feil forsøk: {n}", "Feil forsøk: {n}", "Wrong attempts: {n}"],
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
    /// `{name}`: a saved search's name.
    ListRename => ["Gi nytt navn til {name}", "Gje nytt namn til {name}", "Rename {name}"],
    /// `{name}`: a saved search's name.
    ListDelete => ["Slett {name}", "Slett {name}", "Delete {name}"],
    ListRenameHeading => ["Gi nytt navn", "Gje nytt namn", "Rename"],
    ListDeleteButton => ["Slett", "Slett", "Delete"],
    /// `{name}`: a saved search's name.
    ListDeleted => ["Søket «{name}» er slettet.", "Søket «{name}» er sletta.", "Deleted the search \"{name}\"."],
    /// `{name}`: a saved search's name.
    /// `{name}`: a saved search's name.
    ListRestoredSearch => [
        "Søket «{name}» er lagret igjen.",
        "Søket «{name}» er lagra att.",
        "Restored the search \"{name}\".",
    ],
    ListRenamed => ["Søket heter nå «{name}».", "Søket heiter no «{name}».", "The search is now called \"{name}\"."],
    ListNoSavedSearches => [
        "Du har ingen lagrede søk ennå.",
        "Du har ingen lagra søk enno.",
        "You have no saved searches yet.",
    ],
    ListNoSavedSearchesHint => [
        "Søk eller filtrer i innboksen, og velg «Lagre søk» for å finne søket her igjen.",
        "Søk eller filtrer i innboksen, og vel «Lagre søk» for å finne søket her att.",
        "Search or filter in the inbox and choose \"Save search\" to find the search here again.",
    ],
    ListLoadingSavedSearches => ["Henter lagrede søk …", "Hentar lagra søk …", "Loading saved searches …"],
    // --- Dialog details (issue 3) ---
    MoveToArchive => ["Flytt til arkiv", "Flytt til arkiv", "Move to archive"],
    MoveToBin => ["Flytt til papirkurv", "Flytt til papirkorga", "Move to bin"],
    RestoreToInbox => ["Flytt tilbake til innboksen", "Flytt tilbake til innboksen", "Restore to inbox"],
    MarkAsUnread => ["Marker som ulest", "Merk som ulesen", "Mark as unread"],
    MovedToArchive => ["Dialogen er flyttet til arkivet.", "Dialogen er flytta til arkivet.", "The dialog was moved to the archive."],
    MovedToBin => ["Dialogen er flyttet til papirkurven.", "Dialogen er flytta til papirkorga.", "The dialog was moved to the bin."],
    RestoredToInbox => ["Dialogen er flyttet tilbake til innboksen.", "Dialogen er flytta tilbake til innboksen.", "The dialog was moved back to the inbox."],
    MarkedAsUnread => ["Dialogen er markert som ulest.", "Dialogen er merkt som ulesen.", "The dialog is marked as unread."],
    Undo => ["Angre", "Angre", "Undo"],
    UndoDone => ["Endringen er angret.", "Endringa er angra.", "The change was undone."],
    LabelChangeFailed => [
        "Vi klarte ikke å flytte dialogen. Prøv igjen.",
        "Vi klarte ikkje å flytte dialogen. Prøv igjen.",
        "We could not move the dialog. Please try again.",
    ],
    LabelConflict => [
        "Dialogen ble endret et annet sted i mellomtiden. Vi har hentet den nyeste versjonen, så du kan prøve igjen.",
        "Dialogen vart endra ein annan stad i mellomtida. Vi har henta den nyaste versjonen, så du kan prøve igjen.",
        "The dialog was changed somewhere else in the meantime. We have loaded the latest version, so you can try again.",
    ],
    /// Accessible name of the group of label buttons.
    Organise => ["Organiser", "Organiser", "Organise"],
    Attachments => ["Vedlegg", "Vedlegg", "Attachments"],
    NoAttachments => ["Ingen vedlegg.", "Ingen vedlegg.", "No attachments."],
    AttachmentUntitled => ["Vedlegg uten navn", "Vedlegg utan namn", "Unnamed attachment"],
    AttachmentUnavailable => ["ikke tilgjengelig for deg", "ikkje tilgjengeleg for deg", "not available to you"],
    MediaPdf => ["PDF-dokument", "PDF-dokument", "PDF document"],
    MediaCsv => ["CSV-fil (regneark)", "CSV-fil (rekneark)", "CSV file (spreadsheet)"],
    MediaText => ["Tekstfil", "Tekstfil", "Text file"],
    MediaHtml => ["Nettside", "Nettside", "Web page"],
    MediaJson => ["JSON-fil", "JSON-fil", "JSON file"],
    MediaXml => ["XML-fil", "XML-fil", "XML file"],
    MediaZip => ["ZIP-arkiv", "ZIP-arkiv", "ZIP archive"],
    MediaWord => ["Tekstdokument", "Tekstdokument", "Word processing document"],
    MediaSpreadsheet => ["Regneark", "Rekneark", "Spreadsheet"],
    MediaImage => ["Bilde", "Bilete", "Image"],
    MediaUnknown => ["Fil", "Fil", "File"],
    /// Accessible name of the group of GUI actions.
    Actions => ["Handlinger", "Handlingar", "Actions"],
    MoreActions => ["Flere handlinger", "Fleire handlingar", "More actions"],
    ActionNotAuthorized => [
        "Du har ikke rettigheter til å gjøre dette.",
        "Du har ikkje rettar til å gjere dette.",
        "You do not have the rights to do this.",
    ],
    /// `{action}`: the action's title.
    ActionWorking => ["Utfører «{action}» …", "Utfører «{action}» …", "Performing “{action}” …"],
    /// `{action}`: the action's title.
    ActionDone => ["«{action}» er utført.", "«{action}» er utført.", "“{action}” is done."],
    /// `{action}`: the action's title.
    ActionFailed => [
        "Vi klarte ikke å utføre «{action}». Prøv igjen.",
        "Vi klarte ikkje å utføre «{action}». Prøv igjen.",
        "We could not perform “{action}”. Please try again.",
    ],
    Confirm => ["Bekreft", "Stadfest", "Confirm"],
    Cancel => ["Avbryt", "Avbryt", "Cancel"],
    OpensInNewTab => ["(åpnes i ny fane)", "(blir opna i ei ny fane)", "(opens in a new tab)"],
    ForDevelopers => ["For utviklere", "For utviklarar", "For developers"],
    ApiActionsIntro => [
        "Disse API-handlingene kan fagsystemer bruke for denne dialogen.",
        "Desse API-handlingane kan fagsystem bruke for denne dialogen.",
        "Business systems can use these API actions for this dialog.",
    ],
    ApiMethod => ["Metode", "Metode", "Method"],
    ApiDocs => ["Dokumentasjon", "Dokumentasjon", "Documentation"],
    ApiDeprecated => ["utfases", "blir fasa ut", "deprecated"],
    Transmissions => ["Forsendelser", "Forsendingar", "Transmissions"],
    NoTransmissions => ["Ingen forsendelser ennå.", "Ingen forsendingar enno.", "No transmissions yet."],
    /// `{n}`: how many transmissions there are.
    ShowAll => ["Vis alle ({n})", "Vis alle ({n})", "Show all ({n})"],
    ShowContent => ["Vis innhold", "Vis innhald", "Show content"],
    HideContent => ["Skjul innhold", "Gøym innhald", "Hide content"],
    TxInformation => ["Informasjon", "Informasjon", "Information"],
    TxAcceptance => ["Godkjenning", "Godkjenning", "Acceptance"],
    TxRejection => ["Avvisning", "Avvising", "Rejection"],
    TxRequest => ["Forespørsel", "Førespurnad", "Request"],
    TxAlert => ["Varsel", "Varsel", "Alert"],
    TxDecision => ["Vedtak", "Vedtak", "Decision"],
    TxSubmission => ["Innsending", "Innsending", "Submission"],
    TxCorrection => ["Retting", "Retting", "Correction"],
    TxOther => ["Melding", "Melding", "Message"],
    TxNotAuthorized => [
        "Du har ikke tilgang til innholdet i denne forsendelsen.",
        "Du har ikkje tilgang til innhaldet i denne forsendinga.",
        "You do not have access to the content of this transmission.",
    ],
    UnknownActor => ["Ukjent", "Ukjend", "Unknown"],
    Content => ["Innhold", "Innhald", "Content"],
    LoadingContent => ["Henter innholdet …", "Hentar innhaldet …", "Loading the content …"],
    ContentFailed => [
        "Vi klarte ikke å hente innholdet.",
        "Vi klarte ikkje å hente innhaldet.",
        "We could not load the content.",
    ],
    ContentNotAuthorized => [
        "Du har ikke tilgang til innholdet i denne dialogen.",
        "Du har ikkje tilgang til innhaldet i denne dialogen.",
        "You do not have access to the content of this dialog.",
    ],
    ActivityLog => ["Aktivitetslogg", "Aktivitetslogg", "Activity log"],
    NoActivities => ["Ingen aktiviteter.", "Ingen aktivitetar.", "No activities."],
    /// `{name}`: who did it.
    PerformedBy => ["Utført av {name}", "Utført av {name}", "By {name}"],
    ActCreated => ["Dialogen ble opprettet", "Dialogen vart oppretta", "Dialog created"],
    ActClosed => ["Dialogen ble avsluttet", "Dialogen vart avslutta", "Dialog closed"],
    ActInformation => ["Informasjon", "Informasjon", "Information"],
    ActTransmissionOpened => ["Forsendelse åpnet", "Forsending opna", "Transmission opened"],
    ActPaymentMade => ["Betaling gjennomført", "Betaling gjennomført", "Payment made"],
    ActSignatureProvided => ["Signert", "Signert", "Signature provided"],
    ActOpened => ["Dialogen ble åpnet", "Dialogen vart opna", "Dialog opened"],
    ActDeleted => ["Dialogen ble slettet", "Dialogen vart sletta", "Dialog deleted"],
    ActRestored => ["Dialogen ble gjenopprettet", "Dialogen vart gjenoppretta", "Dialog restored"],
    ActSentToSigning => ["Sendt til signering", "Sendt til signering", "Sent for signing"],
    ActSentToFormFill => ["Sendt til utfylling", "Sendt til utfylling", "Sent for form filling"],
    ActSentToSendIn => ["Sendt til innsending", "Sendt til innsending", "Sent for submission"],
    ActSentToPayment => ["Sendt til betaling", "Sendt til betaling", "Sent for payment"],
    ActFormSubmitted => ["Skjema sendt inn", "Skjema sendt inn", "Form submitted"],
    ActFormSaved => ["Skjema lagret", "Skjema lagra", "Form saved"],
    ActCorrespondenceOpened => ["Melding åpnet", "Melding opna", "Message opened"],
    ActCorrespondenceConfirmed => ["Melding bekreftet", "Melding stadfesta", "Message confirmed"],
    ActOther => ["Annen aktivitet", "Anna aktivitet", "Other activity"],
    SeenBy => ["Sett av", "Sett av", "Seen by"],
    NotSeen => [
        "Ingen har sett dialogen siden den sist ble oppdatert.",
        "Ingen har sett dialogen sidan han sist vart oppdatert.",
        "Nobody has seen the dialog since it was last updated.",
    ],
    SeenYouSuffix => ["(deg)", "(deg)", "(you)"],
    Recipient => ["Mottaker", "Mottakar", "Recipient"],
    Created => ["Opprettet", "Oppretta", "Created"],
    Due => ["Frist", "Frist", "Due"],
    AdditionalInfo => ["Tilleggsinformasjon", "Tilleggsinformasjon", "Additional information"],
    DialogNotVisibleYet => [
        "Denne dialogen er ikke synlig ennå.",
        "Denne dialogen er ikkje synleg enno.",
        "This dialog is not visible yet.",
    ],
    AvailableFrom => ["Den blir tilgjengelig", "Han blir tilgjengeleg", "It will be available from"],
    DialogDeleted => [
        "Denne dialogen er slettet og finnes ikke lenger.",
        "Denne dialogen er sletta og finst ikkje lenger.",
        "This dialog has been deleted and no longer exists.",
    ],
    DialogAuthLevel => [
        "Denne dialogen krever et høyere sikkerhetsnivå enn det du logget inn med.",
        "Denne dialogen krev eit høgare tryggingsnivå enn det du logga inn med.",
        "This dialog requires a higher security level than the one you logged in with.",
    ],
    DialogAuthLevelHelp => [
        "Logg inn på nytt med høyt sikkerhetsnivå, for eksempel BankID, for å se den.",
        "Logg inn på nytt med høgt tryggingsnivå, til dømes BankID, for å sjå han.",
        "Log in again with a high security level, for example BankID, to see it.",
    ],
    LogInHigherLevel => ["Logg inn med høyere sikkerhetsnivå", "Logg inn med høgare tryggingsnivå", "Log in with a higher security level"],
    DialogForbidden => [
        "Du har ikke tilgang til denne dialogen. Kanskje du må representere en annen aktør?",
        "Du har ikkje tilgang til denne dialogen. Kanskje du må representere ein annan aktør?",
        "You do not have access to this dialog. Perhaps you need to act for another party?",
    ],
    DialogNotFound => [
        "Vi fant ikke denne dialogen. Den kan ha utløpt, eller adressen kan være feil.",
        "Vi fann ikkje denne dialogen. Han kan ha gått ut, eller adressa kan vere feil.",
        "We could not find this dialog. It may have expired, or the address may be wrong.",
    ],

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
