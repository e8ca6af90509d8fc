//! Serde helpers shared by the models.

use serde::{Deserialize, Deserializer};

/// Deserializes a nullable JSON array as a `Vec`, treating `null` as empty.
///
/// The spec marks most arrays nullable; the API omits nulls, and consumers
/// want a plain list. Use together with `#[serde(default)]`.
pub(crate) fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// Deserializes `null` as `T::default()`. Use together with `#[serde(default)]`.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
