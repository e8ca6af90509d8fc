//! Dates on the wire: RFC 3339 date-times (`2026-11-24T10:00:00.000Z`; .NET writes up to seven
//! fractional digits and `+00:00`), as every Altinn API sends them.
//!
//! Use with `#[serde(with = "altinn::time::rfc3339")]` (or `rfc3339_option` with
//! `#[serde(default)]`). chrono's own serde support parses through its general format engine,
//! about 10 KB of the portal's wasm; these go through chrono's dedicated RFC 3339 scanner, and
//! chrono is built without its `serde` feature where the portal is concerned, so a date field
//! without them does not compile there.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserializer, Serializer, de};

/// Reads an RFC 3339 date-time in any offset, as UTC.
pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(text).map(|at| at.with_timezone(&Utc))
}

/// Writes `at` the way chrono's serde support did: UTC with `Z`, fractional seconds in
/// groups of three digits when there are any.
pub fn format(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

struct Rfc3339Visitor;

impl de::Visitor<'_> for Rfc3339Visitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 date-time")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse(text).map_err(|err| E::custom(format_args!("{err}: {text:?}")))
    }
}

struct OptionVisitor;

impl<'de> de::Visitor<'de> for OptionVisitor {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 date-time or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(Rfc3339Visitor).map(Some)
    }
}

/// A required date-time field.
pub mod rfc3339 {
    use super::*;

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        d.deserialize_str(Rfc3339Visitor)
    }
}

/// An optional date-time field (`null` or missing is `None`; add `#[serde(default)]`).
pub mod rfc3339_option {
    use super::*;

    pub fn serialize<S: Serializer>(at: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_str(&format(at)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        d.deserialize_option(OptionVisitor)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Row {
        #[serde(with = "super::rfc3339")]
        at: chrono::DateTime<chrono::Utc>,
        #[serde(
            default,
            with = "super::rfc3339_option",
            skip_serializing_if = "Option::is_none"
        )]
        due: Option<chrono::DateTime<chrono::Utc>>,
    }

    fn utc(s: u32, nanos: u32) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 24, 10, 0, s)
            .unwrap()
            + chrono::Duration::nanoseconds(nanos.into())
    }

    #[test]
    fn reads_what_altinn_and_dotnet_write() {
        let read = |json: &str| serde_json::from_str::<Row>(json).unwrap();
        assert_eq!(read(r#"{"at":"2026-11-24T10:00:00Z"}"#).at, utc(0, 0));
        assert_eq!(
            read(r#"{"at":"2026-11-24T10:00:01.500Z"}"#).at,
            utc(1, 500_000_000)
        );
        assert_eq!(
            read(r#"{"at":"2026-11-24T11:00:00.1234567+01:00"}"#).at,
            utc(0, 123_456_700)
        );
        let row = read(r#"{"at":"2026-11-24T10:00:00Z","due":"2026-11-24T10:00:02Z"}"#);
        assert_eq!(row.due, Some(utc(2, 0)));
        assert_eq!(
            read(r#"{"at":"2026-11-24T10:00:00Z","due":null}"#).due,
            None
        );
        assert_eq!(read(r#"{"at":"2026-11-24T10:00:00Z"}"#).due, None);
    }

    #[test]
    fn rejects_what_is_not_a_date_time() {
        for json in [
            r#"{"at":"2026-11-24"}"#,
            r#"{"at":"2026-11-24T10:00:00"}"#,
            r#"{"at":"yesterday"}"#,
            r#"{"at":17}"#,
            r#"{"at":null}"#,
            r#"{"at":"2026-11-24T10:00:00Z","due":"soon"}"#,
        ] {
            assert!(serde_json::from_str::<Row>(json).is_err(), "{json}");
        }
        let err = serde_json::from_str::<Row>(r#"{"at":"yesterday"}"#).unwrap_err();
        assert!(err.to_string().contains("\"yesterday\""), "{err}");
    }

    #[test]
    fn writes_utc_with_z_and_round_trips() {
        let row = Row {
            at: utc(1, 500_000_000),
            due: Some(utc(0, 0)),
        };
        let json = serde_json::to_string(&row).unwrap();
        assert_eq!(
            json,
            r#"{"at":"2026-11-24T10:00:01.500Z","due":"2026-11-24T10:00:00Z"}"#
        );
        assert_eq!(serde_json::from_str::<Row>(&json).unwrap(), row);
        let none = Row {
            at: utc(0, 0),
            due: None,
        };
        assert_eq!(
            serde_json::to_string(&none).unwrap(),
            r#"{"at":"2026-11-24T10:00:00Z"}"#
        );
    }
}
