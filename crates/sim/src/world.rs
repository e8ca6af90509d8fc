//! The simulated world: parties, personas and dialogs, generated deterministically from a seed.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use uuid::Uuid;

use crate::Scale;
use crate::catalogue::{For, MONTHS, OWNERS, PLACES, TEMPLATES};
use crate::ids::{org_number, synthetic_pid};
use crate::rng::Rng;

pub const STATUSES: [&str; 6] = [
    "InProgress",
    "Draft",
    "RequiresAttention",
    "Completed",
    "NotApplicable",
    "Awaiting",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Default,
    Bin,
    Archive,
    MarkedAsUnopened,
    Sent,
}

impl Label {
    pub const ALL: [Label; 5] = [
        Label::Default,
        Label::Bin,
        Label::Archive,
        Label::MarkedAsUnopened,
        Label::Sent,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Label::Default => "Default",
            Label::Bin => "Bin",
            Label::Archive => "Archive",
            Label::MarkedAsUnopened => "MarkedAsUnopened",
            Label::Sent => "Sent",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|l| l.name().eq_ignore_ascii_case(s))
    }
    pub fn is_folder(self) -> bool {
        matches!(self, Label::Default | Label::Bin | Label::Archive)
    }
}

#[derive(Debug, Clone)]
pub struct Party {
    pub urn: String,
    pub ident: String,
    pub uuid: Uuid,
    pub party_id: i64,
    /// Verbatim register name (CCR style, upper case).
    pub name: String,
    pub is_person: bool,
    pub date_of_birth: Option<String>,
    pub deleted: bool,
}

#[derive(Debug, Clone)]
pub struct Access {
    pub party: usize,
    pub subs: Vec<usize>,
    pub only_subs: bool,
    pub key_role: bool,
    pub main_admin: bool,
    pub access_manager: bool,
}

#[derive(Debug, Clone)]
pub struct Persona {
    pub name: String,
    pub pid: String,
    pub roles: Vec<&'static str>,
    pub description: String,
    pub user_id: i64,
    pub party: usize,
    pub access: Vec<Access>,
    /// Parties whose dialogs the persona may see (not parents listed only for the hierarchy).
    pub authorized: HashSet<usize>,
}

#[derive(Debug, Clone)]
pub struct Seen {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// Index of the persona who saw it.
    pub persona: usize,
}

#[derive(Debug, Clone)]
pub struct LabelLog {
    pub at: DateTime<Utc>,
    pub name: String,
    pub action: &'static str,
    pub persona: usize,
}

#[derive(Debug, Clone)]
pub struct Dialog {
    pub id: Uuid,
    pub party: usize,
    pub template: usize,
    pub org: &'static str,
    pub service_resource: String,
    pub status: &'static str,
    pub extended_status: Option<usize>,
    pub external_reference: Option<String>,
    pub process: Option<String>,
    pub preceding_process: Option<String>,
    pub progress: Option<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub content_updated_at: DateTime<Utc>,
    pub due_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub visible_from: Option<DateTime<Utc>>,
    pub title: [String; 3],
    pub summary: [String; 3],
    pub api_only: bool,
    pub deleted: bool,
    pub auth_level: u8,
    pub has_unopened_content: bool,
    pub labels: Vec<Label>,
    pub revision: Uuid,
    pub eu_revision: Uuid,
    pub seen: Vec<Seen>,
    pub label_log: Vec<LabelLog>,
    pub detail_seed: u64,
    pub script_content: bool,
    /// Six transmissions instead of 0–3 (the fixture for a long timeline).
    pub many_transmissions: bool,
    /// Values substituted into attachment names etc.
    pub year: i32,
}

impl Dialog {
    pub fn folder(&self) -> Label {
        self.labels
            .iter()
            .copied()
            .find(|l| l.is_folder())
            .unwrap_or(Label::Default)
    }
    pub fn has(&self, l: Label) -> bool {
        self.labels.contains(&l)
    }
}

