//! Parties: the [`PartyUrn`] identifier and the `GET /api/v1/enduser/parties` response.

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use crate::serde_util::null_as_empty;
use crate::string_enum::string_enum;

/// Prefix of a Norwegian national identity number (11 digits).
pub const PERSON_IDENTIFIER_NO: &str = "urn:altinn:person:identifier-no:";
/// Prefix of a Norwegian organization number (9 digits).
pub const ORGANIZATION_IDENTIFIER_NO: &str = "urn:altinn:organization:identifier-no:";
/// Prefix of an ID-porten e-mail identity.
pub const IDPORTEN_EMAIL: &str = "urn:altinn:person:idporten-email:";
/// Prefix of a legacy self-identified user (Altinn 2 username).
pub const LEGACY_SELF_IDENTIFIED: &str = "urn:altinn:person:legacy-selfidentified:";

/// A party identifier in URN form, e.g. `urn:altinn:organization:identifier-no:310010693`.
///
/// [`FromStr`] is strict: a known prefix with a malformed value, or a string
/// that is not a URN, is an error. Deserialization is lenient so a page is
/// never lost to one odd value: anything `FromStr` rejects becomes
/// [`PartyUrn::Other`] holding the whole string. Display and serialization
/// write the URN back (known prefixes in lower case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartyUrn {
    /// `urn:altinn:person:identifier-no:<11 digits>`
    PersonIdentifierNo(String),
    /// `urn:altinn:organization:identifier-no:<9 digits>`
    OrganizationIdentifierNo(String),
    /// `urn:altinn:person:idporten-email:<e-mail>`
    IdportenEmail(String),
    /// `urn:altinn:person:legacy-selfidentified:<username>`
    LegacySelfIdentified(String),
    /// Any other URN, kept whole.
    Other(String),
}

/// Why a string is not a valid [`PartyUrn`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartyUrnError {
    /// The string does not start with `urn:`.
    NotUrn(String),
    /// A national identity number must be exactly 11 ASCII digits.
    InvalidPersonIdentifier(String),
    /// An organization number must be exactly 9 ASCII digits.
    InvalidOrganizationNumber(String),
    /// An ID-porten e-mail identity must contain `@`.
    InvalidEmail(String),
    /// A legacy self-identified username must not be empty.
    EmptyUsername,
}

impl fmt::Display for PartyUrnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotUrn(s) => write!(f, "not a party URN: {s:?}"),
            Self::InvalidPersonIdentifier(s) => {
                write!(f, "national identity number must be 11 digits: {s:?}")
            }
            Self::InvalidOrganizationNumber(s) => {
                write!(f, "organization number must be 9 digits: {s:?}")
            }
            Self::InvalidEmail(s) => write!(f, "not an e-mail address: {s:?}"),
            Self::EmptyUsername => f.write_str("self-identified username is empty"),
        }
    }
}

impl std::error::Error for PartyUrnError {}

fn all_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len() && s.is_char_boundary(prefix.len()) {
        let (head, rest) = s.split_at(prefix.len());
        head.eq_ignore_ascii_case(prefix).then_some(rest)
    } else {
        None
    }
}

impl PartyUrn {
    /// A person URN from an 11-digit national identity number.
    pub fn person(ssn: &str) -> Result<Self, PartyUrnError> {
        if all_digits(ssn, 11) {
            Ok(Self::PersonIdentifierNo(ssn.to_owned()))
        } else {
            Err(PartyUrnError::InvalidPersonIdentifier(ssn.to_owned()))
        }
    }

    /// An organization URN from a 9-digit organization number.
    pub fn organization(org_number: &str) -> Result<Self, PartyUrnError> {
        if all_digits(org_number, 9) {
            Ok(Self::OrganizationIdentifierNo(org_number.to_owned()))
        } else {
            Err(PartyUrnError::InvalidOrganizationNumber(
                org_number.to_owned(),
            ))
        }
    }

