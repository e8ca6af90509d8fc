//! The `orderBy` parameter of dialog search: parse, normalize and format.

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A sort key of `orderBy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderKey {
    /// `contentUpdatedAt` (the default key).
    ContentUpdatedAt,
    /// `updatedAt`.
    UpdatedAt,
    /// `createdAt`.
    CreatedAt,
    /// `dueAt`.
    DueAt,
    /// `id` (always the last key; the tie-breaker).
    Id,
}

impl OrderKey {
    /// Every key.
    pub const ALL: [OrderKey; 5] = [
        Self::ContentUpdatedAt,
        Self::UpdatedAt,
        Self::CreatedAt,
        Self::DueAt,
        Self::Id,
    ];

    /// Canonical lower-case form, as the API writes it (`contentupdatedat`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ContentUpdatedAt => "contentupdatedat",
            Self::UpdatedAt => "updatedat",
            Self::CreatedAt => "createdat",
            Self::DueAt => "dueat",
            Self::Id => "id",
        }
    }

    /// The camelCase spelling of the docs (`contentUpdatedAt`).
    pub fn camel_case(self) -> &'static str {
        match self {
            Self::ContentUpdatedAt => "contentUpdatedAt",
            Self::UpdatedAt => "updatedAt",
            Self::CreatedAt => "createdAt",
            Self::DueAt => "dueAt",
            Self::Id => "id",
        }
    }

    /// Case-insensitive parse.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

/// Sort direction; the default is descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OrderDirection {
    /// Ascending.
    Asc,
    /// Descending (the default).
    #[default]
    Desc,
}

impl OrderDirection {
    /// `asc` or `desc`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }
}

/// One `key_direction` term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OrderTerm {
    /// The key.
    pub key: OrderKey,
    /// The direction.
    pub direction: OrderDirection,
}

/// Why an `orderBy` value was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderByError {
    /// No terms.
    Empty,
    /// A key that is not one of contentUpdatedAt, updatedAt, createdAt, dueAt, id.
    UnknownKey(String),
    /// A suffix other than `_asc` / `_desc`.
    InvalidDirection(String),
    /// The same key twice.
    DuplicateKey(String),
}

impl fmt::Display for OrderByError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("orderBy is empty"),
            Self::UnknownKey(k) => write!(
                f,
                "unknown orderBy key {k:?}; valid keys are contentUpdatedAt, updatedAt, createdAt, dueAt, id"
            ),
            Self::InvalidDirection(d) => {
                write!(f, "invalid orderBy direction {d:?}; use _asc or _desc")
            }
            Self::DuplicateKey(k) => write!(f, "orderBy key {k:?} is given more than once"),
        }
    }
}

impl std::error::Error for OrderByError {}

/// A parsed, normalized `orderBy`.
///
/// Syntax: comma-separated `key[_asc|_desc]`, case-insensitive, default
/// direction `desc`. Normalization as the API does it: `id` is always the
/// last key (appended as `id_desc` when missing), and when `id` is the only
/// key the default key `contentupdatedat_desc` is put before it. The
/// canonical form is lower case: the default is `contentupdatedat_desc,id_desc`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrderBy {
    terms: Vec<OrderTerm>,
}

impl Default for OrderBy {
    fn default() -> Self {
        Self {
            terms: vec![
                OrderTerm {
                    key: OrderKey::ContentUpdatedAt,
                    direction: OrderDirection::Desc,
                },
                OrderTerm {
                    key: OrderKey::Id,
                    direction: OrderDirection::Desc,
                },
            ],
        }
    }
}

impl OrderBy {
    /// Builds a normalized order from terms (see the type docs).
    pub fn new(
        terms: impl IntoIterator<Item = (OrderKey, OrderDirection)>,
    ) -> Result<Self, OrderByError> {
        let mut out: Vec<OrderTerm> = Vec::new();
        for (key, direction) in terms {
            if out.iter().any(|t| t.key == key) {
                return Err(OrderByError::DuplicateKey(key.camel_case().to_owned()));
            }
            out.push(OrderTerm { key, direction });
        }
        if out.is_empty() {
            return Err(OrderByError::Empty);
        }
        // `id` last.
        let id = match out.iter().position(|t| t.key == OrderKey::Id) {
            Some(i) => out.remove(i),
            None => OrderTerm {
                key: OrderKey::Id,
                direction: OrderDirection::Desc,
            },
        };
        if out.is_empty() {
            out.push(OrderTerm {
                key: OrderKey::ContentUpdatedAt,
                direction: OrderDirection::Desc,
            });
        }
        out.push(id);
        Ok(Self { terms: out })
    }

    /// The terms, `id` last.
    pub fn terms(&self) -> &[OrderTerm] {
        &self.terms
    }

    /// The first (primary) term.
    pub fn primary(&self) -> OrderTerm {
        self.terms[0]
    }

    /// True when this is `contentupdatedat_desc,id_desc`.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl FromStr for OrderBy {
    type Err = OrderByError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut terms = Vec::new();
        for part in s.split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let lower = part.to_ascii_lowercase();
            let (key, direction) = match lower.rsplit_once('_') {
                Some((k, "asc")) => (k, OrderDirection::Asc),
                Some((k, "desc")) => (k, OrderDirection::Desc),
                Some((k, d)) if OrderKey::parse(k).is_some() => {
                    return Err(OrderByError::InvalidDirection(d.to_owned()));
                }
                _ => (lower.as_str(), OrderDirection::Desc),
            };
            let key =
                OrderKey::parse(key).ok_or_else(|| OrderByError::UnknownKey(part.to_owned()))?;
            terms.push((key, direction));
        }
        Self::new(terms)
    }
}

impl fmt::Display for OrderBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, t) in self.terms.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{}_{}", t.key.as_str(), t.direction.as_str())?;
        }
        Ok(())
    }
}

impl Serialize for OrderBy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for OrderBy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_by_parse_and_format() {
        assert_eq!(
            OrderBy::default().to_string(),
            "contentupdatedat_desc,id_desc"
        );
        let o: OrderBy = "createdAt_ASC".parse().unwrap();
        assert_eq!(o.to_string(), "createdat_asc,id_desc");
        let o: OrderBy = "dueAt,updatedat_asc".parse().unwrap();
        assert_eq!(o.to_string(), "dueat_desc,updatedat_asc,id_desc");
        let o: OrderBy = "id_asc,createdAt".parse().unwrap();
        assert_eq!(o.to_string(), "createdat_desc,id_asc");
        let o: OrderBy = "id_asc".parse().unwrap();
        assert_eq!(o.to_string(), "contentupdatedat_desc,id_asc");
        let o: OrderBy = "contentupdatedat_desc,id_desc".parse().unwrap();
        assert!(o.is_default());
        assert_eq!(o.primary().key, OrderKey::ContentUpdatedAt);
        assert_eq!(
            OrderBy::default().to_string().parse::<OrderBy>().unwrap(),
            OrderBy::default()
        );
    }

    #[test]
    fn order_by_errors() {
        assert_eq!("".parse::<OrderBy>(), Err(OrderByError::Empty));
        assert!(matches!(
            "duedate_asc".parse::<OrderBy>(),
            Err(OrderByError::UnknownKey(_))
        ));
        assert!(matches!(
            "createdAt_up".parse::<OrderBy>(),
            Err(OrderByError::InvalidDirection(_))
        ));
        assert!(matches!(
            "createdAt,createdat_asc".parse::<OrderBy>(),
            Err(OrderByError::DuplicateKey(_))
        ));
        assert!(serde_json::from_str::<OrderBy>(r#""nope""#).is_err());
    }
}