/// Ids of special dialogs (all on persona 1's own party). Like all dialog ids they are UUID v7
/// stamped with the dialog's `createdAt`, so they depend on the seed and on the day the
/// simulator starts (dates are relative to midnight UTC): look them up, don't hard-code them.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fixtures {
    pub not_visible_yet: Uuid,
    pub deleted: Uuid,
    pub high_auth_level: Uuid,
    pub with_script_content: Uuid,
    /// A dialog with more transmissions than the details page shows at first.
    pub with_many_transmissions: Uuid,
}

pub struct World {
    pub now: DateTime<Utc>,
    pub parties: Vec<Party>,
    pub party_by_urn: HashMap<String, usize>,
    pub personas: Vec<Persona>,
    pub dialogs: Vec<Dialog>,
    pub by_id: HashMap<Uuid, usize>,
    pub by_party: HashMap<usize, Vec<usize>>,
    pub fixtures: Fixtures,
}

struct Builder {
    rng: Rng,
    parties: Vec<Party>,
    next_party_id: i64,
}

impl Builder {
    fn person(&mut self, name: &str, pid: &str, dob: (u32, u32, u32)) -> usize {
        let uuid = self.rng.uuid_v4();
        self.next_party_id += 1 + self.rng.below(900) as i64;
        self.parties.push(Party {
            urn: format!("urn:altinn:person:identifier-no:{pid}"),
            ident: pid.to_owned(),
            uuid,
            party_id: self.next_party_id,
            name: name.to_uppercase(),
            is_person: true,
            date_of_birth: Some(format!("{:04}-{:02}-{:02}", dob.2, dob.1, dob.0)),
            deleted: false,
        });
        self.parties.len() - 1
    }
    fn org(&mut self, name: &str, orgnr: &str, deleted: bool) -> usize {
        let uuid = self.rng.uuid_v4();
        self.next_party_id += 1 + self.rng.below(900) as i64;
        self.parties.push(Party {
            urn: format!("urn:altinn:organization:identifier-no:{orgnr}"),
            ident: orgnr.to_owned(),
            uuid,
            party_id: self.next_party_id,
            name: name.to_uppercase(),
            is_person: false,
            date_of_birth: None,
            deleted,
        });
        self.parties.len() - 1
    }
}

fn access(party: usize, subs: Vec<usize>) -> Access {
    Access {
        party,
        subs,
        only_subs: false,
        key_role: true,
        main_admin: false,
        access_manager: false,
    }
}

/// The start of the current UTC day: every date in the data is relative to this, so two
/// simulators started the same day with the same seed hold identical data.
pub fn anchor_now() -> DateTime<Utc> {
    let now = Utc::now();
    Utc.with_ymd_and_hms(now.year(), now.month(), now.day(), 0, 0, 0)
        .unwrap()
}

const ADJ: &[&str] = &[
    "NORDLYS",
    "FJORD",
    "BJØRK",
    "HAVBRIS",
    "FJELLTOPP",
    "SKOGLY",
    "SOLBERG",
    "ELVEBAKKEN",
    "STRANDA",
    "VIKING",
    "POLAR",
    "MIDNATT",
    "KYST",
    "DAL",
    "LIA",
    "TINDE",
];
const NOUN: &[&str] = &[
    "BYGG",
    "REGNSKAP",
    "EIENDOM",
    "TRANSPORT",
    "RØRLEGGER",
    "ELEKTRO",
    "BAKERI",
    "KONSULT",
    "HELSE",
    "MASKIN",
    "FISK",
    "DATA",
    "SNEKKERI",
    "HANDEL",
    "MEDIA",
    "DESIGN",
];
const CITIES: &[&str] = &[
    "OSLO",
    "BERGEN",
    "TRONDHEIM",
    "STAVANGER",
    "TROMSØ",
    "KRISTIANSAND",
    "DRAMMEN",
    "BODØ",
    "ÅLESUND",
    "HAMAR",
];

