//! Service owners and dialog templates with realistic Norwegian texts (nb, nn, en).
//!
//! Placeholders: `{year}` (the year before the dialog was created), `{place}` (a street
//! address), `{n}` (a small number), `{month}` (a month name).

/// A service owner (`org` code and display name in nb, nn, en).
pub struct Owner {
    pub code: &'static str,
    pub name: [&'static str; 3],
    pub org_number: &'static str,
    pub host: &'static str,
}

pub const OWNERS: &[Owner] = &[
    Owner {
        code: "skd",
        name: [
            "Skatteetaten",
            "Skatteetaten",
            "The Norwegian Tax Administration",
        ],
        org_number: "974761076",
        host: "skatteetaten.no",
    },
    Owner {
        code: "nav",
        name: [
            "NAV",
            "NAV",
            "NAV (Norwegian Labour and Welfare Administration)",
        ],
        org_number: "889640782",
        host: "nav.no",
    },
    Owner {
        code: "svv",
        name: [
            "Statens vegvesen",
            "Statens vegvesen",
            "Norwegian Public Roads Administration",
        ],
        org_number: "971032081",
        host: "vegvesen.no",
    },
    Owner {
        code: "ssb",
        name: [
            "Statistisk sentralbyrå",
            "Statistisk sentralbyrå",
            "Statistics Norway",
        ],
        org_number: "971526920",
        host: "ssb.no",
    },
    Owner {
        code: "dibk",
        name: [
            "Direktoratet for byggkvalitet",
            "Direktoratet for byggkvalitet",
            "Norwegian Building Authority",
        ],
        org_number: "974760223",
        host: "dibk.no",
    },
    Owner {
        code: "brg",
        name: [
            "Brønnøysundregistrene",
            "Brønnøysundregistera",
            "The Brønnøysund Register Centre",
        ],
        org_number: "974760673",
        host: "brreg.no",
    },
    Owner {
        code: "digdir",
        name: [
            "Digitaliseringsdirektoratet",
            "Digitaliseringsdirektoratet",
            "Norwegian Digitalisation Agency",
        ],
        org_number: "991825827",
        host: "digdir.no",
    },
    Owner {
        code: "udir",
        name: [
            "Utdanningsdirektoratet",
            "Utdanningsdirektoratet",
            "Norwegian Directorate for Education and Training",
        ],
        org_number: "970018131",
        host: "udir.no",
    },
    Owner {
        code: "lanekassen",
        name: [
            "Lånekassen",
            "Lånekassen",
            "The Norwegian State Educational Loan Fund",
        ],
        org_number: "960885406",
        host: "lanekassen.no",
    },
    Owner {
        code: "ok",
        name: ["Oslo kommune", "Oslo kommune", "City of Oslo"],
        org_number: "958935420",
        host: "oslo.kommune.no",
    },
    Owner {
        code: "kv",
        name: ["Kartverket", "Kartverket", "Norwegian Mapping Authority"],
        org_number: "971040238",
        host: "kartverket.no",
    },
];

/// Who a template is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum For {
    Person,
    Org,
    Both,
}