    /// Parses leniently: whatever [`FromStr`] rejects becomes [`PartyUrn::Other`].
    pub fn parse_lenient(s: &str) -> Self {
        s.parse().unwrap_or_else(|_| Self::Other(s.to_owned()))
    }

    /// The organization number for organization URNs.
    pub fn org_number(&self) -> Option<&str> {
        match self {
            Self::OrganizationIdentifierNo(n) => Some(n),
            _ => None,
        }
    }

    /// The national identity number for person URNs.
    pub fn ssn(&self) -> Option<&str> {
        match self {
            Self::PersonIdentifierNo(n) => Some(n),
            _ => None,
        }
    }

    /// True for every person kind (identifier-no, ID-porten e-mail, self-identified).
    pub fn is_person(&self) -> bool {
        matches!(
            self,
            Self::PersonIdentifierNo(_) | Self::IdportenEmail(_) | Self::LegacySelfIdentified(_)
        )
    }

    /// True for organization URNs.
    pub fn is_organization(&self) -> bool {
        matches!(self, Self::OrganizationIdentifierNo(_))
    }

    /// True for the four prefixes Dialogporten accepts as a search `party`.
    pub fn is_accepted_by_dialogporten(&self) -> bool {
        !matches!(self, Self::Other(_))
    }
}

impl FromStr for PartyUrn {
    type Err = PartyUrnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(v) = strip_prefix_ci(s, PERSON_IDENTIFIER_NO) {
            return Self::person(v);
        }
        if let Some(v) = strip_prefix_ci(s, ORGANIZATION_IDENTIFIER_NO) {
            return Self::organization(v);
        }
        if let Some(v) = strip_prefix_ci(s, IDPORTEN_EMAIL) {
            return match v.split_once('@') {
                Some((user, domain)) if !user.is_empty() && !domain.is_empty() => {
                    Ok(Self::IdportenEmail(v.to_owned()))
                }
                _ => Err(PartyUrnError::InvalidEmail(v.to_owned())),
            };
        }
        if let Some(v) = strip_prefix_ci(s, LEGACY_SELF_IDENTIFIED) {
            return if v.is_empty() {
                Err(PartyUrnError::EmptyUsername)
            } else {
                Ok(Self::LegacySelfIdentified(v.to_owned()))
            };
        }
        if strip_prefix_ci(s, "urn:").is_some_and(|rest| !rest.is_empty()) {
            Ok(Self::Other(s.to_owned()))
        } else {
            Err(PartyUrnError::NotUrn(s.to_owned()))
        }
    }
}

impl fmt::Display for PartyUrn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PersonIdentifierNo(v) => write!(f, "{PERSON_IDENTIFIER_NO}{v}"),
            Self::OrganizationIdentifierNo(v) => write!(f, "{ORGANIZATION_IDENTIFIER_NO}{v}"),
            Self::IdportenEmail(v) => write!(f, "{IDPORTEN_EMAIL}{v}"),
            Self::LegacySelfIdentified(v) => write!(f, "{LEGACY_SELF_IDENTIFIED}{v}"),
            Self::Other(v) => f.write_str(v),
        }
    }
}

impl Serialize for PartyUrn {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartyUrn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(Self::parse_lenient(&s))
    }
}

string_enum! {
    /// `partyType` of an authorized party.
    pub enum PartyType {
        /// A company or other organization.
        Organization => "Organization",
        /// A natural person.
        Person => "Person",
    }
}

/// `GET /api/v1/enduser/parties` → `Parties`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parties {
    /// The parties the user may act for (including the user).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub authorized_parties: Vec<AuthorizedParty>,
}