impl World {
    pub fn build(seed: u64, scale: Scale, now: DateTime<Utc>) -> World {
        let mut b = Builder {
            rng: Rng::new(seed),
            parties: Vec::new(),
            next_party_id: 50_100_000,
        };

        // --- persons
        let ola_pid = synthetic_pid(12, 3, 1983, 0);
        let astrid_pid = synthetic_pid(4, 9, 1951, 0);
        let kari_pid = synthetic_pid(23, 6, 1990, 1);
        let per_pid = synthetic_pid(8, 11, 1972, 0);
        let emma_pid = synthetic_pid(17, 2, 2004, 0);
        let siri_pid = synthetic_pid(30, 5, 1988, 2);
        let ola = b.person("Nordmann Ola", &ola_pid, (12, 3, 1983));
        let astrid = b.person("Nordmann Astrid", &astrid_pid, (4, 9, 1951));
        let kari = b.person("Nordmann Kari", &kari_pid, (23, 6, 1990));
        let per = b.person("Hansen Per", &per_pid, (8, 11, 1972));
        let emma = b.person("Berg Emma", &emma_pid, (17, 2, 2004));
        let siri = b.person("Service Desk Siri", &siri_pid, (30, 5, 1988));

        // --- Ola's organisations
        let ddg = b.org("DDG Fitness AS", &org_number(89_706_965), false);
        let ddg_oslo = b.org("DDG Fitness AS avd. Oslo", &org_number(91_204_417), false);
        let ddg_bergen = b.org("DDG Fitness AS avd. Bergen", &org_number(91_204_488), false);
        let ddg_trd = b.org(
            "DDG Fitness AS avd. Trondheim",
            &org_number(91_204_530),
            false,
        );
        let eas = b.org("EAS Health Consulting AS", &org_number(31_004_562), false);
        let brl = b.org("Oslos Vakreste Borettslag", &org_number(31_077_311), false);
        let sof = b.org(
            "Skog og Fjell Consulting AS",
            &org_number(31_155_872),
            false,
        );
        let sof_lhm = b.org(
            "Skog og Fjell Consulting AS avd. Lillehammer",
            &org_number(31_155_901),
            false,
        );
        let bakeri = b.org("Gamle Bakeri AS", &org_number(98_765_432), true);
        let hansen_regnskap = b.org("Hansen Regnskap AS", &org_number(92_611_204), false);

        let mut ola_access = vec![
            Access {
                main_admin: true,
                access_manager: true,
                ..access(ola, vec![])
            },
            Access {
                key_role: false,
                ..access(astrid, vec![])
            },
            Access {
                main_admin: true,
                access_manager: true,
                ..access(ddg, vec![ddg_oslo, ddg_bergen, ddg_trd])
            },
            access(eas, vec![]),
            Access {
                key_role: false,
                ..access(brl, vec![])
            },
            Access {
                only_subs: true,
                key_role: false,
                ..access(sof, vec![sof_lhm])
            },
            access(bakeri, vec![]),
        ];
        if scale == Scale::Large {
            // fill up to 15,000 parties: organisations, many with sub-units
            let mut count: usize = ola_access.iter().map(|a| 1 + a.subs.len()).sum();
            let mut base = 31_200_000u32;
            let mut i = 0usize;
            while count < 15_000 {
                let name = format!(
                    "{} {} AS",
                    ADJ[i % ADJ.len()],
                    NOUN[(i / ADJ.len()) % NOUN.len()]
                );
                let name = if i >= ADJ.len() * NOUN.len() {
                    format!("{name} {}", i / (ADJ.len() * NOUN.len()))
                } else {
                    name
                };
                let nr = org_number(base);
                base = nr[..8].parse::<u32>().unwrap() + 1 + b.rng.below(50) as u32;
                let gone = b.rng.chance(1);
                let parent = b.org(&name, &nr, gone);
                count += 1;
                let nsubs = (b.rng.below(4) as usize).min(15_000 - count);
                let mut subs = vec![];
                for s in 0..nsubs {
                    let nr = org_number(base);
                    base = nr[..8].parse::<u32>().unwrap() + 1;
                    subs.push(b.org(
                        &format!("{name} avd. {}", CITIES[(i + s) % CITIES.len()]),
                        &nr,
                        false,
                    ));
                    count += 1;
                }
                ola_access.push(Access {
                    key_role: b.rng.chance(60),
                    ..access(parent, subs)
                });
                i += 1;
            }
        }

        // --- the accountant's clients (one shared with Ola: DDG Fitness AS)
        let mut per_access = vec![
            Access {
                main_admin: true,
                access_manager: true,
                ..access(per, vec![])
            },
            Access {
                main_admin: true,
                ..access(hansen_regnskap, vec![])
            },
            Access {
                key_role: false,
                ..access(ddg, vec![])
            },
        ];
        for i in 0..24u32 {
            let name = format!(
                "{} {} AS",
                ADJ[(i as usize * 7) % ADJ.len()],
                NOUN[(i as usize * 3 + 1) % NOUN.len()]
            );
            let c = b.org(&name, &org_number(81_300_000 + i * 7_919), false);
            per_access.push(Access {
                key_role: false,
                ..access(c, vec![])
            });
        }

        let mk_persona = |name: &str,
                          pid: &str,
                          roles: Vec<&'static str>,
                          description: &str,
                          user_id: i64,
                          party: usize,
                          access: Vec<Access>| {
            let mut authorized = HashSet::new();
            for a in &access {
                if !a.only_subs {
                    authorized.insert(a.party);
                }
                authorized.extend(a.subs.iter().copied());
            }
            Persona {
                name: name.into(),
                pid: pid.into(),
                roles,
                description: description.into(),
                user_id,
                party,
                access,
                authorized,
            }
        };
        let personas = vec![
            mk_persona(
                "Ola Nordmann",
                &ola_pid,
                vec!["person", "dagligLeder"],
                "Daglig leder i DDG Fitness AS (med avdelinger i Oslo, Bergen og Trondheim); representerer også EAS Health Consulting AS, Oslos Vakreste Borettslag, en avdeling av Skog og Fjell Consulting AS, det slettede Gamle Bakeri AS og moren Astrid Nordmann.",
                20_012_001,
                ola,
                ola_access,
            ),
            mk_persona(
                "Kari Nordmann",
                &kari_pid,
                vec!["person"],
                "Privatperson som bare representerer seg selv.",
                20_012_002,
                kari,
                vec![Access {
                    main_admin: true,
                    ..access(kari, vec![])
                }],
            ),
            mk_persona(
                "Per Hansen",
                &per_pid,
                vec!["person", "regnskapsforer"],
                "Regnskapsfører i Hansen Regnskap AS med mange klienter.",
                20_012_003,
                per,
                per_access,
            ),
            mk_persona(
                "Emma Berg",
                &emma_pid,
                vec!["person"],
                "Student uten tilknytning til virksomheter; tom innboks.",
                20_012_004,
                emma,
                vec![access(emma, vec![])],
            ),
            mk_persona(
                "Astrid Nordmann",
                &astrid_pid,
                vec!["person"],
                "Pensjonist; Ola Nordmann har fullmakt for henne.",
                20_012_005,
                astrid,
                vec![access(astrid, vec![])],
            ),
            mk_persona(
                "Siri Service Desk",
                &siri_pid,
                vec!["person", "staff"],
                "Ansatt i Altinn brukerservice (servicedesk) som kan verifisere innringere.",
                20_012_006,
                siri,
                vec![access(siri, vec![])],
            ),
        ];

        // --- dialogs
        let mut dialogs = Vec::new();
        let ola_parties: Vec<usize> = {
            let mut v: Vec<usize> = personas[0].authorized.iter().copied().collect();
            v.sort_unstable();
            v
        };
        let ola_count = if scale == Scale::Large { 100_000 } else { 300 };
        let mut dgen = Rng::new(seed ^ 0xD1A1_0600);
        for i in 0..ola_count {
            // Ola's own party gets a third of the demo dialogs
            let party = if i % 3 == 0 {
                ola
            } else {
                *dgen.pick(&ola_parties)
            };
            dialogs.push(gen_dialog(&mut dgen, &b.parties[party], party, now, 0));
        }
        let per_parties: Vec<usize> = personas[2]
            .authorized
            .iter()
            .copied()
            .filter(|p| *p != ddg)
            .collect::<Vec<_>>();
        let mut per_parties = per_parties;
        per_parties.sort_unstable();
        for _ in 0..150 {
            let party = *dgen.pick(&per_parties);
            dialogs.push(gen_dialog(&mut dgen, &b.parties[party], party, now, 2));
        }
        for _ in 0..20 {
            dialogs.push(gen_dialog(&mut dgen, &b.parties[kari], kari, now, 1));
        }
        for _ in 0..6 {
            dialogs.push(gen_dialog(&mut dgen, &b.parties[siri], siri, now, 5));
        }
        // a few deleted ones
        let n = dialogs.len();
        for k in 0..5 {
            let idx = (k * 37 + 11) % n;
            dialogs[idx].deleted = true;
        }

        // --- fixtures on Ola's own party
        let mut fix = |dgen: &mut Rng, f: &dyn Fn(&mut Dialog)| {
            let mut d = gen_dialog(dgen, &b.parties[ola], ola, now, 0);
            f(&mut d);
            dialogs.push(d);
            dialogs.last().unwrap().id
        };
        let not_visible_yet = fix(&mut dgen, &|d| {
            d.visible_from = Some(now + Duration::days(30))
        });
        let deleted = fix(&mut dgen, &|d| d.deleted = true);
        let high_auth_level = fix(&mut dgen, &|d| {
            d.auth_level = 4;
            d.title = [
                "Sensitiv melding som krever høyt sikkerhetsnivå".into(),
                "Sensitiv melding som krev høgt tryggingsnivå".into(),
                "Sensitive message requiring a high security level".into(),
            ];
        });
        let with_script_content = fix(&mut dgen, &|d| {
            d.script_content = true;
            d.api_only = false;
            d.visible_from = None;
            d.deleted = false;
            d.title = [
                "Melding med aktivt innhold (sikkerhetstest)".into(),
                "Melding med aktivt innhald (tryggleikstest)".into(),
                "Message with active content (security test)".into(),
            ];
        });

        let with_many_transmissions = fix(&mut dgen, &|d| {
            d.many_transmissions = true;
            d.api_only = false;
            d.visible_from = None;
            d.deleted = false;
            d.auth_level = 3;
            d.title = [
                "Sak med mange forsendelser".into(),
                "Sak med mange forsendingar".into(),
                "Case with many transmissions".into(),
            ];
        });

        let mut by_id = HashMap::with_capacity(dialogs.len());
        let mut by_party: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, d) in dialogs.iter().enumerate() {
            by_id.insert(d.id, i);
            by_party.entry(d.party).or_default().push(i);
        }
        let party_by_urn = b
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.urn.clone(), i))
            .collect();
        World {
            now,
            parties: b.parties,
            party_by_urn,
            personas,
            dialogs,
            by_id,
            by_party,
            fixtures: Fixtures {
                not_visible_yet,
                deleted,
                high_auth_level,
                with_script_content,
                with_many_transmissions,
            },
        }
    }

    /// Number of parties persona `p` can see in `GET parties` (sub-units included).
    pub fn party_count(&self, p: usize) -> usize {
        self.personas[p]
            .access
            .iter()
            .map(|a| 1 + a.subs.len())
            .sum()
    }

    /// Number of dialogs on parties persona `p` may see.
    pub fn dialog_count(&self, p: usize) -> usize {
        let per = &self.personas[p];
        per.authorized
            .iter()
            .map(|x| self.by_party.get(x).map_or(0, Vec::len))
            .sum()
    }
}