pub struct Template {
    pub owner: &'static str,
    pub resource: &'static str,
    pub for_: For,
    pub title: [&'static str; 3],
    pub summary: [&'static str; 3],
    /// Extended status codes with labels (nb, nn, en).
    pub ext: &'static [(&'static str, [&'static str; 3])],
    /// Display names of typical attachments (nb, nn, en) and the file name.
    pub attachments: &'static [([&'static str; 3], &'static str)],
    /// Main GUI action title (nb, nn, en).
    pub primary: [&'static str; 3],
}

const OPEN: [&str; 3] = ["Gå til tjenesten", "Gå til tenesta", "Go to service"];
const FORM: [&str; 3] = ["Gå til skjema", "Gå til skjemaet", "Go to form"];

pub const TEMPLATES: &[Template] = &[
    Template {
        owner: "skd",
        resource: "skd-skattemelding",
        for_: For::Person,
        title: [
            "Skattemeldingen for {year} er klar",
            "Skattemeldinga for {year} er klar",
            "Your tax return for {year} is ready",
        ],
        summary: [
            "Kontroller opplysningene og lever innen fristen 30. april. Har du ingen endringer, trenger du ikke gjøre noe.",
            "Kontroller opplysningane og lever innan fristen 30. april. Har du ingen endringar, treng du ikkje gjere noko.",
            "Check the information and submit by the deadline of 30 April. If nothing needs changing, you do not have to do anything.",
        ],
        ext: &[
            (
                "urn:skd:status:apen",
                ["Åpen for endring", "Open for endring", "Open for changes"],
            ),
            ("urn:skd:status:levert", ["Levert", "Levert", "Submitted"]),
        ],
        attachments: &[(
            [
                "Skattemelding {year} (PDF)",
                "Skattemelding {year} (PDF)",
                "Tax return {year} (PDF)",
            ],
            "skattemelding-{year}.pdf",
        )],
        primary: FORM,
    },
    Template {
        owner: "skd",
        resource: "skd-skatteoppgjor",
        for_: For::Person,
        title: [
            "Skatteoppgjøret for {year}",
            "Skatteoppgjeret for {year}",
            "Your tax settlement for {year}",
        ],
        summary: [
            "Skatteoppgjøret ditt er klart. Du får penger tilbake, og beløpet utbetales til kontoen din i løpet av noen dager.",
            "Skatteoppgjeret ditt er klart. Du får pengar tilbake, og beløpet blir betalt ut til kontoen din i løpet av nokre dagar.",
            "Your tax settlement is ready. You are getting a refund, which will be paid to your account within a few days.",
        ],
        ext: &[],
        attachments: &[(
            [
                "Skatteoppgjør {year}",
                "Skatteoppgjer {year}",
                "Tax settlement {year}",
            ],
            "skatteoppgjor-{year}.pdf",
        )],
        primary: OPEN,
    },
    Template {
        owner: "skd",
        resource: "skd-mva-melding",
        for_: For::Org,
        title: [
            "MVA-melding for {n}. termin {year}",
            "MVA-melding for {n}. termin {year}",
            "VAT return for term {n} {year}",
        ],
        summary: [
            "Merverdiavgiftsmeldingen for terminen skal sendes inn senest én måned og ti dager etter terminens utløp.",
            "Meirverdiavgiftsmeldinga for terminen skal sendast inn seinast éin månad og ti dagar etter at terminen er ute.",
            "The VAT return for the term must be submitted no later than one month and ten days after the end of the term.",
        ],
        ext: &[
            ("urn:skd:mva:utkast", ["Utkast", "Utkast", "Draft"]),
            (
                "urn:skd:mva:innsendt",
                ["Sendt inn", "Sendt inn", "Submitted"],
            ),
            ("urn:skd:mva:godkjent", ["Godkjent", "Godkjend", "Approved"]),
        ],
        attachments: &[(
            [
                "Kvittering for innsendt MVA-melding",
                "Kvittering for innsend MVA-melding",
                "Receipt for submitted VAT return",
            ],
            "kvittering-mva.pdf",
        )],
        primary: FORM,
    },
    Template {
        owner: "skd",
        resource: "skd-a-melding",
        for_: For::Org,
        title: [
            "Tilbakemelding på a-melding for {month}",
            "Tilbakemelding på a-melding for {month}",
            "Feedback on the a-melding for {month}",
        ],
        summary: [
            "A-meldingen er mottatt og kontrollert. Det er funnet {n} avvik som bør rettes i neste a-melding.",
            "A-meldinga er motteken og kontrollert. Det er funne {n} avvik som bør rettast i neste a-melding.",
            "The a-melding has been received and checked. {n} discrepancies were found that should be corrected in the next a-melding.",
        ],
        ext: &[],
        attachments: &[(
            ["Avviksrapport", "Avviksrapport", "Discrepancy report"],
            "avviksrapport.csv",
        )],
        primary: OPEN,
    },
    Template {
        owner: "nav",
        resource: "nav-foreldrepenger",
        for_: For::Person,
        title: [
            "Søknad om foreldrepenger",
            "Søknad om foreldrepengar",
            "Application for parental benefit",
        ],
        summary: [
            "Vi har mottatt søknaden din om foreldrepenger. Du får svar når saken er ferdig behandlet.",
            "Vi har motteke søknaden din om foreldrepengar. Du får svar når saka er ferdig handsama.",
            "We have received your application for parental benefit. You will get an answer once it has been processed.",
        ],
        ext: &[
            (
                "urn:nav:sak:under-behandling",
                ["Under behandling", "Under handsaming", "Being processed"],
            ),
            (
                "urn:nav:sak:vedtak",
                ["Vedtak fattet", "Vedtak gjort", "Decision made"],
            ),
        ],
        attachments: &[(
            [
                "Kvittering for søknad",
                "Kvittering for søknad",
                "Application receipt",
            ],
            "kvittering.pdf",
        )],
        primary: OPEN,
    },
    Template {
        owner: "nav",
        resource: "nav-sykepengesoknad",
        for_: For::Person,
        title: [
            "Søknad om sykepenger for {month}",
            "Søknad om sjukepengar for {month}",
            "Application for sickness benefit for {month}",
        ],
        summary: [
            "Du har en søknad om sykepenger som venter på deg. Søknaden må sendes senest fire måneder etter sykmeldingsperioden.",
            "Du har ein søknad om sjukepengar som ventar på deg. Søknaden må sendast seinast fire månader etter sjukmeldingsperioden.",
            "You have an application for sickness benefit waiting. It must be sent no later than four months after the sick leave period.",
        ],
        ext: &[],
        attachments: &[],
        primary: FORM,
    },
    Template {
        owner: "nav",
        resource: "nav-inntektsmelding",
        for_: For::Org,
        title: [
            "Inntektsmelding for sykepenger mangler",
            "Inntektsmelding for sjukepengar manglar",
            "Income report for sickness benefit is missing",
        ],
        summary: [
            "En ansatt har søkt om sykepenger. Send inntektsmelding så snart som mulig, slik at NAV kan behandle saken.",
            "Ein tilsett har søkt om sjukepengar. Send inntektsmelding så snart som mogleg, slik at NAV kan handsame saka.",
            "An employee has applied for sickness benefit. Send the income report as soon as possible so NAV can process the case.",
        ],
        ext: &[("urn:nav:im:mangler", ["Mangler", "Manglar", "Missing"])],
        attachments: &[],
        primary: FORM,
    },
    Template {
        owner: "nav",
        resource: "nav-dagpenger-vedtak",
        for_: For::Person,
        title: [
            "Vedtak om dagpenger",
            "Vedtak om dagpengar",
            "Decision on unemployment benefit",
        ],
        summary: [
            "Du har fått innvilget dagpenger. Husk å sende meldekort hver fjortende dag.",
            "Du har fått innvilga dagpengar. Hugs å sende meldekort kvar fjortande dag.",
            "Your unemployment benefit has been granted. Remember to submit your employment status form every two weeks.",
        ],
        ext: &[],
        attachments: &[(
            ["Vedtaksbrev", "Vedtaksbrev", "Decision letter"],
            "vedtak-dagpenger.pdf",
        )],
        primary: OPEN,
    },
    Template {
        owner: "svv",
        resource: "svv-eu-kontroll",
        for_: For::Both,
        title: [
            "Innkalling til periodisk kjøretøykontroll (EU-kontroll)",
            "Innkalling til periodisk køyretøykontroll (EU-kontroll)",
            "Notice of periodic vehicle inspection (EU inspection)",
        ],
        summary: [
            "Kjøretøyet ditt med registreringsnummer EL {n}4821 må godkjennes innen fristen. Bestill time hos et godkjent verksted.",
            "Køyretøyet ditt med registreringsnummer EL {n}4821 må godkjennast innan fristen. Bestill time hos eit godkjent verkstad.",
            "Your vehicle with registration number EL {n}4821 must be approved by the deadline. Book an appointment at an approved workshop.",
        ],
        ext: &[],
        attachments: &[],
        primary: OPEN,
    },
    Template {
        owner: "svv",
        resource: "svv-forerkort",
        for_: For::Person,
        title: [
            "Førerkortet ditt må fornyes",
            "Førarkortet ditt må fornyast",
            "Your driving licence must be renewed",
        ],
        summary: [
            "Førerkortet ditt utløper snart. Du kan fornye det digitalt, og må ta nytt bilde hos en trafikkstasjon eller fotograf.",
            "Førarkortet ditt går ut snart. Du kan fornye det digitalt, og må ta nytt bilete hos ein trafikkstasjon eller fotograf.",
            "Your driving licence expires soon. You can renew it online, and need a new photo taken at a traffic station or a photographer.",
        ],
        ext: &[],
        attachments: &[],
        primary: OPEN,
    },
    Template {
        owner: "ssb",
        resource: "ssb-lonnsstatistikk",
        for_: For::Org,
        title: [
            "Rapportering til lønnsstatistikken {year}",
            "Rapportering til lønsstatistikken {year}",
            "Reporting for the wage statistics {year}",
        ],
        summary: [
            "Virksomheten er trukket ut til å rapportere til Statistisk sentralbyrå. Rapporteringen er pålagt etter statistikkloven.",
            "Verksemda er trekt ut til å rapportere til Statistisk sentralbyrå. Rapporteringa er pålagd etter statistikklova.",
            "Your business has been selected to report to Statistics Norway. Reporting is mandatory under the Statistics Act.",
        ],
        ext: &[],
        attachments: &[(
            [
                "Veiledning for utfylling",
                "Rettleiing for utfylling",
                "Guidance for filling in",
            ],
            "veiledning.pdf",
        )],
        primary: FORM,
    },
    Template {
        owner: "ssb",
        resource: "ssb-levekar",
        for_: For::Person,
        title: [
            "Levekårsundersøkelsen {year}",
            "Levekårsundersøkinga {year}",
            "Survey on living conditions {year}",
        ],
        summary: [
            "Du er trukket ut til å delta i Levekårsundersøkelsen. Det tar om lag 20 minutter å svare.",
            "Du er trekt ut til å delta i Levekårsundersøkinga. Det tek om lag 20 minutt å svare.",
            "You have been selected to take part in the survey on living conditions. It takes about 20 minutes to answer.",
        ],
        ext: &[],
        attachments: &[],
        primary: FORM,
    },
    Template {
        owner: "dibk",
        resource: "dibk-nabovarsel",
        for_: For::Both,
        title: [
            "Nabovarsel for {place}",
            "Nabovarsel for {place}",
            "Notice to neighbours for {place}",
        ],
        summary: [
            "Du varsles om planlagt tilbygg på nabotomten. Eventuelle merknader må sendes innen to uker.",
            "Du vert varsla om planlagt tilbygg på nabotomta. Eventuelle merknader må sendast innan to veker.",
            "You are notified of a planned extension on the neighbouring property. Any comments must be sent within two weeks.",
        ],
        ext: &[],
        attachments: &[
            (
                ["Situasjonsplan", "Situasjonsplan", "Site plan"],
                "situasjonsplan.pdf",
            ),
            (
                ["Tegninger fasade", "Teikningar fasade", "Facade drawings"],
                "fasade.pdf",
            ),
        ],
        primary: OPEN,
    },
    Template {
        owner: "dibk",
        resource: "dibk-rammetillatelse",
        for_: For::Org,
        title: [
            "Søknad om rammetillatelse – {place}",
            "Søknad om rammeløyve – {place}",
            "Application for outline permission – {place}",
        ],
        summary: [
            "Søknaden er mottatt av kommunen. Saksbehandlingsfristen er 12 uker fra komplett søknad.",
            "Søknaden er motteken av kommunen. Sakshandsamingsfristen er 12 veker frå komplett søknad.",
            "The municipality has received the application. The processing deadline is 12 weeks from a complete application.",
        ],
        ext: &[(
            "urn:dibk:status:mottatt",
            ["Mottatt", "Motteken", "Received"],
        )],
        attachments: &[],
        primary: OPEN,
    },
    Template {
        owner: "brg",
        resource: "brg-arsregnskap",
        for_: For::Org,
        title: [
            "Årsregnskap for {year}",
            "Årsrekneskap for {year}",
            "Annual accounts for {year}",
        ],
        summary: [
            "Årsregnskapet med årsberetning og revisjonsberetning skal sendes inn innen 31. juli.",
            "Årsrekneskapen med årsmelding og revisjonsmelding skal sendast inn innan 31. juli.",
            "The annual accounts with the directors' report and auditor's report must be submitted by 31 July.",
        ],
        ext: &[],
        attachments: &[],
        primary: FORM,
    },
    Template {
        owner: "brg",
        resource: "brg-enhetsregisteret-endring",
        for_: For::Org,
        title: [
            "Endring registrert i Enhetsregisteret",
            "Endring registrert i Einingsregisteret",
            "Change registered in the Central Coordinating Register",
        ],
        summary: [
            "Meldingen om endring av daglig leder er registrert. Registreringen er kunngjort.",
            "Meldinga om endring av dagleg leiar er registrert. Registreringa er kunngjord.",
            "The notification of a change of general manager has been registered and announced.",
        ],
        ext: &[],
        attachments: &[(
            ["Firmaattest", "Firmaattest", "Certificate of registration"],
            "firmaattest.pdf",
        )],
        primary: OPEN,
    },
    Template {
        owner: "digdir",
        resource: "digdir-krr",
        for_: For::Person,
        title: [
            "Kontaktinformasjonen din i Kontakt- og reservasjonsregisteret",
            "Kontaktinformasjonen din i Kontakt- og reservasjonsregisteret",
            "Your contact information in the Common Contact Register",
        ],
        summary: [
            "Det er lenge siden du bekreftet kontaktinformasjonen din. Sjekk at e-postadresse og mobilnummer er riktig.",
            "Det er lenge sidan du stadfesta kontaktinformasjonen din. Sjekk at e-postadresse og mobilnummer er rett.",
            "It has been a while since you confirmed your contact information. Check that your e-mail address and mobile number are correct.",
        ],
        ext: &[],
        attachments: &[],
        primary: OPEN,
    },
    Template {
        owner: "udir",
        resource: "udir-vitnemal",
        for_: For::Person,
        title: [
            "Vitnemålet ditt er tilgjengelig",
            "Vitnemålet ditt er tilgjengeleg",
            "Your diploma is available",
        ],
        summary: [
            "Vitnemålet fra videregående opplæring er nå tilgjengelig i Vitnemålsportalen.",
            "Vitnemålet frå vidaregåande opplæring er no tilgjengeleg i Vitnemålsportalen.",
            "Your upper secondary diploma is now available in the diploma portal.",
        ],
        ext: &[],
        attachments: &[],
        primary: OPEN,
    },
    Template {
        owner: "udir",
        resource: "udir-larlingtilskudd",
        for_: For::Org,
        title: [
            "Lærlingtilskudd {year}",
            "Lærlingtilskot {year}",
            "Apprenticeship grant {year}",
        ],
        summary: [
            "Søknaden om lærlingtilskudd er behandlet. Tilskuddet utbetales i to terminer.",
            "Søknaden om lærlingtilskot er handsama. Tilskotet blir utbetalt i to terminar.",
            "The application for the apprenticeship grant has been processed. The grant is paid in two instalments.",
        ],
        ext: &[],
        attachments: &[],
        primary: OPEN,
    },
    Template {
        owner: "lanekassen",
        resource: "lanekassen-betalingsplan",
        for_: For::Person,
        title: [
            "Betalingsplan for studielånet",
            "Betalingsplan for studielånet",
            "Repayment plan for your student loan",
        ],
        summary: [
            "Du skal begynne å betale tilbake studielånet. Første faktura forfaller {n}. {month}.",
            "Du skal byrje å betale attende studielånet. Første faktura forfell {n}. {month}.",
            "You are due to start repaying your student loan. The first invoice is due on {month} {n}.",
        ],
        ext: &[],
        attachments: &[(["Faktura", "Faktura", "Invoice"], "faktura.pdf")],
        primary: OPEN,
    },
    Template {
        owner: "ok",
        resource: "ok-snorydding",
        for_: For::Both,
        title: [
            "Melding om bortkjøring av snø",
            "Melding om bortkøyring av snø",
            "Notice of snow removal",
        ],
        summary: [
            "Det blir bortkjøring av snø i {place} natt til torsdag. Biler som står parkert i gaten vil bli tauet bort.",
            "Det blir bortkøyring av snø i {place} natt til torsdag. Bilar som står parkerte i gata vil bli fjerna.",
            "Snow will be removed in {place} on Wednesday night. Cars parked in the street will be towed away.",
        ],
        ext: &[],
        attachments: &[],
        primary: OPEN,
    },
    Template {
        owner: "ok",
        resource: "ok-eiendomsskatt",
        for_: For::Both,
        title: [
            "Eiendomsskatt {year}",
            "Eigedomsskatt {year}",
            "Property tax {year}",
        ],
        summary: [
            "Skatteseddel for eiendomsskatt for {place}. Beløpet faktureres sammen med kommunale avgifter.",
            "Skattesetel for eigedomsskatt for {place}. Beløpet blir fakturert saman med kommunale avgifter.",
            "Property tax bill for {place}. The amount is invoiced together with municipal charges.",
        ],
        ext: &[],
        attachments: &[(
            ["Skatteseddel", "Skattesetel", "Tax bill"],
            "skatteseddel.pdf",
        )],
        primary: OPEN,
    },
    Template {
        owner: "ok",
        resource: "ok-barnehageplass",
        for_: For::Person,
        title: [
            "Tilbud om barnehageplass",
            "Tilbod om barnehageplass",
            "Offer of a kindergarten place",
        ],
        summary: [
            "Barnet ditt har fått tilbud om plass i Tåsen barnehage fra 1. august. Svar innen fristen for å beholde plassen.",
            "Barnet ditt har fått tilbod om plass i Tåsen barnehage frå 1. august. Svar innan fristen for å halde på plassen.",
            "Your child has been offered a place at Tåsen kindergarten from 1 August. Reply by the deadline to keep the place.",
        ],
        ext: &[(
            "urn:ok:barnehage:tilbud",
            ["Tilbud sendt", "Tilbod sendt", "Offer sent"],
        )],
        attachments: &[],
        primary: FORM,
    },
    Template {
        owner: "kv",
        resource: "kv-tinglysing",
        for_: For::Both,
        title: [
            "Skjøte tinglyst for {place}",
            "Skøyte tinglyst for {place}",
            "Deed registered for {place}",
        ],
        summary: [
            "Dokumentet er tinglyst i grunnboken. Du finner bekreftelsen som vedlegg.",
            "Dokumentet er tinglyst i grunnboka. Du finn stadfestinga som vedlegg.",
            "The document has been registered in the land register. The confirmation is attached.",
        ],
        ext: &[],
        attachments: &[(
            [
                "Tinglysingsbekreftelse",
                "Tinglysingsstadfesting",
                "Registration confirmation",
            ],
            "tinglysing.pdf",
        )],
        primary: OPEN,
    },
];

pub const PLACES: &[&str] = &[
    "Bjerkeveien 12",
    "Storgata 4B",
    "Kirkeveien 131",
    "Thereses gate 20",
    "Sognsveien 77",
    "Ullevålsveien 62",
    "Trondheimsveien 5",
    "Markveien 35",
    "Bygdøy allé 23",
    "Grünerløkka",
    "Sagene",
    "Frogner",
    "Nordstrand",
    "Grorud",
];

pub const MONTHS: [[&str; 12]; 3] = [
    [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
];

pub fn owner(code: &str) -> &'static Owner {
    OWNERS.iter().find(|o| o.code == code).unwrap_or(&OWNERS[0])
}