/// One party the authenticated user may act for (`AuthorizedParty`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizedParty {
    /// The party URN.
    pub party: PartyUrn,
    /// The party's UUID.
    pub party_uuid: Uuid,
    /// The numeric (Altinn 2) party id.
    #[serde(default)]
    pub party_id: i32,
    /// Name verbatim from the registry, usually upper case.
    #[serde(default)]
    pub name: String,
    /// Date of birth (`YYYY-MM-DD`) for persons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Organization or person.
    pub party_type: PartyType,
    /// Whether the party is deleted.
    #[serde(default)]
    pub is_deleted: bool,
    /// Whether the user has a key role in the party.
    #[serde(default)]
    pub has_key_role: bool,
    /// Whether this party is the authenticated user.
    #[serde(default)]
    pub is_current_end_user: bool,
    /// Whether the user is the main administrator of the party.
    #[serde(default)]
    pub is_main_administrator: bool,
    /// Whether the user is an access manager of the party.
    #[serde(default)]
    pub is_access_manager: bool,
    /// Listed only to show the hierarchy: the user has access to sub-parties only.
    #[serde(default)]
    pub has_only_access_to_sub_parties: bool,
    /// Sub-parties (one level); `None` when the API leaves the field out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_parties: Option<Vec<AuthorizedParty>>,
}

impl AuthorizedParty {
    /// The sub-parties, empty when there are none.
    pub fn sub_parties(&self) -> &[AuthorizedParty] {
        self.sub_parties.as_deref().unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_known_prefixes() {
        let p: PartyUrn = "urn:altinn:person:identifier-no:08844397713"
            .parse()
            .unwrap();
        assert_eq!(p, PartyUrn::PersonIdentifierNo("08844397713".into()));
        assert!(p.is_person());
        assert_eq!(p.ssn(), Some("08844397713"));
        assert_eq!(p.org_number(), None);
        assert_eq!(p.to_string(), "urn:altinn:person:identifier-no:08844397713");

        let o: PartyUrn = "URN:ALTINN:ORGANIZATION:IDENTIFIER-NO:310010693"
            .parse()
            .unwrap();
        assert_eq!(o.org_number(), Some("310010693"));
        assert!(!o.is_person());
        assert_eq!(
            o.to_string(),
            "urn:altinn:organization:identifier-no:310010693"
        );

        let e: PartyUrn = "urn:altinn:person:idporten-email:a@b.no".parse().unwrap();
        assert_eq!(e, PartyUrn::IdportenEmail("a@b.no".into()));
        assert!(e.is_person());
        let l: PartyUrn = "urn:altinn:person:legacy-selfidentified:ola"
            .parse()
            .unwrap();
        assert_eq!(l, PartyUrn::LegacySelfIdentified("ola".into()));

        let other: PartyUrn = "urn:altinn:party:id:123".parse().unwrap();
        assert_eq!(other, PartyUrn::Other("urn:altinn:party:id:123".into()));
        assert_eq!(other.to_string(), "urn:altinn:party:id:123");
        assert!(!other.is_accepted_by_dialogporten());
    }

    #[test]
    fn rejects_bad_values() {
        for bad in [
            "urn:altinn:person:identifier-no:0884439771",
            "urn:altinn:person:identifier-no:088443977134",
            "urn:altinn:person:identifier-no:0884439771x",
            "urn:altinn:organization:identifier-no:31001069",
            "urn:altinn:organization:identifier-no:31001069a",
            "urn:altinn:organization:identifier-no:",
            "urn:altinn:person:idporten-email:nobody",
            "urn:altinn:person:legacy-selfidentified:",
            "310010693",
            "urn:",
            "",
        ] {
            assert!(bad.parse::<PartyUrn>().is_err(), "{bad} should be rejected");
        }
        assert!(PartyUrn::organization("12345678").is_err());
        assert!(PartyUrn::person("1234567890a").is_err());
    }

    #[test]
    fn serde_round_trip_and_lenient() {
        let p = PartyUrn::organization("310010693").unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#""urn:altinn:organization:identifier-no:310010693""#);
        assert_eq!(serde_json::from_str::<PartyUrn>(&json).unwrap(), p);
        let odd: PartyUrn = serde_json::from_str(r#""urn:altinn:person:identifier-no:1""#).unwrap();
        assert_eq!(
            odd,
            PartyUrn::Other("urn:altinn:person:identifier-no:1".into())
        );
        assert_eq!(
            serde_json::to_string(&odd).unwrap(),
            r#""urn:altinn:person:identifier-no:1""#
        );
    }
}