fn fill(s: &str, year: i32, n: u64, place: &str, month: usize, lang: usize) -> String {
    if !s.contains('{') {
        return s.to_owned();
    }
    s.replace("{year}", &year.to_string())
        .replace("{n}", &n.to_string())
        .replace("{place}", place)
        .replace("{month}", MONTHS[lang][month])
}

fn gen_dialog(
    dgen: &mut Rng,
    party: &Party,
    party_idx: usize,
    now: DateTime<Utc>,
    seen_by: usize,
) -> Dialog {
    let mut r = dgen.fork(party_idx as u64);
    let kind = if party.is_person {
        For::Person
    } else {
        For::Org
    };
    let tidx = loop {
        let t = r.below(TEMPLATES.len() as u64) as usize;
        if TEMPLATES[t].for_ == kind || TEMPLATES[t].for_ == For::Both {
            break t;
        }
    };
    let t = &TEMPLATES[tidx];
    let created_at = now - Duration::seconds(r.range(3_600, 400 * 86_400));
    let content_updated_at = created_at
        + Duration::seconds(r.range(0, (now - created_at).num_seconds().min(60 * 86_400)));
    let updated_at = content_updated_at
        + Duration::seconds(r.range(0, (now - content_updated_at).num_seconds().min(7 * 86_400)));
    let year = created_at.year() - 1;
    let n = r.range(1, 6) as u64;
    let place = *r.pick(PLACES);
    let month = created_at.month0() as usize;
    let title = [0, 1, 2].map(|l| fill(t.title[l], year, n, place, month, l));
    let summary = [0, 1, 2].map(|l| fill(t.summary[l], year, n, place, month, l));
    let status = STATUSES[match r.below(100) {
        0..=24 => 0,
        25..=34 => 1,
        35..=49 => 2,
        50..=74 => 3,
        75..=89 => 4,
        _ => 5,
    }];
    let mut labels = vec![match r.below(100) {
        0..=69 => Label::Default,
        70..=84 => Label::Archive,
        _ => Label::Bin,
    }];
    if r.chance(12) {
        labels.push(Label::MarkedAsUnopened);
    }
    if status == "Completed" && r.chance(40) || status == "Awaiting" && r.chance(50) {
        labels.push(Label::Sent);
    }
    let due_at = r
        .chance(30)
        .then(|| now + Duration::seconds(r.range(-30 * 86_400, 90 * 86_400)));
    let extended_status =
        (!t.ext.is_empty() && r.chance(60)).then(|| r.below(t.ext.len() as u64) as usize);
    let id = r.uuid_v7(created_at.timestamp_millis());
    let seen = if r.chance(55) {
        vec![Seen {
            id: r.uuid_v4(),
            at: updated_at + Duration::seconds(r.range(60, 3_600)),
            persona: seen_by,
        }]
    } else {
        vec![]
    };
    Dialog {
        id,
        party: party_idx,
        template: tidx,
        org: t.owner,
        service_resource: format!("urn:altinn:resource:{}", t.resource),
        status,
        extended_status,
        external_reference: r
            .chance(20)
            .then(|| format!("{}-{}", t.owner.to_uppercase(), r.range(100_000, 999_999))),
        process: r
            .chance(40)
            .then(|| format!("urn:altinn:process:{}:{}", t.resource, r.range(1000, 9999))),
        preceding_process: None,
        progress: (status == "InProgress" && r.chance(60)).then(|| r.range(5, 95) as u8),
        created_at,
        updated_at,
        content_updated_at,
        due_at,
        expires_at: None,
        visible_from: None,
        title,
        summary,
        api_only: r.chance(3),
        deleted: false,
        auth_level: 3,
        has_unopened_content: r.chance(25),
        labels,
        revision: r.uuid_v4(),
        eu_revision: r.uuid_v4(),
        seen,
        label_log: vec![],
        detail_seed: r.next_u64(),
        script_content: false,
        many_transmissions: false,
        year,
    }
}

/// All service owners present in the catalogue.
pub fn owner_codes() -> Vec<&'static str> {
    OWNERS.iter().map(|o| o.code).collect()
}
